"""``secretariat search``: each result names what it is, the meeting it belongs to (by the
number ``meeting show`` takes, its title and date) and its visible number, not bare
internal ids; English terms match at word starts (issue #11)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from secretariat import dates
from secretariat.i18n import language_override
from tests.cli.helpers import make_small_demo, run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    return make_small_demo(tmp_path_factory.mktemp("search"))


def query(db: Path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def medium_date(stored: str, zone: str, language: str = "en") -> str:
    moment = dt.datetime.fromisoformat(stored).replace(tzinfo=dt.timezone.utc)
    with language_override(language):
        return dates.format_date(moment.astimezone(ZoneInfo(zone)), fmt="medium")


def result_block(stdout: str, first_line: str) -> list[str]:
    """The lines of the result whose first line starts with ``first_line``."""
    lines = stdout.splitlines()
    for n, line in enumerate(lines):
        if line.startswith(first_line):
            return lines[n:n + 3]
    raise AssertionError(f"no result starting {first_line!r} in:\n{stdout}")


def test_an_agenda_item_shows_its_position_its_number_and_its_meeting(demo_db):
    item_id, position, title_en, meeting_id, meeting_en, starts, zone = query(
        demo_db, "SELECT a.id, a.position, a.title_en, m.id, m.title_en, m.starts_at, "
                 "m.time_zone FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id "
                 "WHERE a.title_en != '' AND m.title_en != '' ORDER BY a.id LIMIT 1")[0]
    result = run("--db", str(demo_db), "search", title_en, "--kind", "agenda_item",
                 "--limit", "500")
    assert result.returncode == 0, result.stderr
    heading, meeting_line, snippet = result_block(
        result.stdout, f"Agenda item  {position}. {title_en} (item number {item_id})")
    assert meeting_line.strip() == (f"Meeting {meeting_id}: {meeting_en}, "
                                    f"{medium_date(starts, zone)}")
    assert "«" in snippet


def test_a_decision_shows_its_number_and_its_meeting_not_its_id(demo_db):
    decision_id, number, text, meeting_id, title, starts, zone = query(
        demo_db, "SELECT d.id, d.number, d.text, m.id, m.title, m.starts_at, m.time_zone "
                 "FROM decision d JOIN meeting m ON m.id = d.meeting_id ORDER BY d.id LIMIT 1")[0]
    result = run("--db", str(demo_db), "search", text[:8], "--kind", "decision",
                 "--limit", "500", lang="zh_TW.UTF-8")
    assert result.returncode == 0, result.stderr
    kind_label = "決議"
    assert not re.search(rf"^{kind_label}\s+{decision_id}\s", result.stdout, re.MULTILINE)
    _heading, meeting_line, _snippet = result_block(result.stdout, f"{kind_label}  {number} ")
    assert str(meeting_id) in meeting_line and title in meeting_line
    assert medium_date(starts, zone, "zh_TW") in meeting_line


def test_more_is_claimed_only_when_there_are_more(demo_db):
    [(title,)] = query(demo_db, "SELECT title FROM agenda_item ORDER BY id LIMIT 1")
    exact = run("--db", str(demo_db), "search", title, "--kind", "agenda_item", "--limit", "500")
    count = int(re.search(r"^(\d+) match(es)?\.$", exact.stdout, re.MULTILINE).group(1))
    at_total = run("--db", str(demo_db), "search", title, "--kind", "agenda_item",
                   "--limit", str(count))
    assert "There are more" not in at_total.stdout
    if count > 1:
        fewer = run("--db", str(demo_db), "search", title, "--kind", "agenda_item",
                    "--limit", str(count - 1))
        assert "There are more" in fewer.stdout


def test_an_english_term_does_not_match_inside_a_word(demo_db):
    assert query(demo_db, "SELECT count(*) FROM agenda_item "
                          "WHERE title_en LIKE '%transparency%'")[0][0] > 0
    inside = run("--db", str(demo_db), "search", "ransparency")  # inside "transparency"
    assert inside.returncode == 0 and "Nothing found" in inside.stdout
    start = run("--db", str(demo_db), "search", "transparen", "--kind", "agenda_item")
    assert "«transparen»" in start.stdout.lower()
