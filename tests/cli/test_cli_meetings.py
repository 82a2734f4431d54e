"""Meeting records from the command line: ``meeting list|show``, ``export agenda|minutes|ics``,
``search`` and ``audit verify``, run as a user runs them against the small demo forum.

The demo schedules its meetings around today, so the expected values are read from the
database itself (with the standard ``sqlite3`` module, not the program)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.cli.helpers import make_small_demo, run

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) reads the PDFs")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """One small demo database shared by the tests that only read it."""
    return make_small_demo(tmp_path_factory.mktemp("meetings"))


def query(db: Path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def utc(stored: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stored).replace(tzinfo=dt.timezone.utc)


def meetings_in_order(db: Path) -> tuple[list[int], list[int]]:
    """(upcoming ids soonest first, past ids latest first), as ``meeting list`` promises."""
    now = dt.datetime.now(dt.timezone.utc)
    rows = [(id_, utc(start), utc(end))
            for id_, start, end in query(db, "SELECT id, starts_at, ends_at FROM meeting")]
    upcoming = sorted((r for r in rows if r[2] > now), key=lambda r: (r[1], r[0]))
    past = sorted((r for r in rows if r[2] <= now), key=lambda r: (r[1], r[0]), reverse=True)
    return [r[0] for r in upcoming], [r[0] for r in past]


def listed_ids(stdout: str) -> list[int]:
    return [int(m.group(1)) for m in re.finditer(r"^\s+(\d+)\s{2}", stdout, re.MULTILINE)]


def meeting_with_approved_minutes(db: Path) -> tuple[int, str, str]:
    """(id, Chinese title, English title) of a meeting with locked minutes and decisions."""
    return query(db, """
        SELECT m.id, m.title, m.title_en FROM meeting m
        WHERE EXISTS (SELECT 1 FROM minutes WHERE meeting_id = m.id AND status = 'locked')
          AND EXISTS (SELECT 1 FROM decision WHERE meeting_id = m.id)
        ORDER BY m.starts_at DESC LIMIT 1""")[0]


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                         text=True, encoding="utf-8").stdout
    return "".join(out.split())  # line breaks fall anywhere in a long Chinese title


# --- meeting list / show -----------------------------------------------------------------


def test_meeting_list_shows_the_next_meeting_first_then_past_ones_latest_first(demo_db):
    upcoming, past = meetings_in_order(demo_db)
    assert upcoming and past  # the demo has both
    result = run("--db", str(demo_db), "meeting", "list")
    assert result.returncode == 0, result.stderr
    assert listed_ids(result.stdout) == upcoming + past
    next_id, title_en = query(demo_db, "SELECT id, title_en FROM meeting WHERE id = ?",
                              upcoming[0])[0]
    assert re.search(rf"^\s+{next_id}\s.*{re.escape(title_en)}", result.stdout, re.MULTILINE)
    assert result.stdout.index("Upcoming meetings") < result.stdout.index("Past meetings")


def test_meeting_list_filters_and_chinese_titles(demo_db):
    upcoming, past = meetings_in_order(demo_db)
    only_upcoming = run("--db", str(demo_db), "meeting", "list", "--upcoming")
    assert listed_ids(only_upcoming.stdout) == upcoming
    only_past = run("--db", str(demo_db), "meeting", "list", "--past")
    assert listed_ids(only_past.stdout) == past

    chinese = run("--db", str(demo_db), "meeting", "list", "--upcoming", lang="zh_TW.UTF-8")
    title, title_en = query(demo_db, "SELECT title, title_en FROM meeting WHERE id = ?",
                            upcoming[0])[0]
    assert title in chinese.stdout and title_en not in chinese.stdout
    start = utc(query(demo_db, "SELECT starts_at FROM meeting WHERE id = ?", upcoming[0])[0][0])
    local = start.astimezone(ZoneInfo("Asia/Taipei"))
    # The meeting's own clock and babel's Chinese date.
    assert f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}" in chinese.stdout


def test_meeting_show_has_details_agenda_attendance_minutes_and_decisions(demo_db):
    meeting_id, _title, title_en = meeting_with_approved_minutes(demo_db)
    result = run("--db", str(demo_db), "meeting", "show", str(meeting_id))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0].startswith(title_en)
    for item_title, position in query(
            demo_db, "SELECT coalesce(nullif(title_en, ''), title), position FROM agenda_item "
                     "WHERE meeting_id = ?", meeting_id):
        assert f"{position}. {item_title}" in out
    assert re.search(r"Quorum\s+\d+ needed: (met|not met)", out)
    assert re.search(r"Members attending\s+\d+ of \d+ entitled", out)
    assert "Version 1: Locked" in out
    for (number,) in query(demo_db, "SELECT number FROM decision WHERE meeting_id = ?",
                           meeting_id):
        assert number in out


def test_an_unknown_meeting_number_is_a_clear_error(demo_db, tmp_path):
    show = run("--db", str(demo_db), "meeting", "show", "9999")
    assert show.returncode == 1
    assert "9999" in show.stderr and "meeting" in show.stderr
    out = tmp_path / "agenda.pdf"
    export = run("--db", str(demo_db), "export", "agenda", "9999", "--out", str(out))
    assert export.returncode == 1 and "9999" in export.stderr
    assert not out.exists()
    chinese = run("--db", str(demo_db), "meeting", "show", "9999", lang="zh_TW.UTF-8")
    assert chinese.returncode == 1 and "錯誤" in chinese.stderr


# --- exports -----------------------------------------------------------------------------


@needs_pdftotext
@pytest.mark.parametrize("document", ["agenda", "minutes"])
def test_pdfs_in_chinese_and_english_carry_the_meeting_title(demo_db, tmp_path, document):
    meeting_id, title, title_en = meeting_with_approved_minutes(demo_db)
    zh, en = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    for out, language in ((zh, "zh_TW"), (en, "en")):
        result = run("--db", str(demo_db), "export", document, str(meeting_id),
                     "--out", str(out), "--lang", language)
        assert result.returncode == 0, result.stderr
        assert str(out) in result.stdout
    assert "".join(title.split()) in pdf_text(zh)
    assert "".join(title_en.split()) in pdf_text(en)


@needs_pdftotext
def test_roc_years_in_chinese_pdfs(demo_db, tmp_path):
    meeting_id, _title, _en = meeting_with_approved_minutes(demo_db)
    start = utc(query(demo_db, "SELECT starts_at FROM meeting WHERE id = ?", meeting_id)[0][0])
    roc_year = start.astimezone(ZoneInfo("Asia/Taipei")).year - 1911
    plain, roc = tmp_path / "plain.pdf", tmp_path / "roc.pdf"
    run("--db", str(demo_db), "export", "minutes", str(meeting_id), "--out", str(plain),
        "--lang", "zh_TW")
    result = run("--db", str(demo_db), "export", "minutes", str(meeting_id), "--out", str(roc),
                 "--lang", "zh_TW", "--roc")
    assert result.returncode == 0, result.stderr
    assert f"民國{roc_year}年" in pdf_text(roc)
    assert "民國" not in pdf_text(plain)


@needs_pdftotext
def test_document_language_does_not_change_the_messages_language(demo_db, tmp_path):
    meeting_id, title, title_en = meeting_with_approved_minutes(demo_db)
    out = tmp_path / "agenda.pdf"
    result = run("--db", str(demo_db), "export", "agenda", str(meeting_id), "--out", str(out),
                 "--lang", "en", lang="zh_TW.UTF-8")
    assert result.returncode == 0, result.stderr
    assert title in result.stdout  # the message: Chinese, as the user's locale
    assert "".join(title_en.split()) in pdf_text(out)  # the document: English, as asked


def test_minutes_not_yet_written_are_refused_and_nothing_is_written(demo_db, tmp_path):
    [(meeting_id,)] = query(demo_db, "SELECT id FROM meeting WHERE NOT EXISTS (SELECT 1 FROM "
                                     "minutes WHERE meeting_id = meeting.id) LIMIT 1")
    out = tmp_path / "minutes.pdf"
    result = run("--db", str(demo_db), "export", "minutes", str(meeting_id), "--out", str(out))
    assert result.returncode == 1
    assert "no minutes yet" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bad_output_paths_are_refused_before_anything_is_written(demo_db, tmp_path):
    meeting_id, _title, _en = meeting_with_approved_minutes(demo_db)
    missing = tmp_path / "no such folder" / "agenda.pdf"
    result = run("--db", str(demo_db), "export", "agenda", str(meeting_id), "--out", str(missing))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "no such folder" in result.stderr
    assert not missing.parent.exists()

    folder = tmp_path / "out"
    folder.mkdir()
    result = run("--db", str(demo_db), "export", "ics", "--out", str(folder))
    assert result.returncode == 1
    assert "is a folder" in result.stderr and "document.ics" in result.stderr
    assert list(folder.iterdir()) == []


def test_calendar_of_one_meeting_parses_back_in_its_time_zone(demo_db, tmp_path):
    meeting_id, title, title_en = meeting_with_approved_minutes(demo_db)
    start, zone = query(demo_db, "SELECT starts_at, time_zone FROM meeting WHERE id = ?",
                        meeting_id)[0]
    out = tmp_path / "meeting.ics"
    result = run("--db", str(demo_db), "export", "ics", str(meeting_id), "--out", str(out),
                 "--lang", "zh_TW")
    assert result.returncode == 0, result.stderr
    calendar = Calendar.from_ical(out.read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert event["DTSTART"].params["TZID"] == zone == "Asia/Taipei"
    assert event.decoded("DTSTART") == utc(start)
    assert event.decoded("DTSTART").utcoffset() == dt.timedelta(hours=8)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [zone]


def test_calendar_of_upcoming_meetings_has_each_of_them_soonest_first(demo_db, tmp_path):
    upcoming, _past = meetings_in_order(demo_db)
    out = tmp_path / "upcoming.ics"
    result = run("--db", str(demo_db), "export", "ics", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"Wrote {len(upcoming)} upcoming meeting" in result.stdout
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    titles = {id_: t for id_, t in query(demo_db, "SELECT id, title_en FROM meeting")}
    assert [str(e["SUMMARY"]) for e in events] == [titles[i] for i in upcoming]
    assert all(e["DTSTART"].params["TZID"] == "Asia/Taipei" for e in events)


# --- search ------------------------------------------------------------------------------


def search_lines(stdout: str, kind: str, position: int, title: str) -> bool:
    """An agenda item's result starts with its kind, its position and its title."""
    return re.search(rf"^{kind}\s+{position}\. {re.escape(title)}[ （(]", stdout,
                     re.MULTILINE) is not None


