"""``secretariat import members``: the help names the columns, refusals read in the user's
language, odd files never crash it, and progress shows only on a terminal."""

from __future__ import annotations

import io

import pytest

from secretariat.cli.members import _ImportProgress
from tests.cli.helpers import run

HEADER = "name,name_en,organisation,sector,role,term_start,term_end,high_level,email,phone"


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "forum.db")
    assert run("--db", path, "init", "--name", "論壇").returncode == 0
    return path


def test_help_lists_the_accepted_columns_in_both_languages():
    result = run("import", "members", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for spelling in ("name / 姓名*", "organisation / organization / 組織", "部門",
                     "term_start / 任期開始*", "email / 電子郵件", "seat / 席次"):
        assert spelling in text, spelling


def test_an_unknown_sector_lists_the_sectors_in_chinese(db, tmp_path):
    csv_file = tmp_path / "members.csv"
    csv_file.write_text("姓名,部門,角色,任期開始\n林美玲,政府,委員,2026-01-01\n", encoding="utf-8")
    result = run("--db", db, "import", "members", str(csv_file), lang="zh_TW.UTF-8")
    assert result.returncode == 1
    assert "政府" in result.stderr.split("(")[0]
    assert "政府機關 (government_agency)" in result.stderr
    assert "公民社會組織 (civil_society)" in result.stderr


def test_a_missing_column_is_named_in_chinese(db, tmp_path):
    csv_file = tmp_path / "members.csv"
    csv_file.write_text("姓名,部門\n林美玲,公民社會組織\n", encoding="utf-8")
    result = run("--db", db, "import", "members", str(csv_file), lang="zh_TW.UTF-8")
    assert result.returncode == 1
    first_clause = result.stderr.split("（")[0].split("(")[0]
    assert "角色" in first_clause and "任期開始" in first_clause
    assert "term_start" not in first_clause


def test_a_huge_cell_is_reported_not_a_traceback(db, tmp_path):
    csv_file = tmp_path / "members.csv"
    csv_file.write_text(f"{HEADER}\n{'林' * 140_000},,,civil_society,member,2026-01-01,,,,\n",
                        encoding="utf-8")
    result = run("--db", db, "import", "members", str(csv_file))
    assert result.returncode == 1
    assert "Row 2: the name column holds 140000 characters (at most 200)." in result.stderr


def test_no_progress_in_a_pipe(db, tmp_path):
    csv_file = tmp_path / "members.csv"
    csv_file.write_text(f"{HEADER}\n林美玲,,,civil_society,member,2026-01-01,,,,\n",
                        encoding="utf-8")
    result = run("--db", db, "import", "members", str(csv_file))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_updates_one_line_and_ends_it():
    stream = _Terminal()
    progress = _ImportProgress(stream)
    for done in range(0, 2001, 10):
        progress(done, 2000)
    progress.close()
    text = stream.getvalue()
    assert text.count("\r") == 101  # once per percent, not once per report
    assert text.endswith("100% Importing members…\x1b[K\n")


def test_progress_line_is_ended_when_the_import_is_refused():
    stream = _Terminal()
    progress = _ImportProgress(stream)
    progress(500, 2000)
    progress.close()
    assert stream.getvalue().endswith("\n")
