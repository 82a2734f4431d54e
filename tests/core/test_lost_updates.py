"""Lost updates (issue #6, item 2): an edit carries the version its form was opened at;
a record changed meanwhile by another workstation is refused with the "changed by
someone else" message and nothing is overwritten.

Every case runs as two workstations would, on a SQLite file and on PostgreSQL: session A
reads the record (opens the form) and closes; session B changes it and commits; A then
saves with the version it read. The whole database is compared before and after A's
attempt.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from sqlalchemy import select, text

from secretariat.errors import ConflictError
from secretariat.model import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Membership,
    Minutes,
    MinutesEntry,
    Person,
)
from secretariat.services import meetings
from secretariat.services.meetings import actions, decisions, minutes
from secretariat.services.members import membership as memberships
from secretariat.services.members import people
from tests.core.factories import make_forum, make_meeting, make_person_with_membership

CONFLICT = "changed by someone else since you opened it"
TABLES = ("meeting", "agenda_item", "attendance", "minutes", "minutes_entry", "decision",
          "action_item", "person", "person_contact", "membership")


@pytest.fixture
def world(store) -> SimpleNamespace:
    with store.session() as s:
        make_forum(s)
        alice, alice_membership = make_person_with_membership(s, "Alice")
        bob, _bob_membership = make_person_with_membership(s, "Bob")
        people.update_person(s, alice.id, email="alice@example.org")
        meeting = make_meeting(s, items=["Opening", "Budget", "Other"], attendees=[alice, bob])
        spare = make_meeting(s, items=[])
        draft = minutes.start_minutes(s, meeting.id)
        decision = decisions.record_decision(s, meeting_id=meeting.id, text="Adopted.")
        action = actions.add_action(s, meeting_id=meeting.id, description="Publish it")
        s.commit()
        opening, budget, other = meeting.agenda_items
        return SimpleNamespace(
            meeting=meeting.id, spare=spare.id, opening=opening.id, budget=budget.id,
            other=other.id, alice=alice.id, bob=bob.id, membership=alice_membership.id,
            minutes=draft.id, decision=decision.id, action=action.id,
            attendance=s.scalar(select(Attendance.id).where(Attendance.person_id == alice.id)))


def snapshot(store) -> dict[str, list]:
    with store.engine.connect() as conn:
        return {table: [tuple(row) for row in conn.execute(text(
            f"SELECT * FROM {table} ORDER BY 1"))] for table in TABLES}


def version_of(store, model, record_id) -> int:
    with store.session() as s:  # the form is opened, then the session ends
        return s.get(model, record_id).version


def when_someone_else_changed_it_first(store, opened: int, theirs, mine) -> None:
    """B commits ``theirs``; A's ``mine(session, opened)`` must raise the conflict and
    change nothing, through the retrying helper as through a plain session."""
    store.run_transaction(theirs)
    before = snapshot(store)
    with pytest.raises(ConflictError, match=CONFLICT):
        store.run_transaction(lambda s: mine(s, opened))
    with store.session() as s, pytest.raises(ConflictError, match=CONFLICT):
        mine(s, opened)
    assert snapshot(store) == before


CASES = {
    "meeting details": (Meeting, "meeting",
                        lambda w: lambda s: meetings.update_meeting(s, w.meeting, location="B"),
                        lambda w: lambda s, v: meetings.update_meeting(
                            s, w.meeting, expected_version=v, title="Mine")),
    "meeting cancel": (Meeting, "meeting",
                       lambda w: lambda s: meetings.update_meeting(s, w.meeting, title="Theirs"),
                       lambda w: lambda s, v: meetings.cancel_meeting(
                           s, w.meeting, expected_version=v)),
    "meeting notice": (Meeting, "meeting",
                       lambda w: lambda s: meetings.update_meeting(s, w.meeting, location="B"),
                       lambda w: lambda s, v: meetings.update_meeting(
                           s, w.meeting, expected_version=v, notice_recipients="All",
                           notice_sent_at=dt.datetime(2025, 12, 1, tzinfo=dt.timezone.utc))),
    "meeting delete": (Meeting, "spare",
                       lambda w: lambda s: meetings.update_meeting(s, w.spare, location="B"),
                       lambda w: lambda s, v: meetings.delete_meeting(
                           s, w.spare, expected_version=v)),
    "agenda item update": (AgendaItem, "budget",
                           lambda w: lambda s: meetings.update_agenda_item(
                               s, w.budget, presenter="Theirs"),
                           lambda w: lambda s, v: meetings.update_agenda_item(
                               s, w.budget, expected_version=v, title="Mine")),
    "agenda item move": (AgendaItem, "budget",
                         lambda w: lambda s: meetings.update_agenda_item(
                             s, w.budget, title="Theirs"),
                         lambda w: lambda s, v: meetings.move_agenda_item(
                             s, w.budget, 1, expected_version=v)),
    "agenda item moved by others": (AgendaItem, "budget",
                                    lambda w: lambda s: meetings.move_agenda_item(
                                        s, w.budget, 3),
                                    lambda w: lambda s, v: meetings.update_agenda_item(
                                        s, w.budget, expected_version=v, title="Mine")),
    "agenda item remove": (AgendaItem, "other",
                           lambda w: lambda s: meetings.update_agenda_item(
                               s, w.other, title="Theirs"),
                           lambda w: lambda s, v: meetings.remove_agenda_item(
                               s, w.other, expected_version=v)),
    "attendance set": (Attendance, "attendance",
                       lambda w: lambda s: meetings.set_attendance(
                           s, w.meeting, person_id=w.alice, status="remote"),
                       lambda w: lambda s, v: meetings.set_attendance(
                           s, w.meeting, person_id=w.alice, status="apologies",
                           expected_version=v)),
    "attendance remove": (Attendance, "attendance",
                          lambda w: lambda s: meetings.set_attendance(
                              s, w.meeting, person_id=w.alice, status="remote"),
                          lambda w: lambda s, v: meetings.remove_attendance(
                              s, w.attendance, expected_version=v)),
    "minutes text": (Minutes, "minutes",
                     lambda w: lambda s: minutes.set_minutes_text(
                         s, w.minutes, text="Their closing words."),
                     lambda w: lambda s, v: minutes.set_minutes_text(
                         s, w.minutes, agenda_item_id=w.opening, text="Mine",
                         expected_version=v)),
    "minutes circulate": (Minutes, "minutes",
                          lambda w: lambda s: minutes.set_minutes_text(
                              s, w.minutes, text="Their closing words."),
                          lambda w: lambda s, v: minutes.circulate_minutes(
                              s, w.minutes, circulated_to="All", expected_version=v,
                              circulated_at=dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc))),
    "decision delete": (Decision, "decision",
                        lambda w: lambda s: setattr(s.get(Decision, w.decision),
                                                    "rationale", "Because."),
                        lambda w: lambda s, v: decisions.delete_decision(
                            s, w.decision, expected_version=v)),
    "action update": (ActionItem, "action",
                      lambda w: lambda s: actions.update_action(s, w.action, owner_text="Them"),
                      lambda w: lambda s, v: actions.update_action(
                          s, w.action, description="Mine", expected_version=v)),
    "action remove": (ActionItem, "action",
                      lambda w: lambda s: actions.update_action(s, w.action, owner_text="Them"),
                      lambda w: lambda s, v: actions.remove_action(
                          s, w.action, expected_version=v)),
    "person contact": (Person, "bob",
                       lambda w: lambda s: people.update_person(s, w.bob, email="b@them.org"),
                       lambda w: lambda s, v: people.update_person(
                           s, w.bob, email="b@me.org", expected_version=v)),
    "person delete": (Person, "bob",
                      lambda w: lambda s: people.update_person(s, w.bob, job_title="Chair"),
                      lambda w: lambda s, v: people.delete_person(s, w.bob, expected_version=v)),
    "membership update": (Membership, "membership",
                          lambda w: lambda s: memberships.update_membership(
                              s, w.membership, high_level=True),
                          lambda w: lambda s, v: memberships.update_membership(
                              s, w.membership, term_end=dt.date(2027, 12, 31),
                              expected_version=v)),
    "membership remove": (Membership, "membership",
                          lambda w: lambda s: memberships.update_membership(
                              s, w.membership, high_level=True),
                          lambda w: lambda s, v: memberships.remove_membership(
                              s, w.membership, expected_version=v)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_stale_edit_is_refused_and_changes_nothing(store, world, case):
    model, key, theirs, mine = CASES[case]
    opened = version_of(store, model, getattr(world, key))
    when_someone_else_changed_it_first(store, opened, theirs(world), mine(world))


@pytest.mark.parametrize("case", ["meeting details", "agenda item update", "attendance set",
                                  "minutes text", "action update", "person contact"])
def test_the_same_edit_with_the_current_version_is_saved(store, world, case):
    model, key, _theirs, mine = CASES[case]
    current = version_of(store, model, getattr(world, key))
    store.run_transaction(lambda s: mine(world)(s, current))
    assert version_of(store, model, getattr(world, key)) > current


def test_a_change_between_the_check_and_the_write_is_caught_at_write_time(store, world):
    """A's session has already read (and checked) the version when B commits: the UPDATE
    itself carries the version, so A's save still fails instead of overwriting."""
    with store.session() as mine:
        form = mine.get(Meeting, world.meeting)  # held: the session keeps what it read
        opened = form.version
        with store.session() as theirs:
            meetings.update_meeting(theirs, world.meeting, location="Their room")
            theirs.commit()
        with pytest.raises(ConflictError, match=CONFLICT) as raised:
            meetings.update_meeting(mine, world.meeting, expected_version=opened, title="Mine")
        assert raised.value.lost_race  # Store.run_transaction would read again and retry
    with store.session() as s:
        meeting = s.get(Meeting, world.meeting)
        assert (meeting.location, meeting.title != "Mine") == ("Their room", True)


