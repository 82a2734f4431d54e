"""The ``secretariat`` command line end to end, as a user runs it: real subprocesses
against a database in a temporary folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from secretariat import __version__
from tests.cli.helpers import make_small_demo, run

GOOD_ROW = "王小明,Wang Hsiao-ming,開放資料促進協會,civil_society,member,2026-01-01,,no,wang@example.tw,"
HEADER = "name,name_en,organisation,sector,role,term_start,term_end,high_level,email,phone"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """One small demo database shared by the read-only tests."""
    return make_small_demo(tmp_path_factory.mktemp("demo"))


def test_init_creates_the_forum_and_info_shows_it(tmp_path):
    db = str(tmp_path / "forum.db")
    result = run("--db", db, "init", "--name", "測試論壇", "--name-en", "Test Forum")
    assert result.returncode == 0, result.stderr
    assert "測試論壇" in result.stdout
    info = run("--db", db, "info")
    assert info.returncode == 0, info.stderr
    assert "測試論壇 / Test Forum" in info.stdout
    assert "Schema version" in info.stdout


def test_init_twice_is_refused_with_a_message_and_exit_1(tmp_path):
    db = str(tmp_path / "forum.db")
    assert run("--db", db, "init", "--name", "論壇").returncode == 0
    again = run("--db", db, "init", "--name", "另一個論壇")
    assert again.returncode == 1
    assert "already holds a forum" in again.stderr


def test_init_with_an_unknown_time_zone_is_refused(tmp_path):
    result = run("--db", str(tmp_path / "f.db"), "init", "--name", "論壇",
                 "--time-zone", "Mars/Olympus")
    assert result.returncode == 1
    assert "Mars/Olympus" in result.stderr


def test_demo_reports_progress_on_stderr_and_info_counts_its_records(demo_db):
    info = run("--db", str(demo_db), "info")
    assert info.returncode == 0, info.stderr
    counts = _counts(info.stdout)
    assert counts["Meetings"] == 14
    # 32 seats, and the 2 the demo's decided selection round fills from next January.
    assert counts["Seats"] == 34
    for label in ("People", "Agenda items", "Attendance records", "Documents", "Decisions",
                  "Minutes versions", "Action items"):
        assert counts[label] > 0, label


def test_demo_progress_goes_to_stderr_and_summary_to_stdout(tmp_path):
    result = run("--db", str(tmp_path / "d.db"), "demo")
    assert result.returncode == 0, result.stderr
    assert "100% Done." in result.stderr
    assert "Loaded the small demo forum" in result.stdout
    assert "%" not in result.stdout


def test_demo_refuses_a_database_that_has_a_forum(tmp_path):
    db = str(tmp_path / "forum.db")
    run("--db", db, "init", "--name", "論壇")
    result = run("--db", db, "demo")
    assert result.returncode == 1
    assert "already holds the forum" in result.stderr
    assert _counts(run("--db", db, "info").stdout)["Meetings"] == 0


def test_backup_then_restore_refuses_a_non_empty_database_without_force(demo_db, tmp_path):
    backup = tmp_path / "backup.db"
    result = run("--db", str(demo_db), "backup", "--out", str(backup))
    assert result.returncode == 0, result.stderr
    assert backup.is_file()

    target = str(tmp_path / "target.db")
    run("--db", target, "init", "--name", "原有論壇")
    refused = run("--db", target, "restore", str(backup))
    assert refused.returncode == 1
    assert "--force" in refused.stderr
    assert "原有論壇" in run("--db", target, "info").stdout  # untouched

    forced = run("--db", target, "restore", str(backup), "--force")
    assert forced.returncode == 0, forced.stderr
    info = run("--db", target, "info").stdout
    assert "開放政府國家行動方案多元利害關係人論壇" in info
    assert _counts(info)["Meetings"] == 14


def test_restore_into_a_new_database_needs_no_force(demo_db, tmp_path):
    backup = tmp_path / "backup.db"
    run("--db", str(demo_db), "backup", "--out", str(backup))
    result = run("--db", str(tmp_path / "fresh.db"), "restore", str(backup))
    assert result.returncode == 0, result.stderr


def test_import_members_with_a_bad_csv_lists_every_bad_row_and_imports_nothing(tmp_path):
    db = str(tmp_path / "forum.db")
    run("--db", db, "init", "--name", "論壇")
    csv_file = tmp_path / "members.csv"
    csv_file.write_text("\n".join([
        HEADER,
        GOOD_ROW,
        "陳大文,,某協會,no_such_sector,member,2026-01-01,,no,,",
        "林美玲,,某大學,academia,member,not-a-date,,no,,",
    ]) + "\n", encoding="utf-8-sig")
    result = run("--db", db, "import", "members", str(csv_file))
    assert result.returncode == 1
    assert "Row 3" in result.stderr and "no_such_sector" in result.stderr
    assert "Row 4" in result.stderr and "not-a-date" in result.stderr
    assert "Row 2" not in result.stderr
    assert _counts(run("--db", db, "info").stdout)["People"] == 0


def test_import_members_with_a_good_csv_adds_them(tmp_path):
    db = str(tmp_path / "forum.db")
    run("--db", db, "init", "--name", "論壇")
    csv_file = tmp_path / "members.csv"
    csv_file.write_text(f"{HEADER}\n{GOOD_ROW}\n", encoding="utf-8")
    result = run("--db", db, "import", "members", str(csv_file))
    assert result.returncode == 0, result.stderr
    counts = _counts(run("--db", db, "info").stdout)
    assert counts["People"] == 1 and counts["Memberships"] == 1


def test_help_follows_the_users_language():
    english = run("--help", lang="en_US.UTF-8")
    assert english.returncode == 0
    assert "usage: secretariat" in english.stdout and "options:" in english.stdout
    assert "import" in english.stdout

    chinese = run("--help", lang="zh_TW.UTF-8")
    assert chinese.returncode == 0
    assert "用法" in chinese.stdout
    assert "usage:" not in chinese.stdout
    assert "show this help message" not in chinese.stdout

    # --lang wins over the locale.
    assert "usage: secretariat" in run("--lang", "en", "--help", lang="zh_TW.UTF-8").stdout


def test_usage_errors_are_in_the_users_language_too():
    result = run("demo", "--scale", "huge", lang="zh_TW.UTF-8")
    assert result.returncode == 2
    assert "huge" in result.stderr and "error:" not in result.stderr


def test_building_the_parser_leaves_the_database_layer_unloaded():
    # Every --help and usage error builds the whole parser: importing SQLAlchemy and the
    # ORM for it took most of a third of a second.
    code = ("import sys; from secretariat.cli import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules "
            "if m.split('.')[0] == 'sqlalchemy' or m.startswith('secretariat.model')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert loaded.strip() == "[]", loaded


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_a_corrupt_database_file_is_refused_and_left_unchanged(tmp_path):
    bad = tmp_path / "notes.db"
    content = b"These are meeting notes, not a database.\n" * 100
    bad.write_bytes(content)
    result = run("--db", str(bad), "info")
    assert result.returncode == 2
    assert str(bad) in result.stderr
    assert bad.read_bytes() == content
    assert not (tmp_path / "notes.db-wal").exists()


def _counts(info_stdout: str) -> dict[str, int]:
    """Record counts from ``info`` output in English: "  People   1,234"."""
    counts = {}
    for line in info_stdout.splitlines():
        label, _, number = line.strip().rpartition(" ")
        if line.startswith("  ") and number.replace(",", "").isdigit():
            counts[label.strip()] = int(number.replace(",", ""))
    return counts
