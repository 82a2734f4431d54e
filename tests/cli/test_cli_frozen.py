"""Approved minutes freeze what they record, on the command line: edits of the meeting,
its agenda, attendance, papers and action items are refused with a translated message
(exit 1, no traceback) and change nothing; changes made behind the program's back, in
the database or in the documents folder, are named by ``audit verify``."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.cli.helpers import run

MEMBERS_CSV = """\
name,name_en,organisation,sector,role,term_start,term_end,high_level,email,phone
王小明,Wang Hsiao-ming,開放資料促進協會,civil_society,member,2026-01-01,,no,,
林美玲,Lin Mei-ling,臺灣大學,academia,member,2026-01-01,,no,,
陳大文,Chen Ta-wen,國家發展委員會,government_agency,member,2026-01-01,,no,,
"""
PAPER = "行動方案草案\n".encode()
CORRECT = "start a new minutes version with a reason (Minutes → Correct)"


def _cli(db: Path, *args: str):
    return run("--db", str(db), *args)


def _ok(db: Path, *args: str) -> str:
    result = _cli(db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _query(db: Path, sql: str, *params):
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def _execute(db: Path, *statements: str) -> None:
    connection = sqlite3.connect(db)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def approved(tmp_path_factory) -> Path:
    """Meeting 1 held (agenda, paper, attendance, a named vote, an action item) and its
    minutes approved at meeting 2."""
    folder = tmp_path_factory.mktemp("frozen")
    db = folder / "forum.db"
    _ok(db, "init", "--name", "測試論壇")
    (folder / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    _ok(db, "import", "members", str(folder / "members.csv"))
    _ok(db, "meeting", "create", "--title", "第一次會議", "--start", "2026-03-02 14:00",
        "--end", "2026-03-02 16:00", "--location", "國家發展委員會")
    _ok(db, "meeting", "create", "--title", "第二次會議", "--start", "2026-04-06 14:00",
        "--end", "2026-04-06 16:00", "--location", "國家發展委員會")
    _ok(db, "agenda", "add", "1", "--title", "報告事項")
    _ok(db, "agenda", "add", "1", "--title", "討論行動方案", "--purpose", "decision")
    (folder / "draft.txt").write_bytes(PAPER)
    _ok(db, "agenda", "attach", "2", str(folder / "draft.txt"), "--title", "行動方案草案")
    for person in ("王小明", "林美玲", "陳大文"):
        _ok(db, "attendance", "set", "1", person, "--status", "present")
    _ok(db, "decision", "record", "1", "--text", "通過行動方案草案", "--item", "2", "--vote",
        "--named", "王小明=for", "--named", "林美玲=against", "--named", "陳大文=for")
    _ok(db, "action", "add", "1", "--description", "公布行動方案", "--owner", "陳大文")
    _ok(db, "minutes", "start", "1")
    _ok(db, "minutes", "circulate", "1", "--on", "2026-03-10", "--to", "全體委員")
    _ok(db, "decision", "record", "2", "--text", "確認第一次會議紀錄", "--consensus")
    _ok(db, "minutes", "approve", "1", "--decision", "2026-S02-R01")
    return db


@pytest.fixture
def db(approved, tmp_path) -> Path:
    copy = tmp_path / "forum.db"
    shutil.copy(approved, copy)
    for side in (".files", ".audit-head"):
        source = approved.with_name(approved.name + side)
        target = copy.with_name(copy.name + side)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy(source, target)
    return copy


def _snapshot(db: Path) -> list:
    return [_query(db, f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
            for table in ("meeting", "agenda_item", "attendance", "action_item", "document",
                          "decision", "audit_entry")] + [
        _query(db, "SELECT * FROM agenda_item_document ORDER BY 1, 2")]


def test_approval_marks_the_meeting_held_and_the_chain_verifies(db):
    assert _query(db, "SELECT status FROM meeting WHERE id = 1") == [("held",)]
    out = _ok(db, "audit", "verify")
    assert "OK" in out and "Note" not in out


@pytest.mark.parametrize("command", [
    ("attendance", "set", "1", "王小明", "--status", "apologies"),
    ("attendance", "guest", "1", "新來賓"),
    ("meeting", "update", "1", "--title", "改名的會議"),
    ("meeting", "update", "1", "--start", "2026-03-02 13:00"),
    ("agenda", "move", "2", "1"),
    ("agenda", "add", "1", "--title", "臨時動議"),
    ("action", "add", "1", "--description", "新的工作"),
    ("agenda", "attach", "1", "PAPER"),
    ("decision", "record", "1", "--text", "補登的決議", "--consensus"),
], ids=lambda c: " ".join(c[:2]) + (f" {c[3]}" if c[0] == "meeting" else ""))
def test_edits_of_approved_minutes_records_are_refused_and_change_nothing(db, command):
    paper = db.with_name("other.txt")
    paper.write_bytes("另一份文件\n".encode())
    command = tuple(str(paper) if part == "PAPER" else part for part in command)
    before = _snapshot(db)
    result = _cli(db, *command)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "The minutes of this meeting are approved" in result.stderr
    assert CORRECT in result.stderr
    assert _snapshot(db) == before
    assert "OK" in _ok(db, "audit", "verify")


def test_the_refusal_is_in_the_users_language(db):
    result = run("--db", str(db), "meeting", "update", "1", "--title", "改名",
                 lang="zh_TW.UTF-8")
    assert result.returncode == 1 and result.stderr.startswith("錯誤：")


def test_follow_up_work_stays_editable(db):
    _ok(db, "action", "done", "1", "--on", "2026-04-10")
    assert "OK" in _ok(db, "audit", "verify")


@pytest.mark.parametrize("statement", [
    "UPDATE attendance SET status = 'apologies' WHERE meeting_id = 1 AND id = "
    "(SELECT min(id) FROM attendance WHERE meeting_id = 1)",
    "UPDATE agenda_item SET position = -position WHERE meeting_id = 1; "
    "UPDATE agenda_item SET position = 3 + position WHERE meeting_id = 1",
    "UPDATE meeting SET title = '改名的會議' WHERE id = 1",
    "UPDATE meeting SET starts_at = ends_at WHERE id = 1",
    "UPDATE person SET name = '王大明' WHERE name = '王小明'",
    "UPDATE document SET is_public = 0",
    "UPDATE document SET sha256 = '00' || substr(sha256, 3)",
], ids=["attendance", "agenda order", "meeting title", "start time", "voter name",
        "public flag", "paper hash"])
def test_direct_database_edits_are_named_by_audit_verify(db, statement):
    _execute(db, *statement.split("; "))
    result = _cli(db, "audit", "verify")
    assert result.returncode == 1, result.stdout
    assert "Minutes version 1 of meeting 1" in result.stderr
    assert "changed outside the program" in result.stderr


def test_a_changed_paper_file_is_named_by_audit_verify(db):
    digest = hashlib.sha256(PAPER).hexdigest()
    stored = db.with_name("forum.db.files") / digest[:2] / digest
    stored.chmod(0o644)
    stored.write_bytes("偽造的草案\n".encode())
    result = _cli(db, "audit", "verify")
    assert result.returncode == 1
    assert "行動方案草案" in result.stderr and "bytes no longer match" in result.stderr


def test_deleting_the_last_entry_with_its_record_is_named_by_audit_verify(db):
    # Opening a correction logs the approved version; remove that entry and the draft.
    _ok(db, "minutes", "correct", "1", "--reason", "漏字")
    [(last_id, kept_id)] = _query(
        db, "SELECT max(id), (SELECT max(id) FROM audit_entry WHERE id < "
            "(SELECT max(id) FROM audit_entry)) FROM audit_entry")
    _execute(db, f"DELETE FROM audit_entry WHERE id = {last_id}",
             "DELETE FROM minutes_entry WHERE minutes_id = (SELECT max(id) FROM minutes)",
             "DELETE FROM minutes WHERE id = (SELECT max(id) FROM minutes)")
    result = _cli(db, "audit", "verify")
    assert result.returncode == 1
    assert f"1 audit entries were removed after entry {kept_id}" in result.stderr


def test_a_database_without_head_file_verifies_with_a_note(db):
    db.with_name("forum.db.audit-head").unlink()
    out = _ok(db, "audit", "verify")
    assert "Note: There is no head file" in out and "OK" in out


def test_backup_and_restore_carry_the_head_file_and_the_papers(db, tmp_path):
    backup = tmp_path / "backup.zip"
    out = _ok(db, "backup", "--out", str(backup))
    assert "the database and 1 paper" in out
    # One file: no head file beside it any more, it is inside.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("backup")) == [
        "backup.zip"]
    head = db.with_name("forum.db.audit-head").read_text(encoding="utf-8")
    restored = tmp_path / "elsewhere" / "restored.db"
    restored.parent.mkdir()
    out = _ok(restored, "restore", str(backup))
    assert "1 added, 0 already there" in out
    assert restored.with_name("restored.db.audit-head").read_text(encoding="utf-8") == head
    assert [p.read_bytes() for p in restored.with_name("restored.db.files").glob("*/*")] == [
        PAPER]
    verified = _ok(restored, "audit", "verify")
    assert "OK" in verified and "Note" not in verified


def test_an_old_backup_file_and_its_head_file_still_restore(db, tmp_path):
    # Before backups carried papers they were the database file, with its head beside.
    old = tmp_path / "old-backup.db"
    with sqlite3.connect(db) as source, sqlite3.connect(old) as copy:
        source.backup(copy)
    head = db.with_name("forum.db.audit-head").read_text(encoding="utf-8")
    old.with_name("old-backup.db.audit-head").write_text(head, encoding="utf-8")
    restored = tmp_path / "restored.db"
    out = _ok(restored, "restore", str(old))
    assert "earlier version: it holds no papers" in out
    assert restored.with_name("restored.db.audit-head").read_text(encoding="utf-8") == head
    assert _query(restored, "SELECT title FROM document") == [("行動方案草案",)]