def test_minutes_entries_have_their_own_versions(store, world):
    with store.session() as s:
        entries = {row.agenda_item_id: row for row in minutes.minutes_entries(s, world.minutes)}
    assert {row.version for row in entries.values()} == {1}
    # B writes the budget entry; A, who opened the minutes before, writes the opening.
    store.run_transaction(lambda s: minutes.set_minutes_text(
        s, world.minutes, agenda_item_id=world.budget, text="Theirs",
        expected_entry_version=entries[world.budget].version))
    store.run_transaction(lambda s: minutes.set_minutes_text(
        s, world.minutes, agenda_item_id=world.opening, text="Mine",
        expected_entry_version=entries[world.opening].version))
    # …but A's stale copy of the budget entry is refused.
    before = snapshot(store)
    with pytest.raises(ConflictError, match=CONFLICT):
        store.run_transaction(lambda s: minutes.set_minutes_text(
            s, world.minutes, agenda_item_id=world.budget, text="Mine too",
            expected_entry_version=entries[world.budget].version))
    assert snapshot(store) == before
    with store.session() as s:
        texts = {e.agenda_item_id: (e.text, e.version)
                 for e in s.scalars(select(MinutesEntry)
                                    .where(MinutesEntry.minutes_id == world.minutes))}
    assert texts[world.budget] == ("Theirs", 2) and texts[world.opening] == ("Mine", 2)


