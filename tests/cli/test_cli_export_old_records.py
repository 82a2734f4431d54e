"""Exports of records an older version let in and today's input checks refuse, stored
straight through the ORM as such a database holds them: an agenda item title of 100,000
characters, a meeting in the year 9999. The documents are still written; the calendar
leaves out the one meeting it cannot hold, says so, and holds the others."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

from secretariat.model import AgendaItem, Meeting
from secretariat.store import open_store
from tests.cli.helpers import make_small_demo, run

VERY_LONG_TITLE = "議題" * 50_000
YEAR_9999 = dt.datetime(9999, 12, 31, 22, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return make_small_demo(tmp_path_factory.mktemp("old-records"))


@pytest.fixture
def db(demo, tmp_path) -> Path:
    copy = tmp_path / "demo.db"
    shutil.copy(demo, copy)
    shutil.copytree(demo.with_name("demo.db.files"), tmp_path / "demo.db.files")
    for extra in demo.parent.glob("demo.db.*"):
        if extra.is_file():
            shutil.copy(extra, tmp_path / extra.name)
    return copy


def _change_rows(db: Path, change) -> int:
    """``change(session)`` committed straight through the ORM; what it returns."""
    store = open_store(f"sqlite:///{db}", create=False)
    try:
        with store.session(write=True) as s:
            result = change(s)
            s.commit()
            return result
    finally:
        store.close()


def _upcoming_meeting_ids(db: Path) -> list[int]:
    result = run("--db", str(db), "export", "ics", "--out", str(db.with_name("all.ics")))
    assert result.returncode == 0, result.stderr
    calendar = Calendar.from_ical(db.with_name("all.ics").read_bytes())
    return [int(str(e["UID"]).split("@")[0].split("-")[1]) for e in calendar.walk("VEVENT")]


def test_agenda_and_minutes_of_an_item_titled_at_a_length_of_pages(db):
    def lengthen(s) -> int:
        item = s.query(AgendaItem).order_by(AgendaItem.id).first()
        item.title = VERY_LONG_TITLE
        return item.meeting_id

    meeting_id = _change_rows(db, lengthen)
    for document in ("agenda", "minutes"):
        out = db.with_name(f"{document}.pdf")
        result = run("--db", str(db), "export", document, str(meeting_id), "--lang", "zh_TW",
                     "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 100_000 and out.read_bytes().startswith(b"%PDF")


def test_a_meeting_in_the_year_9999_is_left_out_of_the_calendar_with_a_warning(db):
    upcoming = _upcoming_meeting_ids(db)
    assert len(upcoming) >= 2

    def move_to_9999(s) -> int:
        meeting = s.get(Meeting, upcoming[0])
        meeting.starts_at, meeting.ends_at = YEAR_9999, YEAR_9999 + dt.timedelta(hours=1)
        return meeting.id

    odd = _change_rows(db, move_to_9999)
    out = db.with_name("upcoming.ics")
    result = run("--db", str(db), "export", "ics", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"meeting {odd} " in result.stderr and "9999" in result.stderr
    assert f"secretariat meeting update {odd}" in result.stderr
    written = [str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert len(written) == len(upcoming) - 1
    assert not any(uid.startswith(f"meeting-{odd}@") for uid in written)
    assert f"Wrote {len(upcoming) - 1} upcoming meeting" in result.stdout

    alone = run("--db", str(db), "export", "ics", str(odd), "--out", str(out),
                lang="zh_TW.UTF-8")
    assert alone.returncode == 1 and alone.stderr.startswith("錯誤：")
    assert "9999" in alone.stderr

    listed = run("--db", str(db), "meeting", "list")  # the list still shows every meeting
    assert listed.returncode == 0, listed.stderr
    assert "Dec 31, 9999 22:00 UTC" in listed.stdout
