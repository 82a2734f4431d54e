"""Several clerks at once from the command line (issue #6, items 3 and 2): simultaneous
``decision record`` and ``agenda add`` processes all succeed with distinct numbers and
positions and no traceback; ``--expected-version`` refuses an edit of a record changed
since it was shown."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from sqlalchemy import select

from secretariat.model import AgendaItem, Decision, Meeting
from secretariat.store import open_store
from tests.cli.helpers import run
from tests.core.factories import make_forum, make_meeting

PROCESSES = 16


def _prepare(url: str) -> tuple[str, int]:
    store = open_store(url)
    try:
        with store.session() as s:
            make_forum(s)
            meeting = make_meeting(s, items=["Opening"])
            s.commit()
            return url, meeting.id
    finally:
        store.close()


@pytest.fixture
def prepared(db_url) -> tuple[str, int]:
    """On a SQLite file and on PostgreSQL."""
    return _prepare(db_url)


@pytest.fixture
def prepared_file(sqlite_url) -> tuple[str, int]:
    """On a SQLite file only: the services' tests cover both back ends."""
    return _prepare(sqlite_url)


def _environment() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SECRETARIAT_DB", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environment.update(LANG="en_US.UTF-8", PYTHONIOENCODING="utf-8")
    return environment


def test_simultaneous_commands_number_and_place_without_races(prepared):
    url, meeting_id = prepared
    commands = [["decision", "record", str(meeting_id), "--text", f"Decision {i}",
                 "--consensus"] if i % 2 == 0 else
                ["agenda", "add", str(meeting_id), "--title", f"Item {i}"]
                for i in range(PROCESSES)]
    processes = [subprocess.Popen([sys.executable, "-m", "secretariat.cli", "--db", url, *args],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  encoding="utf-8", env=_environment())
                 for args in commands]
    outcomes = [(p.wait(timeout=240), *p.communicate()) for p in processes]
    for code, out, err in outcomes:
        assert "Traceback" not in err, err
        assert code == 0, err
    store = open_store(url)
    try:
        with store.session() as s:
            numbers = s.scalars(select(Decision.number)).all()
            positions = s.scalars(select(AgendaItem.position)
                                  .where(AgendaItem.meeting_id == meeting_id)).all()
    finally:
        store.close()
    assert len(numbers) == len(set(numbers)) == PROCESSES // 2
    assert sorted(positions) == list(range(1, PROCESSES // 2 + 2))
    printed = {re.search(r"\(number (\S+)\)", out).group(1)
               for _code, out, _err in outcomes if "Recorded " in out}
    assert printed == set(numbers)


def _version(shown: str, label: str = "Record version") -> int:
    return int(re.search(rf"{label}\s*:?\s+(\d+)", shown).group(1))


def test_expected_version_refuses_an_edit_of_a_record_changed_since_it_was_shown(
        prepared_file):
    url, meeting_id = prepared_file
    shown = run("--db", url, "meeting", "show", str(meeting_id))
    assert shown.returncode == 0, shown.stderr
    opened = _version(shown.stdout)
    # Another clerk changes the meeting first, with the version they were shown.
    theirs = run("--db", url, "meeting", "update", str(meeting_id), "--location", "Room 2",
                 "--expected-version", str(opened))
    assert theirs.returncode == 0, theirs.stderr
    mine = run("--db", url, "meeting", "update", str(meeting_id), "--title", "Mine",
               "--expected-version", str(opened))
    assert mine.returncode == 1
    assert "changed by someone else since you opened it" in mine.stderr
    store = open_store(url)
    try:
        with store.session() as s:
            meeting = s.get(Meeting, meeting_id)
            assert (meeting.title != "Mine", meeting.location) == (True, "Room 2")
            assert meeting.version == opened + 1
            item_id = meeting.agenda_items[0].id
    finally:
        store.close()

    listed = run("--db", url, "agenda", "list", str(meeting_id))
    assert "Record version" in listed.stdout
    stale = run("--db", url, "agenda", "remove", str(item_id), "--expected-version", "99")
    assert stale.returncode == 1 and "changed by someone else" in stale.stderr
    assert "Opening" in run("--db", url, "agenda", "list", str(meeting_id)).stdout

    assert run("--db", url, "minutes", "start", str(meeting_id)).returncode == 0
    minutes = run("--db", url, "minutes", "show", str(meeting_id)).stdout
    version = _version(minutes)
    saved = run("--db", url, "minutes", "set", str(meeting_id), "--text", "Closed at five.",
                "--expected-version", str(version))
    assert saved.returncode == 0, saved.stderr
    stale = run("--db", url, "minutes", "set", str(meeting_id), "--text", "Closed at six.",
                "--expected-version", str(version))
    assert stale.returncode == 1 and "changed by someone else" in stale.stderr
    assert "Closed at five." in run("--db", url, "minutes", "show", str(meeting_id)).stdout
