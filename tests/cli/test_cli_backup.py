"""``secretariat backup``: an existing file is overwritten only with ``--force``, and the
refusal is in the user's language."""

from __future__ import annotations

import sqlite3

from tests.cli.helpers import run


def _forum_db(tmp_path) -> str:
    db = str(tmp_path / "forum.db")
    result = run("--db", db, "init", "--name", "測試論壇")
    assert result.returncode == 0, result.stderr
    return db


def test_backup_does_not_overwrite_an_existing_file_without_force(tmp_path):
    db = _forum_db(tmp_path)
    existing = tmp_path / "important.db"
    existing.write_bytes(b"last month's backup")

    refused = run("--db", db, "backup", "--out", str(existing))
    assert refused.returncode == 1
    assert str(existing) in refused.stderr and "--force" in refused.stderr
    assert existing.read_bytes() == b"last month's backup"

    forced = run("--db", db, "backup", "--out", str(existing), "--force")
    assert forced.returncode == 0, forced.stderr
    with sqlite3.connect(existing) as copy:
        assert copy.execute("SELECT name_zh_tw FROM forum").fetchone() == ("測試論壇",)


def test_backup_refusal_is_in_chinese_for_a_chinese_user(tmp_path):
    db = _forum_db(tmp_path)
    existing = tmp_path / "backup.db"
    existing.write_bytes(b"x")
    refused = run("--db", db, "backup", "--out", str(existing), lang="zh_TW.UTF-8")
    assert refused.returncode == 1
    assert "已存在" in refused.stderr and "--force" in refused.stderr