@pytest.mark.parametrize("length", [4, 2])
def test_search_finds_chinese_substrings_with_kind_id_title_and_snippet(demo_db, length):
    position, title = query(demo_db, "SELECT position, title FROM agenda_item "
                                     "WHERE length(title) >= 8 ORDER BY id LIMIT 1")[0]
    term = title[2:2 + length]  # from inside the title: a substring, not a word
    result = run("--db", str(demo_db), "search", term, "--kind", "agenda_item",
                 "--limit", "500", lang="zh_TW.UTF-8")
    assert result.returncode == 0, result.stderr
    assert search_lines(result.stdout, "議程項目", position, title)
    assert f"«{term}»" in result.stdout  # the snippet marks the match


def test_search_in_english_shows_english_titles_where_there_are_some(demo_db):
    position, title, title_en = query(
        demo_db, "SELECT position, title, title_en FROM agenda_item WHERE title_en != '' "
                 "AND length(title) >= 8 ORDER BY id LIMIT 1")[0]
    result = run("--db", str(demo_db), "search", title, "--kind", "agenda_item",
                 "--kind", "decision", "--limit", "500")
    assert result.returncode == 0, result.stderr
    assert search_lines(result.stdout, "Agenda item", position, title_en)
    assert re.search(r"^\d+ match(es)?\.$", result.stdout, re.MULTILINE)
    number, text_en = query(demo_db, "SELECT number, text_en FROM decision "
                                     "WHERE text_en != '' ORDER BY id LIMIT 1")[0]
    decisions = run("--db", str(demo_db), "search", text_en[:20], "--kind", "decision",
                    "--limit", "500")
    assert f"{number} {text_en[:20]}" in decisions.stdout


