"""A database that cannot be used right now says why, and never calls a healthy file
damaged: locked by another program (close it or wait), read-only (permissions; a WAL
database in a read-only folder cannot even be read), and only a really damaged file
gets "restore it from a backup". Nothing is changed in any of these cases.

Real file permissions cannot be tested here as root (root writes anything); the command
line tests run those as an unprivileged user. Here, read-only files are simulated by
opening every connection to the file read-only, as SQLite does for a file it may not
write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import make_url

from secretariat.errors import StoreError
from secretariat.model import Person
from secretariat.store import open_store, sqlite_errors, sqlite_file
from tests.core.db_files import database_at, rollback_journal, sha256

RESTORE_ADVICE = "Restore it from a backup"


@pytest.fixture
def database(sqlite_url, monkeypatch) -> Path:
    """A sound database with a forum, in rollback-journal mode (one file to compare)."""
    database_at(sqlite_url, "head", forum="論壇", people=3)
    path = Path(make_url(sqlite_url).database)
    rollback_journal(path)
    monkeypatch.setattr(sqlite_file, "LOCK_WAIT_SECONDS", 0.2)
    return path


def _hold(path: Path, *statements: str) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        holder.execute(statement)
    return holder


@pytest.mark.parametrize("lock", [
    ("BEGIN EXCLUSIVE",),  # another program in the middle of writing
    ("PRAGMA journal_mode=WAL", "PRAGMA locking_mode=EXCLUSIVE", "BEGIN EXCLUSIVE",
     "UPDATE person SET name = name", "COMMIT"),  # a tool keeping the file to itself
], ids=["exclusive transaction", "exclusive locking mode"])
def test_a_database_locked_by_another_program_is_busy_not_damaged(database, lock):
    holder = _hold(database, *lock)
    try:
        before = sha256(database)
        with pytest.raises(StoreError) as refused:
            open_store(f"sqlite:///{database}")
        message = str(refused.value)
        assert "is locked by another program" in message
        assert "close that program, or wait" in message
        assert "damaged (" not in message and RESTORE_ADVICE not in message
        assert str(database) in message
        assert sha256(database) == before
    finally:
        holder.close()


def _read_only_connections(monkeypatch, path: Path) -> None:
    """Every connection to ``path`` opened read-only, as for a file one may not write."""
    real_connect = sqlite3.connect

    def connect(database, *args, **kwargs):
        if str(database).startswith("file:") or Path(database).resolve() != path.resolve():
            return real_connect(database, *args, **kwargs)
        kwargs["uri"] = True
        return real_connect(path.resolve().as_uri() + "?mode=ro", *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)  # what SQLAlchemy calls


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_read_only_database_says_so_when_written_or_opened(
        database, monkeypatch, journal):
    if journal == "wal":  # left in WAL mode by a clean close: readable, not writable
        open_store(f"sqlite:///{database}").close()
    before = sha256(database)
    _read_only_connections(monkeypatch, database)
    store = open_store(f"sqlite:///{database}")  # the checks only read
    try:
        with pytest.raises(StoreError) as refused:
            store.run_transaction(lambda s: s.add(Person(name="新成員")))
    finally:
        store.close()
    message = str(refused.value)
    assert f"The database {database} is read-only" in message
    assert "Nothing was changed." in message and RESTORE_ADVICE not in message
    assert sha256(database) == before


def _sqlite_error(text: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code
    return error


def test_a_read_only_folder_is_named_with_what_to_do(tmp_path):
    path = tmp_path / "forum.db"
    # What SQLite raises reading a WAL database whose folder it may not write.
    error = _sqlite_error("attempt to write a readonly database", 1544)
    message = str(sqlite_errors.explain(error, path))
    assert f"The folder {tmp_path} of the database {path} is read-only" in message
    assert "to read it at all while it is in WAL mode" in message
    assert "copy the database to a folder of your own" in message
    assert RESTORE_ADVICE not in message


@pytest.mark.parametrize("text, code, expected", [
    ("database is locked", 5, sqlite_errors.BUSY),
    ("database table is locked", 6, sqlite_errors.BUSY),
    ("attempt to write a readonly database", 8, sqlite_errors.READ_ONLY),
    ("attempt to write a readonly database", 1544, sqlite_errors.READ_ONLY),
    ("database disk image is malformed", 11, sqlite_errors.CORRUPT),
    ("file is not a database", 26, sqlite_errors.CORRUPT),
    ("disk I/O error", 10, None),
    ("no such table: x", 1, None),
])
def test_sqlite_failures_are_sorted_by_their_result_code(text, code, expected):
    assert sqlite_errors.kind(_sqlite_error(text, code)) == expected


def test_only_a_damaged_file_is_told_to_restore_a_backup(tmp_path):
    error = _sqlite_error("database disk image is malformed", 11)
    assert RESTORE_ADVICE in str(sqlite_errors.explain(error, tmp_path / "forum.db"))
    assert sqlite_errors.explain(_sqlite_error("disk I/O error", 10), tmp_path / "x") is None
