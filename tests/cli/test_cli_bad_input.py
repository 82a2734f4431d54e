"""Issue #11, what a clerk and a careless file run into on the command line: numbers
beyond the database's range, dates at the ends of the calendar, endless files, a status
the command line could not set, circulations and decisions dated in the future. Each is
refused with a message and saves nothing; none ends in a traceback (``run`` checks)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run

HUGE = str(2**70)
TODAY = dt.date.today()
PAST = (TODAY - dt.timedelta(days=30)).isoformat()
FUTURE = (TODAY + dt.timedelta(days=15)).isoformat()


def _ok(db: Path, *args: str, lang: str = "en_US.UTF-8") -> str:
    result = run("--db", str(db), *args, lang=lang)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _refused(db: Path, *args: str, code: int = 1, lang: str = "en_US.UTF-8") -> str:
    result = run("--db", str(db), *args, lang=lang)
    assert result.returncode == code, result.stdout + result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    """Meeting 1 a month ago with an agenda item, meeting 2 in fifteen days."""
    db = tmp_path_factory.mktemp("bad-input") / "forum.db"
    _ok(db, "init", "--name", "測試論壇", "--name-en", "Test Forum")
    _ok(db, "meeting", "create", "--title", "上月會議", "--start", f"{PAST} 14:00",
        "--end", f"{PAST} 16:00", "--location", "臺北")
    _ok(db, "meeting", "create", "--title", "下次會議", "--start", f"{FUTURE} 14:00",
        "--end", f"{FUTURE} 16:00", "--location", "臺北")
    _ok(db, "agenda", "add", "1", "--title", "報告事項")
    return db


@pytest.fixture
def db(prepared, tmp_path) -> Path:
    copy = tmp_path / "forum.db"
    shutil.copy(prepared, copy)
    return copy


@pytest.mark.parametrize("args", [
    ("meeting", "show", HUGE), ("agenda", "move", HUGE, "1"), ("agenda", "move", "1", HUGE),
    ("search", "會議", "--limit", HUGE), ("minutes", "show", "1", "--version", HUGE),
    ("action", "list", "--meeting", HUGE), ("meeting", "show", "-1"),
])
def test_numbers_beyond_the_database_range_are_usage_errors(prepared, args):
    refused = _refused(prepared, *args, code=2)
    assert "is not a whole number from 1 to 9,223,372,036,854,775,807" in refused


def test_a_person_number_beyond_the_range_names_no_one(db):
    refused = _refused(db, "attendance", "set", "1", HUGE, "--status", "present")
    assert f"There is no person with number {HUGE}" in refused


@pytest.mark.parametrize("start, end, year", [
    ("0001-01-01 00:00", "0001-01-01 01:00", "1"),
    ("9999-12-31 20:00", "9999-12-31 23:00", "9999"),
])
def test_meeting_times_at_the_ends_of_the_calendar_are_refused(db, tmp_path, start, end, year):
    refused = _refused(db, "meeting", "create", "--title", "打錯", "--start", start,
                       "--end", end, "--location", "臺北")
    assert f"Start must be in a year from 1912 to 2200 (got {year})" in refused
    assert "打錯" not in _ok(db, "meeting", "list")
    _ok(db, "export", "ics", "--out", str(tmp_path / "all.ics"))  # still works for everyone


def test_an_endless_minutes_file_is_refused_with_the_limit(db):
    _ok(db, "minutes", "start", "1")
    refused = _refused(db, "minutes", "set", "1", "--file", "/dev/zero")
    assert "The file /dev/zero is larger than 10 MB" in refused
    chinese = _refused(db, "minutes", "set", "1", "--file", "/dev/zero", lang="zh_TW.UTF-8")
    assert "/dev/zero" in chinese and "10 MB" in chinese


def test_an_endless_paper_is_refused(db):
    refused = _refused(db, "agenda", "attach", "1", "/dev/zero")
    assert "The file /dev/zero is larger than 200 MB" in refused


def test_meeting_update_sets_the_status_a_clerk_expects(db):
    assert "only once it has started" in _refused(db, "meeting", "update", "2",
                                                  "--status", "held")
    assert "“Held”" in _ok(db, "meeting", "update", "1", "--status", "held")
    assert "Held" in _ok(db, "meeting", "show", "1")
    # The words the clerk reads are accepted too, in Chinese.
    _ok(db, "meeting", "update", "2", "--status", "已取消", lang="zh_TW.UTF-8")
    assert "Cancelled" in _ok(db, "meeting", "show", "2")
    _ok(db, "meeting", "update", "2", "--status", "planned")  # re-planned
    assert "Planned" in _ok(db, "meeting", "show", "2")
    # A held meeting with a decision stays held.
    _ok(db, "decision", "record", "1", "--text", "通過", "--consensus")
    assert "cannot be cancelled" in _refused(db, "meeting", "update", "1", "--status",
                                             "cancelled")
    assert "cannot be planned again" in _refused(db, "meeting", "update", "1", "--status",
                                                 "planned")


def test_status_help_lists_the_choices_with_their_words(prepared):
    shown = _ok(prepared, "meeting", "update", "--help", lang="zh_TW.UTF-8")
    assert "planned（已排定）" in " ".join(shown.split())  # full-width brackets in Chinese
    assert "cancelled（已取消）" in " ".join(shown.split())


def test_circulations_and_decisions_in_the_future_are_refused(db):
    _ok(db, "minutes", "start", "1")
    refused = _refused(db, "minutes", "circulate", "1", "--on", "2030-01-01", "--to", "全體委員")
    assert "has not come yet" in refused
    assert "before the meeting ended" in _refused(
        db, "minutes", "circulate", "1", "--on", f"{PAST} 15:00", "--to", "全體委員")
    assert "Draft" in _ok(db, "minutes", "versions", "1")
    assert "has not started yet" in _refused(db, "decision", "record", "2", "--text", "先決",
                                             "--consensus")
    assert _ok(db, "decision", "list").strip() == "No decisions."