def test_the_editors_save_of_several_texts_is_checked_before_anything_is_written(
        store, world):
    with store.session() as s:
        opened = s.get(Minutes, world.minutes).version
        entries = {row.agenda_item_id: row.version
                   for row in minutes.minutes_entries(s, world.minutes)}
    texts = {world.opening: "Opened at two.", world.budget: "Adopted.", None: "Closed."}
    store.run_transaction(lambda s: minutes.set_minutes_text(
        s, world.minutes, agenda_item_id=world.budget, text="Theirs"))
    before = snapshot(store)
    for versions in ({"expected_version": opened},
                     {"expected_entry_versions": entries}):
        with pytest.raises(ConflictError, match=CONFLICT):
            store.run_transaction(lambda s: minutes.set_minutes_texts(
                s, world.minutes, texts, **versions))
        assert snapshot(store) == before
    # Texts of entries nobody else touched are saved, whatever else changed meanwhile.
    del texts[world.budget]
    store.run_transaction(lambda s: minutes.set_minutes_texts(
        s, world.minutes, texts, expected_entry_versions=entries))
    with store.session() as s:
        saved = {row.agenda_item_id: row.text
                 for row in minutes.minutes_entries(s, world.minutes)}
        assert saved[world.opening] == "Opened at two." and saved[world.budget] == "Theirs"
        assert s.get(Minutes, world.minutes).general_text == "Closed."


def test_an_attendance_record_removed_by_someone_else_is_a_conflict(store, world):
    """The form showed Alice's attendance record (its version), which someone else has
    removed since: saving it is refused rather than silently recording her again."""
    store.run_transaction(lambda s: meetings.remove_attendance(s, world.attendance))
    with pytest.raises(ConflictError, match=CONFLICT):
        store.run_transaction(lambda s: meetings.set_attendance(
            s, world.meeting, person_id=world.alice, status="present", expected_version=1))


def test_rows_the_forms_load_carry_versions(store, world):
    with store.session() as s:
        rows = {row.id: row for row in meetings.list_meetings(s)}
        assert rows[world.meeting].version == s.get(Meeting, world.meeting).version
        entry = minutes.minutes_entries(s, world.minutes)[0]
        assert entry.version == s.get(MinutesEntry, entry.id).version
        version = minutes.minutes_versions(s, world.meeting)[0]
        assert version.version == s.get(Minutes, world.minutes).version
        action = actions.action_rows(s, meeting_id=world.meeting)[0]
        assert action.version == s.get(ActionItem, world.action).version
