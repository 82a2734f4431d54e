"""Concurrent writers (issue #6, item 3): sixteen sessions recording decisions, adding
agenda items or the same attendee at the same moment get distinct numbers and positions
and one record, never a raw error or a duplicate; transient failures are retried and end
in a translated message; the unique constraints and the migration that repairs existing
duplicates.

Each worker is a thread with its own session (its own connection), on a SQLite file and
on PostgreSQL, released together by a barrier so that their reads and writes overlap.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, exc, func, insert, make_url, select, text
from sqlalchemy.pool import NullPool

from secretariat.errors import BusyError, ConflictError, SecretariatError
from secretariat.model import AgendaItem, Attendance, Decision, Meeting
from secretariat.services.meetings import (
    add_agenda_item,
    move_agenda_item,
    remove_agenda_item,
    set_attendance,
)
from secretariat.services.meetings import decisions, minutes
from secretariat.store import migrations, open_store
from secretariat.store import transactions
from tests.core.factories import make_forum, make_meeting, make_members

WORKERS = 16
TIMEOUT = 120  # seconds for all workers of one round


def concurrently(count: int, work) -> tuple[list, list[BaseException]]:
    """``work(i)`` in ``count`` threads started together; (results, errors)."""
    barrier = threading.Barrier(count)
    results: list = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        barrier.wait(timeout=TIMEOUT)
        try:
            result = work(i)
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            with lock:
                errors.append(error)
        else:
            with lock:
                results.append(result)

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + TIMEOUT
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    assert not any(t.is_alive() for t in threads), "workers still running: a deadlock?"
    return results, errors


@pytest.fixture
def meeting_id(store) -> int:
    with store.session() as s:
        make_forum(s)
        meeting = make_meeting(s, items=["Opening"])
        s.commit()
        return meeting.id


def _plain_session(store, fn):
    """The way the desktop application's worker runs a job today: a plain session,
    committed, no retry. The services' own locking must be enough."""
    with store.session() as s:
        result = fn(s)
        s.commit()
        return result


@pytest.mark.parametrize("runner", ["run_transaction", "plain_session"])
def test_simultaneous_decisions_get_distinct_consecutive_numbers(store, meeting_id, runner):
    def record(i: int) -> str:
        def job(s):
            return decisions.record_decision(s, meeting_id=meeting_id, text=f"Decision {i}").number
        return store.run_transaction(job) if runner == "run_transaction" \
            else _plain_session(store, job)

    numbers, errors = concurrently(WORKERS, record)
    assert errors == []
    prefix = numbers[0].rsplit("-", 1)[0]
    assert sorted(numbers) == [f"{prefix}-R{n:02d}" for n in range(1, WORKERS + 1)]
    with store.session() as s:
        assert s.scalar(select(func.count(Decision.id))) == WORKERS


def test_simultaneous_decisions_of_different_meetings_never_share_a_number(store):
    with store.session() as s:
        make_forum(s)
        ids = [make_meeting(s, items=[]).id for _ in range(4)]
        s.commit()

    def record(i: int) -> str:
        return store.run_transaction(lambda s: decisions.record_decision(
            s, meeting_id=ids[i % len(ids)], text=f"Decision {i}").number)

    numbers, errors = concurrently(WORKERS, record)
    assert errors == []
    assert len(set(numbers)) == WORKERS


@pytest.mark.parametrize("runner", ["run_transaction", "plain_session"])
def test_simultaneous_agenda_additions_get_the_next_positions(store, meeting_id, runner):
    def add(i: int) -> int:
        def job(s):
            return add_agenda_item(s, meeting_id, title=f"Item {i}").position
        return store.run_transaction(job) if runner == "run_transaction" \
            else _plain_session(store, job)

    positions, errors = concurrently(WORKERS, add)
    assert errors == []
    assert sorted(positions) == list(range(2, WORKERS + 2))  # "Opening" is 1
    with store.session() as s:
        stored = s.scalars(select(AgendaItem.position)
                           .where(AgendaItem.meeting_id == meeting_id)).all()
    assert sorted(stored) == list(range(1, WORKERS + 2))


def test_simultaneous_reordering_keeps_positions_one_to_n(store, meeting_id):
    with store.session() as s:
        ids = [add_agenda_item(s, meeting_id, title=f"Item {i}").id for i in range(5)]
        s.commit()

    def shuffle(i: int) -> None:
        if i % 4 == 3:
            store.run_transaction(lambda s: add_agenda_item(s, meeting_id, title=f"New {i}"))
        else:
            store.run_transaction(lambda s: move_agenda_item(s, ids[i % len(ids)], 1 + i % 5))

    _results, errors = concurrently(WORKERS, shuffle)
    assert errors == []
    with store.session() as s:
        stored = s.scalars(select(AgendaItem.position)
                           .where(AgendaItem.meeting_id == meeting_id)).all()
    assert sorted(stored) == list(range(1, len(stored) + 1))
    assert len(stored) == 6 + WORKERS // 4


