"""The public register of interests holds public items only: a marker planted in every
private field of the database appears nowhere in the file's bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io

from sqlalchemy import String, Text, select

from secretariat.interest_vocabulary import InterestKind, MeetingInterestAction
from secretariat.model import (
    InterestBreach,
    InterestItem,
    Meeting,
    MeetingInterest,
    PersonContact,
)
from secretariat.services.interests import breaches, meeting_declare, register
from secretariat.services.interests.declare import ItemInput, declare_interests
from tests.core.factories import make_meeting, make_person_with_membership

PRIVATE_ROWS = (
    (InterestItem, InterestItem.is_public.is_(False)),
    (PersonContact, None),
    (Meeting, None),  # only its internal notes are private; see _private_columns
    (MeetingInterest, None),
    (InterestBreach, None),
)


def _private_columns(model):
    if model is Meeting:
        return ["internal_notes"]
    # Free text only (enums are strings too, but hold no one's words).
    return [c.key for c in model.__table__.columns if type(c.type) in (String, Text)]


def _plant_markers(session) -> list[str]:
    """Every text field of every private row gets its own marker; returns them."""
    markers = []
    for model, where in PRIVATE_ROWS:
        query = select(model) if where is None else select(model).where(where)
        for number, row in enumerate(session.scalars(query)):
            for column in _private_columns(model):
                marker = f"SECRET-{model.__tablename__}-{column}-{number}-機密"
                setattr(row, column, marker)
                markers.append(marker)
    session.flush()
    return markers


def _forum_with_private_and_public_interests(session):
    chen, _ = make_person_with_membership(session, "陳大文", organisation="開放文化基金會")
    lin, _ = make_person_with_membership(session, "林美玲")
    declare_interests(session, person_id=chen.id, declared_on=dt.date(2026, 2, 1), items=[
        ItemInput(kind=InterestKind.EMPLOYMENT, description="公開職務", description_en="Public job",
                  organisation_name="開放文化基金會"),
        ItemInput(kind=InterestKind.SHAREHOLDING, description="x", description_en="x",
                  organisation_name="x", is_public=False),
        ItemInput(kind=InterestKind.FAMILY_TIE, description="y", is_public=False),
    ])
    declare_interests(session, person_id=lin.id, declared_on=dt.date(2026, 3, 1), items=[
        ItemInput(kind=InterestKind.GIFT, description="z", organisation_name="z",
                  is_public=False)])
    meeting = make_meeting(session, items=["開幕", "補助案"], attendees=[chen, lin])
    meeting_declare.declare_at_meeting(
        session, meeting_id=meeting.id, agenda_item_id=meeting.agenda_items[1].id,
        person_id=chen.id, nature="n", action=MeetingInterestAction.RECUSED)
    breaches.record_breach(session, person_id=lin.id, occurred_on=dt.date(2026, 3, 5),
                           description="d", sanction="s", decided_on=dt.date(2026, 4, 1))
    for person in (chen, lin):
        session.add(PersonContact(person_id=person.id, email="e@example.org", phone="1",
                                  address="a", internal_notes="i"))
    session.flush()
    return chen, lin


def test_no_private_field_reaches_the_register(session, tmp_path):
    _forum_with_private_and_public_interests(session)
    markers = _plant_markers(session)
    assert len(markers) >= 15  # the planting itself worked
    out = tmp_path / "register.csv"
    assert register.write_register(session, out) == 2
    data = out.read_bytes()
    for marker in markers:
        assert marker.encode("utf-8") not in data, marker
    # Even what kind of interest a private item is stays inside.
    for kind in ("shareholding", "family_tie", "gift"):
        assert kind.encode() not in data
    # The public part is there, and the file is what Excel reads as UTF-8.
    assert data.startswith(b"\xef\xbb\xbf")
    assert "公開職務".encode() in data and b"Public job" in data


def test_register_columns_and_rows(session, tmp_path):
    chen, lin = _forum_with_private_and_public_interests(session)
    rows = list(csv.DictReader(io.StringIO(register.register_csv(
        register.register_rows(session)).decode("utf-8-sig"))))
    assert tuple(rows[0]) == register.COLUMNS
    assert [(r["person"], r["declared_on"], r["kind"], r["organisation"]) for r in rows] == [
        ("林美玲", "2026-03-01", "", ""),  # declared, nothing public
        ("陳大文", "2026-02-01", "employment", "開放文化基金會"),
    ]
    assert rows[1]["kind_label"] == "Employment"


def test_only_the_newest_declaration_is_in_the_register(session):
    chen, _ = make_person_with_membership(session, "陳大文")
    declare_interests(session, person_id=chen.id, declared_on=dt.date(2025, 2, 1), items=[
        ItemInput(kind=InterestKind.EMPLOYMENT, description="舊職務")])
    declare_interests(session, person_id=chen.id, declared_on=dt.date(2026, 2, 1), items=[
        ItemInput(kind=InterestKind.EMPLOYMENT, description="新職務")])
    assert [r.description for r in register.register_rows(session)] == ["新職務"]
