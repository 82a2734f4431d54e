"""A database the command cannot use right now is explained, not called damaged and not
shown as a traceback: held by another program (close it or wait), a read-only file, a
read-only folder (a WAL database there cannot even be read). Exit code 2, nothing
changed. The permission tests run as a user permissions apply to (``unprivileged``)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.cli.unprivileged import (
    CAN_RUN,
    WHY_NOT,
    hand_over,
    restrict,
    run_unprivileged,
    shared_folder,
)

MEETING = ("meeting", "create", "--title", "第一次會議", "--start", "2027-03-02 14:00",
           "--end", "2027-03-02 16:00", "--location", "會議室")
DAMAGED_ADVICE = ("is damaged (", "Restore it from a backup")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("template") / "forum.db"
    assert run("--db", str(db), "init", "--name", "測試論壇").returncode == 0
    return db


@pytest.fixture
def folder():
    if not CAN_RUN:
        pytest.skip(WHY_NOT)
    with shared_folder() as shared:
        yield shared


def _place(template: Path, folder: Path, journal: str) -> Path:
    records = folder / "records"
    records.mkdir()
    db = records / "forum.db"
    shutil.copy(template, db)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.close()
    hand_over(records, db)
    return db


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _meetings(db: Path) -> int:
    conn = sqlite3.connect(db.resolve().as_uri() + "?immutable=1", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM meeting").fetchone()[0]
    finally:
        conn.close()


def _refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    for advice in DAMAGED_ADVICE:
        assert advice not in result.stderr
    return result.stderr


def test_a_wal_database_in_a_read_only_folder_says_so_and_how_to_read_it(template, folder):
    db = _place(template, folder, "wal")
    restrict(db.parent, writable=False)
    before = _files(folder)

    for command in (("info",), MEETING):
        message = _refused(run_unprivileged("--db", str(db), *command))
        assert f"The folder {db.parent} of the database {db} is read-only" in message
        assert "to read it at all while it is in WAL mode" in message
        assert "copy the database to a folder of your own and open the copy" in message
    assert _files(folder) == before


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_read_only_database_file_says_so_and_changes_nothing(template, folder, journal):
    db = _place(template, folder, journal)
    restrict(db, writable=False)
    before = _files(folder)

    message = _refused(run_unprivileged("--db", str(db), *MEETING))
    assert f"The database {db} is read-only" in message
    assert "Nothing was changed." in message
    assert _meetings(db) == 0
    after = _files(folder)
    assert after.pop("records/forum.db") == before.pop("records/forum.db")
    # Reading a WAL database makes SQLite create its (empty) log and index beside it,
    # where the folder allows.
    assert after.pop("records/forum.db-wal", b"") == b""
    after.pop("records/forum.db-shm", None)
    assert after == before


def test_a_read_only_folder_of_a_rollback_journal_database_refuses_writes(template, folder):
    db = _place(template, folder, "delete")
    restrict(db.parent, writable=False)
    before = _files(folder)
    message = _refused(run_unprivileged("--db", str(db), *MEETING))
    assert f"The folder {db.parent} of the database {db} is read-only" in message
    assert _files(folder) == before


_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("holding", flush=True)
sys.stdin.read()  # until the test closes our stdin
"""


def test_a_database_another_program_holds_locked_is_busy_not_damaged(template, tmp_path):
    db = tmp_path / "forum.db"
    shutil.copy(template, db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=DELETE")  # so the lock keeps readers out too
    conn.close()
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "holding"
        before = db.read_bytes()
        for command in (("info",), MEETING):
            message = _refused(run("--db", str(db), *command))
            assert f"The database {db} is locked by another program" in message
            assert "close that program, or wait until it has finished" in message
        assert db.read_bytes() == before
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    # Once the other program lets go, the same commands work.
    assert run("--db", str(db), *MEETING).returncode == 0
    assert _meetings(db) == 1