@pytest.mark.parametrize("runner", ["run_transaction", "plain_session"])
def test_the_same_attendee_recorded_at_once_is_one_record(store, meeting_id, runner):
    with store.session() as s:
        person = make_members(s, 1)[0]
        s.commit()
    statuses = ["present", "remote"]

    def attend(i: int) -> None:
        def job(s):
            set_attendance(s, meeting_id, person_id=person.id, status=statuses[i % 2])
            set_attendance(s, meeting_id, guest_name="Jane Guest", status="present",
                           capacity="guest")
        return store.run_transaction(job) if runner == "run_transaction" \
            else _plain_session(store, job)

    _results, errors = concurrently(WORKERS, attend)
    assert errors == []
    with store.session() as s:
        rows = s.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id)).all()
    assert sorted((r.person_id is None, r.guest_name) for r in rows) == [
        (False, ""), (True, "Jane Guest")]


def test_minutes_started_twice_at_once_make_one_version(store, meeting_id):
    def start(_i: int) -> int:
        return store.run_transaction(lambda s: minutes.start_minutes(s, meeting_id).id)

    started, errors = concurrently(4, start)
    assert len(started) == 1
    assert [str(e) for e in errors] == [
        "This meeting already has minutes. Open them, or make a correction if they are "
        "approved."] * 3


# --- the unique constraints ------------------------------------------------------------


def test_two_items_cannot_share_a_position_even_bypassing_the_services(store, meeting_id):
    with store.engine.connect() as conn:
        row = conn.execute(select(AgendaItem.__table__).where(
            AgendaItem.meeting_id == meeting_id)).mappings().one()
        duplicate = {k: v for k, v in row.items() if k != "id"}
        with pytest.raises(exc.IntegrityError):
            conn.execute(insert(AgendaItem.__table__).values(**duplicate))


def test_a_guest_cannot_be_recorded_twice_even_bypassing_the_services(store, meeting_id):
    with store.engine.connect() as conn:
        values = {"meeting_id": meeting_id, "person_id": None, "guest_name": "Jane",
                  "capacity": "guest", "status": "present", "version": 1}
        conn.execute(insert(Attendance.__table__).values(**values))
        with pytest.raises(exc.IntegrityError):
            conn.execute(insert(Attendance.__table__).values(**values))


def test_removing_and_moving_items_never_meet_the_unique_position(session, forum):
    meeting = make_meeting(session, items=["A", "B", "C", "D"])
    a, b, c, d = meeting.agenda_items
    move_agenda_item(session, d.id, 1)
    move_agenda_item(session, a.id, 4)
    remove_agenda_item(session, b.id)
    session.commit()
    session.expire_all()
    items = session.get(Meeting, meeting.id).agenda_items
    assert [(i.title, i.position) for i in items] == [("D", 1), ("C", 2), ("A", 3)]


# --- the retry helper ------------------------------------------------------------------


def _locked() -> exc.OperationalError:
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode = 5  # SQLITE_BUSY
    return exc.OperationalError("INSERT …", {}, error)


def _duplicate() -> exc.IntegrityError:
    error = sqlite3.IntegrityError("UNIQUE constraint failed: decision.forum_id, decision.number")
    error.sqlite_errorcode = 2067  # SQLITE_CONSTRAINT_UNIQUE
    return exc.IntegrityError("INSERT …", {}, error)


def test_transient_failures_are_retried_until_the_work_succeeds(store, meeting_id):
    failures = [_locked(), _duplicate()]
    calls = []

    def job(s):
        calls.append(1)
        add_agenda_item(s, meeting_id, title=f"Attempt {len(calls)}")
        if failures:
            raise failures.pop(0)
        return "done"

    assert store.run_transaction(job) == "done"
    assert len(calls) == 3
    with store.session() as s:  # the failed attempts were rolled back
        titles = s.scalars(select(AgendaItem.title).where(AgendaItem.meeting_id == meeting_id)
                           .order_by(AgendaItem.position)).all()
    assert titles == ["Opening", "Attempt 3"]


@pytest.mark.parametrize("failure, error_type, message", [
    (_locked, BusyError, "The database is busy: another workstation or program is using "
                         "it (saving changes, or holding it open in a database tool). "
                         "Nothing was saved; try again in a moment, or close the other "
                         "program if it stays busy."),
    (_duplicate, ConflictError, "This record was changed by someone else since you opened "
                                "it. Reload and try again."),
])
def test_persistent_transient_failures_end_in_a_translated_message(
        store, failure, error_type, message):
    calls = []

    def job(_s):
        calls.append(1)
        raise failure()

    with pytest.raises(error_type) as raised:
        store.run_transaction(job, retries=2)
    assert len(calls) == 3
    assert str(raised.value) == message
    assert raised.value.msgid == message  # an msgid: translated when shown


def test_user_errors_and_bugs_are_not_retried(store):
    calls = []

    def refused(_s):
        calls.append(1)
        raise SecretariatError("Refused.")

    with pytest.raises(SecretariatError, match="Refused"):
        store.run_transaction(refused)
    with pytest.raises(ZeroDivisionError):
        store.run_transaction(lambda s: calls.append(1) or 1 / 0)
    assert len(calls) == 2