def test_search_for_decisions_and_nothing_found(demo_db):
    number, text = query(demo_db, "SELECT number, text FROM decision ORDER BY id LIMIT 1")[0]
    result = run("--db", str(demo_db), "search", text[:6], "--kind", "decision")
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^Decision\s+{re.escape(number)} ", result.stdout,
                     re.MULTILINE)
    nothing = run("--db", str(demo_db), "search", "沒有這段文字")
    assert nothing.returncode == 0 and "Nothing found" in nothing.stdout


def test_search_kind_labels_cover_every_searchable_kind():
    from secretariat.cli.search import KIND_LABELS
    from secretariat.services.search import KINDS

    assert set(KIND_LABELS) == set(KINDS)


# --- audit -------------------------------------------------------------------------------


def test_audit_verify_passes_then_names_a_decision_changed_behind_the_programs_back(
        demo_db, tmp_path):
    ok = run("--db", str(demo_db), "audit", "verify")
    assert ok.returncode == 0, ok.stderr
    [(entries,)] = query(demo_db, "SELECT count(*) FROM audit_entry")
    assert entries > 0
    assert f"Checked {entries} audit log entries." in ok.stdout and "OK" in ok.stdout

    copy = tmp_path / "tampered.db"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    decision_id, number = query(copy, """
        SELECT d.id, d.number FROM decision d JOIN audit_entry a
          ON a.record_type = 'decision' AND a.record_id = d.id ORDER BY a.id LIMIT 1""")[0]
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE decision SET text = text || '（已竄改）' WHERE id = ?",
                           (decision_id,))
    # The copy's papers are the demo's (verify re-hashes the files approved minutes record).
    bad = run("--db", str(copy), "audit", "verify",
              SECRETARIAT_DOCUMENTS_DIR=str(demo_db.with_name(demo_db.name + ".files")))
    assert bad.returncode == 1
    assert f"Decision {number}" in bad.stderr
    assert "changed outside the program" in bad.stderr
