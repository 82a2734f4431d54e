"""The demo forums hold every kind of record, private ones included, and the large one
has the size DESIGN §4 asks for."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from secretariat.demo import (
    PRIVATE_MARKER,
    RESTRICTED_DOC_MARKER,
    DemoCancelled,
    load_demo,
    record_counts,
)
from secretariat.demo.large import LargeSpec
from secretariat.errors import SecretariatError
from secretariat.model import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionMethod,
    Document,
    Forum,
    Meeting,
    MeetingStatus,
    Membership,
    Minutes,
    MinutesStatus,
    PersonContact,
    Role,
    Side,
    agenda_item_document,
)
from secretariat.services import audit
from secretariat.services import documents
from secretariat.services import members
from secretariat.services.forum import create_forum

NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.timezone.utc)
TAIPEI = ZoneInfo("Asia/Taipei")
SMALL_SCALE_LARGE = LargeSpec(people=120, meetings=60, upcoming_meetings=4, agenda_items=900,
                              decisions=300, documents=80)


@pytest.fixture
def small_demo(store):
    summary = load_demo(store, scale="small", now=NOW)
    return store, summary


def test_small_demo_has_every_kind_of_record(small_demo):
    store, summary = small_demo
    assert all(count > 0 for count in summary.counts.values()), summary.counts
    with store.session() as s:
        forum = s.scalars(select(Forum)).one()
        assert forum.name_zh_tw == "開放政府國家行動方案多元利害關係人論壇"
        assert forum.time_zone == "Asia/Taipei" and forum.languages == "zh_TW,en"
        assert {m.role for m in s.scalars(select(Membership))} == set(Role)
        assert {a.status for a in s.scalars(select(Attendance))} >= {
            AttendanceStatus.PRESENT, AttendanceStatus.REMOTE, AttendanceStatus.APOLOGIES,
            AttendanceStatus.PROXY}
        assert {m.status for m in s.scalars(select(Minutes))} >= {
            MinutesStatus.DRAFT, MinutesStatus.LOCKED}
        assert s.scalar(select(func.max(Minutes.version_no))) == 2  # a correction
        for approved in s.scalars(select(Minutes).where(Minutes.approved_by_decision_id
                                                        .is_not(None))):
            approving = s.get(Meeting, s.get(Decision, approved.approved_by_decision_id)
                              .meeting_id)
            assert approved.circulated_at <= approving.starts_at  # read before approved
        methods = {d.method for d in s.scalars(select(Decision))}
        assert methods == {DecisionMethod.CONSENSUS, DecisionMethod.VOTE}
        assert audit.verify_chain(s).ok


def test_small_demo_seats_are_balanced_with_two_co_chairs_and_ended_terms(small_demo):
    store, _summary = small_demo
    today = NOW.astimezone(TAIPEI).date()
    with store.session() as s:
        balance = members.balance(s, on=today)
        assert (balance.government, balance.non_government) == (16, 16)
        rows = members.member_rows(s, on=today, include_past=True)
        co_chairs = [r for r in rows if r.role == Role.CO_CHAIR and r.active]
        assert sorted(r.side for r in co_chairs) == [Side.GOVERNMENT, Side.NON_GOVERNMENT]
        assert any(not r.active for r in rows)  # the previous term
        assert any(r.ended_on is not None for r in rows)  # an early resignation


def test_small_demo_meetings_past_year_and_two_upcoming_with_short_agendas(small_demo):
    store, _summary = small_demo
    with store.session() as s:
        meetings = list(s.scalars(select(Meeting).order_by(Meeting.starts_at)))
        upcoming = [m for m in meetings if m.starts_at > NOW]
        assert len(upcoming) == 2 and all(m.status == MeetingStatus.PLANNED for m in upcoming)
        past = [m for m in meetings if m.starts_at <= NOW]
        assert len(past) == 12
        assert all(NOW - m.starts_at < dt.timedelta(days=366) for m in past)
        assert len({m.kind for m in meetings}) == 5 and len({m.modality for m in meetings}) >= 2
        for meeting in meetings:
            assert 4 <= len(meeting.agenda_items) <= 8
            assert [i.position for i in meeting.agenda_items] == list(
                range(1, len(meeting.agenda_items) + 1))
            assert all(i.title and i.title_en for i in meeting.agenda_items)
        assert all(s.scalar(select(func.count()).where(Attendance.meeting_id == m.id))
                   for m in past if m.status == MeetingStatus.HELD)


def test_small_demo_keeps_private_details_and_a_restricted_paper(small_demo):
    store, _summary = small_demo
    with store.session() as s:
        contacts = list(s.scalars(select(PersonContact)))
        assert contacts and all(c.email and c.phone for c in contacts)
        assert any(PRIVATE_MARKER in c.internal_notes for c in contacts)
        assert s.scalar(select(func.count()).where(
            Meeting.internal_notes.contains(PRIVATE_MARKER))) == 1
        restricted = list(s.scalars(select(Document).where(Document.is_public.is_(False))))
        assert restricted and RESTRICTED_DOC_MARKER in restricted[0].title
        attached = s.scalar(select(func.count()).select_from(agenda_item_document).where(
            agenda_item_document.c.document_id == restricted[0].id))
        assert attached == 1
        for doc in s.scalars(select(Document)):
            path = documents.document_file(store.documents_dir, doc)
            assert path.stat().st_size == doc.size_bytes


def test_demo_refuses_a_database_that_already_has_a_forum(store):
    with store.session() as s:
        create_forum(s, name_zh_tw="既有論壇", name_en="Existing forum")
        s.commit()
    with pytest.raises(SecretariatError, match="already holds the forum"):
        load_demo(store, scale="small", now=NOW)
    with store.session() as s:
        assert record_counts(s)["meetings"] == 0


def test_cancelling_the_demo_saves_nothing(store):
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(DemoCancelled):
        load_demo(store, scale="small", now=NOW, cancel=cancel)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Forum)) == 0
        assert all(count == 0 for count in record_counts(s).values())


def test_unknown_scale_is_refused(store):
    with pytest.raises(SecretariatError, match="huge"):
        load_demo(store, scale="huge")


def test_large_demo_generator_has_exact_counts_and_valid_rows(store):
    reports = []
    summary = load_demo(store, scale="large", now=NOW, spec=SMALL_SCALE_LARGE,
                        progress=lambda done, total, label: reports.append((done, total)))
    spec = SMALL_SCALE_LARGE
    counts = summary.counts
    assert (counts["people"], counts["meetings"], counts["agenda_items"], counts["decisions"],
            counts["documents"]) == (spec.people, spec.meetings, spec.agenda_items,
                                     spec.decisions, spec.documents)
    assert all(count > 0 for count in counts.values()), counts
    done = [d for d, _total in reports]
    assert done == sorted(done) and reports[-1][0] == reports[-1][1]
    _check_large_rows(store, spec)


def _check_large_rows(store, spec: LargeSpec) -> None:
    with store.session() as s:
        numbers = list(s.scalars(select(Decision.number)))
        assert len(set(numbers)) == len(numbers)
        assert all(re.fullmatch(r"\d{4}-S\d{2,3}-R\d{2}", n) for n in numbers)
        positions = s.execute(
            select(AgendaItem.meeting_id, func.min(AgendaItem.position),
                   func.max(AgendaItem.position), func.count())
            .group_by(AgendaItem.meeting_id)).all()
        assert all(low == 1 and high == count for _m, low, high, count in positions)
        upcoming = s.scalar(select(func.count()).where(Meeting.starts_at > NOW))
        assert upcoming == spec.upcoming_meetings
        assert s.scalar(select(func.count()).where(Document.is_public.is_(False))) > 0
        for doc in s.scalars(select(Document)):  # the layout services.documents reads
            assert documents.document_file(store.documents_dir, doc).stat().st_size == \
                doc.size_bytes
        contact = s.scalars(select(PersonContact).where(
            PersonContact.internal_notes.contains(PRIVATE_MARKER))).first()
        assert contact is not None
        assert audit.verify_chain(s).ok
        _assert_minutes_close_with_other_matters(s)


def _assert_minutes_close_with_other_matters(s) -> None:
    """The general remarks print after the agenda items, under "Other matters": they
    record any other business and the close, not an opening speech."""
    remarks = list(s.scalars(select(Minutes.general_text)))
    assert remarks
    assert all(text.startswith("臨時動議：無。") and "宣布散會" in text
               for text in remarks), remarks[:3]


def test_small_demo_minutes_close_with_other_matters(small_demo):
    store, _summary = small_demo
    with store.session() as s:
        _assert_minutes_close_with_other_matters(s)


def test_full_size_large_demo(sqlite_url):
    """DESIGN §4's dataset, on SQLite (a few seconds; the CLI's target is under 2 minutes)."""
    from secretariat.store import open_store

    store = open_store(sqlite_url)
    try:
        summary = load_demo(store, scale="large", now=NOW)
    finally:
        store.close()
    counts = summary.counts
    assert counts["people"] == 500 and counts["meetings"] == 1000
    assert counts["agenda_items"] == 20_000 and counts["decisions"] == 10_000
    assert counts["documents"] == 5_000