def test_error_classification():
    assert transactions.transient_kind(_locked()) == transactions.BUSY
    assert transactions.transient_kind(_duplicate()) == transactions.RACE
    lost = ConflictError(transactions.RACE_MESSAGE)
    assert transactions.transient_kind(lost) is None  # a stale form: no retry
    lost.lost_race = True
    assert transactions.transient_kind(lost) == transactions.RACE
    not_null = sqlite3.IntegrityError("NOT NULL constraint failed: meeting.title")
    not_null.sqlite_errorcode = 1299
    assert transactions.transient_kind(exc.IntegrityError("", {}, not_null)) is None


def test_a_sqlite_writer_waits_for_another_program_holding_the_lock(sqlite_url):
    store = open_store(sqlite_url)
    try:
        with store.session() as s:
            make_forum(s)
            meeting = make_meeting(s, items=[])
            s.commit()
        other = sqlite3.connect(make_url(sqlite_url).database, isolation_level=None,
                                check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.5, other.rollback)
        release.start()
        started = time.monotonic()
        item = store.run_transaction(lambda s: add_agenda_item(s, meeting.id, title="After"),
                                     retries=0)
        assert time.monotonic() - started >= 0.4  # it waited instead of failing
        assert item.position == 1
        release.join()
        other.close()
    finally:
        store.close()


def test_a_writing_sqlite_session_holds_the_write_lock_from_its_first_read(sqlite_url):
    store = open_store(sqlite_url)
    try:
        with store.session(write=True) as s:
            s.execute(text("SELECT 1"))
            other = sqlite3.connect(make_url(sqlite_url).database, timeout=0)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
        with store.session() as s:  # a plain session reads without locking
            s.execute(text("SELECT 1"))
            other = sqlite3.connect(make_url(sqlite_url).database, timeout=0)
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
            other.close()
    finally:
        store.close()


# --- the migration ---------------------------------------------------------------------


def test_upgrade_repairs_shared_positions_and_duplicate_guests_first(db_url):
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, "0004_pg_search_doc")
            stamp = "version, created_at, updated_at"
            conn.execute(text(
                "INSERT INTO forum (id, name_zh_tw, name_en, jurisdiction, languages, "
                f"time_zone, website, contact_point, quorum_percent, notice_days, {stamp}) "
                "VALUES (1, '論壇', 'Forum', '', 'zh_TW,en', 'Asia/Taipei', '', '', 50, 14, "
                "1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
            for meeting_id in (1, 2):
                conn.execute(text(
                    "INSERT INTO meeting (id, forum_id, title, title_en, kind, phase, modality, "
                    "status, starts_at, ends_at, time_zone, location, remote_link, is_public, "
                    f"notice_recipients, internal_notes, {stamp}) VALUES (:id, 1, 'M', '', "
                    "'forum_meeting', 'whole_cycle', 'in_person', 'planned', :start, :end, "
                    "'Asia/Taipei', 'Room', '', false, '', '', 1, CURRENT_TIMESTAMP, "
                    "CURRENT_TIMESTAMP)"),
                    {"id": meeting_id, "start": f"2026-0{meeting_id}-01 06:00:00",
                     "end": f"2026-0{meeting_id}-01 08:00:00"})
            # Meeting 1 as two simultaneous additions left it; meeting 2 is fine.
            for item_id, meeting_id, position in ((1, 1, 1), (2, 1, 2), (3, 1, 2), (4, 1, 3),
                                                  (5, 2, 1), (6, 2, 2)):
                conn.execute(text(
                    "INSERT INTO agenda_item (id, meeting_id, position, title, title_en, "
                    f"purpose, presenter, proposed_by, {stamp}) VALUES (:id, :meeting, "
                    ":position, :title, '', 'discussion', '', 'government', 1, "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                    {"id": item_id, "meeting": meeting_id, "position": position,
                     "title": f"Item {item_id}"})
            for attendance_id in (1, 2, 3):
                conn.execute(text(
                    "INSERT INTO attendance (id, meeting_id, person_id, guest_name, capacity, "
                    "status, version) VALUES (:id, 1, NULL, 'Jane', 'guest', 'present', 1)"),
                    {"id": attendance_id})
        store = open_store(db_url)
        store.close()
        with engine.connect() as conn:
            items = conn.execute(text("SELECT id, meeting_id, position, version FROM "
                                      "agenda_item ORDER BY id")).all()
            assert [tuple(r) for r in items] == [(1, 1, 1, 1), (2, 1, 2, 1), (3, 1, 3, 2),
                                                  (4, 1, 4, 2), (5, 2, 1, 1), (6, 2, 2, 1)]
            assert conn.execute(text("SELECT id FROM attendance")).scalars().all() == [1]
            assert migrations.schema_differences(conn) == []
    finally:
        engine.dispose()


def test_the_migration_imports_no_program_code():
    script = (Path(migrations.__file__).parent / "versions" / "0005_concurrent_writers.py")
    imports = [line for line in script.read_text(encoding="utf-8").splitlines()
               if line.startswith(("import ", "from "))]
    assert imports == ["from __future__ import annotations", "import sqlalchemy as sa",
                       "from alembic import op"]
