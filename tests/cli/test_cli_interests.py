"""``secretariat coi …`` as a clerk uses it: declarations (public and private), the
overdue list at its 30-day boundary, the public register (no private byte in it),
declarations at a meeting that become recusals, likely conflicts, breaches."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from secretariat.store import open_store
from tests.cli.helpers import run
from tests.core.factories import TAIPEI, make_meeting, make_person_with_membership

APPOINTED = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    """Three members appointed on 1 January 2026; meeting 1 held on 2 March with the
    three present; meeting 2 planned for next year, with an item naming a foundation."""
    db = tmp_path_factory.mktemp("coi") / "forum.db"
    store = open_store(f"sqlite:///{db}")
    with store.session() as s:
        wang, _ = make_person_with_membership(s, "王小明", term_start=APPOINTED,
                                              organisation="開放文化基金會")
        lin, _ = make_person_with_membership(s, "林美玲", term_start=APPOINTED)
        chen, _ = make_person_with_membership(s, "陳大文", term_start=APPOINTED)
        make_meeting(s, starts_at=dt.datetime(2026, 3, 2, 14, tzinfo=TAIPEI),
                     items=["報告事項", "補助開放文化基金會案"], attendees=[wang, lin, chen])
        next_year = dt.date.today().year + 1
        make_meeting(s, starts_at=dt.datetime(next_year, 3, 2, 14, tzinfo=TAIPEI),
                     items=["臺灣公民科技協會專案報告"])
        s.commit()
    store.close()
    return db


class Clerk:
    def __init__(self, db: Path):
        self.db = db

    def ok(self, *args: str) -> str:
        result = run("--db", str(self.db), *args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def refused(self, *args: str) -> str:
        result = run("--db", str(self.db), *args)
        assert result.returncode == 1, result.stdout + result.stderr
        return result.stderr


@pytest.fixture
def clerk(prepared, tmp_path) -> Clerk:
    db = tmp_path / "forum.db"
    shutil.copy(prepared, db)
    return Clerk(db)


def test_overdue_on_day_30_and_31_after_appointment(clerk):
    assert "No declarations of interests are overdue" in clerk.ok(
        "coi", "overdue", "--date", "2026-01-31")
    out = clerk.ok("coi", "overdue", "--date", "2026-02-01")
    assert "3 declarations of interests are overdue." in out
    assert "王小明: no declaration since appointment on Jan 1, 2026; due Jan 31, 2026" in out
    clerk.ok("coi", "declare", "王小明", "--on", "2026-01-20", "--occasion", "appointment")
    out = clerk.ok("coi", "overdue", "--date", "2026-02-01")
    assert "2 declarations of interests are overdue." in out and "王小明" not in out


def test_declarations_are_listed_with_their_privacy(clerk):
    assert "Recorded interest" in clerk.ok(
        "coi", "declare", "王小明", "--kind", "employment", "--text", "執行長",
        "--organisation", "開放文化基金會", "--on", "2026-01-10")
    clerk.ok("coi", "declare", "王小明", "--kind", "shareholding", "--text", "持股",
             "--private", "--on", "2026-01-10")
    out = clerk.ok("coi", "list", "王小明")
    assert "執行長 · 開放文化基金會 [public]" in out
    assert "Shareholding: 持股 [private]" in out
    assert "1 declaration." in out
    assert "--kind" in clerk.refused("coi", "declare", "林美玲", "--text", "x")


def _plant_private_markers(db: Path) -> list[str]:
    """A marker in every free-text field of every private row (private interests,
    contact details, meeting notes, declarations at meetings, breaches)."""
    conn = sqlite3.connect(db)
    markers = []
    try:
        targets = {
            "interest_item WHERE is_public = 0": ["description", "description_en",
                                                   "organisation_name"],
            "person_contact": ["email", "phone", "address", "internal_notes"],
            "meeting": ["internal_notes"],
            "meeting_interest": ["nature"],
            "interest_breach": ["description", "sanction"],
        }
        for table, columns in targets.items():
            name = table.split()[0]
            where = table[len(name):]
            ids = [row[0] for row in conn.execute(f"SELECT rowid FROM {name}{where}")]
            assert ids, f"nothing private in {name} to plant a marker in"
            for rowid in ids:
                for column in columns:
                    marker = f"MARKER-{name}-{column}-{rowid}-私"
                    conn.execute(f"UPDATE {name} SET {column} = ? WHERE rowid = ?",
                                 (marker, rowid))
                    markers.append(marker)
        conn.commit()
    finally:
        conn.close()
    return markers


def test_the_public_register_holds_no_private_byte(clerk, tmp_path):
    clerk.ok("coi", "declare", "王小明", "--kind", "board_seat", "--text", "董事",
             "--text-en", "Board member", "--organisation", "開放文化基金會", "--on", "2026-01-10")
    clerk.ok("coi", "declare", "王小明", "--kind", "family_tie", "--text", "x",
             "--organisation", "y", "--private", "--on", "2026-01-10")
    clerk.ok("coi", "declare", "林美玲", "--kind", "gift", "--text", "x", "--private",
             "--on", "2026-01-12")
    clerk.ok("coi", "meeting-declare", "1", "2", "王小明", "--action", "recused",
             "--nature", "x")
    clerk.ok("coi", "breach", "林美玲", "--date", "2026-03-02", "--description", "x",
             "--sanction", "y", "--decided-on", "2026-03-20")
    conn = sqlite3.connect(clerk.db)
    conn.execute("INSERT INTO person_contact (person_id, email, phone, address, "
                 "internal_notes, version) SELECT id, 'e', 'p', 'a', 'n', 1 FROM person "
                 "WHERE id NOT IN (SELECT person_id FROM person_contact)")
    conn.execute("UPDATE meeting SET internal_notes = 'n'")
    conn.commit()
    conn.close()
    markers = _plant_private_markers(clerk.db)

    out = tmp_path / "register.csv"
    assert "(2 rows)" in clerk.ok("coi", "register", "--out", str(out))
    data = out.read_bytes()
    for marker in markers:
        assert marker.encode("utf-8") not in data, marker
    for private_kind in (b"family_tie", b"gift"):
        assert private_kind not in data
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(r["person"], r["kind"], r["description_en"], r["organisation"]) for r in rows] \
        == [("林美玲", "", "", ""), ("王小明", "board_seat", "Board member", "開放文化基金會")]


def test_a_member_recused_at_the_meeting_cannot_vote_and_is_listed(clerk):
    out = clerk.ok("coi", "meeting-declare", "1", "2", "王小明", "--action", "recused",
                   "--nature", "擔任該基金會執行長")
    assert "王小明, Recused" in out
    assert "擔任該基金會執行長 [Recused]" in clerk.ok("coi", "meeting-list", "1")
    refusal = clerk.refused("decision", "record", "1", "--text", "補助案通過", "--item", "2",
                            "--vote", "--named", "王小明=for", "--named", "林美玲=for")
    assert "王小明 declared a conflict of interest on this agenda item and is recused" \
        in refusal
    clerk.ok("decision", "record", "1", "--text", "補助案通過", "--item", "2", "--vote",
             "--named", "林美玲=for", "--named", "陳大文=against")
    assert "1 recused" in clerk.ok("meeting", "show", "1")


def test_likely_conflicts_are_flagged_before_the_meeting(clerk):
    clerk.ok("coi", "declare", "陳大文", "--kind", "funding", "--text", "計畫補助",
             "--organisation", "台灣公民科技協會", "--private", "--on", "2026-01-05")
    out = clerk.ok("coi", "flags", "2")
    assert "陳大文 declared Funding (台灣公民科技協會), named in the agenda item's title." \
        in out
    assert "[private interest]" in out and "1 likely conflict." in out
    assert "No likely conflicts" in clerk.ok("coi", "flags", "1")


def test_breaches_are_logged_with_the_deciding_decision(clerk):
    clerk.ok("decision", "record", "1", "--text", "停權三個月", "--consensus")
    clerk.ok("coi", "breach", "陳大文", "--date", "2026-03-01", "--description",
             "未申報持股", "--sanction", "停權三個月", "--decision", "2026-S01-R01")
    out = clerk.ok("coi", "breaches")
    assert "2026-03-01  陳大文: 未申報持股" in out
    assert "Sanction: 停權三個月 (decided: Decision 1 of meeting 1 (2026))" in out
    assert "Say who decided" in clerk.refused(
        "coi", "breach", "陳大文", "--date", "2026-03-01", "--description", "x",
        "--sanction", "y")
