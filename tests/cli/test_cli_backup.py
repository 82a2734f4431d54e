"""``secretariat backup``: an existing file is overwritten only with ``--force``, and the
refusal is in the user's language."""

from __future__ import annotations

import sqlite3
import zipfile

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
    with zipfile.ZipFile(existing) as archive:
        (tmp_path / "inside.db").write_bytes(archive.read("database.sqlite"))
    with sqlite3.connect(tmp_path / "inside.db") as copy:
        assert copy.execute("SELECT name_zh_tw FROM forum").fetchone() == ("測試論壇",)


def test_backup_refusal_is_in_chinese_for_a_chinese_user(tmp_path):
    db = _forum_db(tmp_path)
    existing = tmp_path / "backup.db"
    existing.write_bytes(b"x")
    refused = run("--db", db, "backup", "--out", str(existing), lang="zh_TW.UTF-8")
    assert refused.returncode == 1
    assert "已存在" in refused.stderr and "--force" in refused.stderr


PAPER = "會議資料：行動方案草案\n".encode() * 20


def _forum_with_a_paper(tmp_path) -> str:
    db = _forum_db(tmp_path)
    for args in (("meeting", "create", "--title", "第一次會議", "--start", "2027-03-02 14:00",
                  "--end", "2027-03-02 16:00", "--location", "會議室"),
                 ("agenda", "add", "1", "--title", "討論行動方案")):
        assert run("--db", db, *args).returncode == 0
    (tmp_path / "draft.txt").write_bytes(PAPER)
    attached = run("--db", db, "agenda", "attach", "1", str(tmp_path / "draft.txt"))
    assert attached.returncode == 0, attached.stderr
    return db


def _state(folder) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


def test_a_damaged_backup_is_refused_with_a_message_and_nothing_changes(tmp_path):
    db = _forum_with_a_paper(tmp_path)
    backup = tmp_path / "backup.zip"
    assert run("--db", db, "backup", "--out", str(backup)).returncode == 0
    data = bytearray(backup.read_bytes())
    data[data.index(PAPER) + 7] ^= 0x20  # one bit of the paper, as a failing disk does
    backup.write_bytes(bytes(data))
    target = tmp_path / "target"
    target.mkdir()
    restored = str(target / "forum.db")
    (target / "forum.db.files").mkdir()
    before = _state(target)

    refused = run("--db", restored, "restore", str(backup))
    assert refused.returncode == 2
    assert "is damaged: papers/" in refused.stderr
    assert "Nothing was changed; use another copy of the backup." in refused.stderr
    assert _state(target) == before

    chinese = run("--db", db, "restore", str(backup), "--force", lang="zh_TW.UTF-8")
    assert chinese.returncode == 2 and "papers/" in chinese.stderr
    assert "Error:" not in chinese.stderr


def test_info_counts_the_paper_files_and_says_what_a_backup_holds(tmp_path):
    db = _forum_with_a_paper(tmp_path)
    out = run("--db", db, "info").stdout
    assert f"Paper files       1 ({round(len(PAPER) / 1024, 1)} KB)" in out
    assert "writes the database, its audit head and the paper files" in out
