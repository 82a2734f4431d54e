"""Looking at an SQLite database file without changing it, and copying one safely.

Every check here runs on a read-only connection (``mode=ro``), so a file that turns out to
be foreign, damaged or too new is left byte-for-byte as it was. Copies use SQLite's online
backup API (a consistent snapshot, even while the program has the database open) into a
temporary file beside the target that is then renamed over it, so a power cut never leaves
a half-written file under the final name.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from secretariat.atomic_files import fsync_folder
from secretariat.errors import StoreError
from secretariat.i18n import N_
from secretariat.store import sqlite_errors
from secretariat.store.sqlite_errors import DAMAGED  # noqa: F401  (its home was here)

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")

NOT_A_DATABASE = N_(
    "{path} is not a Forum Secretariat database: it is not a database file at all. "
    "The file was not changed."
)
NOT_OURS = N_(
    "{path} is a database of another program, not of Forum Secretariat. "
    "The file was not changed."
)
UNREADABLE = N_("The file {path} cannot be read: {problem}")
# How long a check waits for another program's lock before saying the file is locked.
LOCK_WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class FileState:
    """What an existing database file holds: nothing yet, or our schema at ``revision``."""

    empty: bool
    revision: str | None


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to ``path`` (nor create it)."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True,
                           timeout=LOCK_WAIT_SECONDS)


def has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def inspect_file(path: Path) -> FileState:
    """Check that ``path`` is a sound database this program may open, without writing.

    Raises StoreError for a file that is not a database, is damaged, or belongs to
    another program — and, saying so rather than "damaged", for one another program
    holds locked or that cannot be read for lack of write permission (a WAL database in a
    read-only folder). A zero-byte file is an empty database (as SQLite itself treats it).
    """
    try:
        if path.stat().st_size == 0:
            return FileState(empty=True, revision=None)
        if not has_sqlite_header(path):
            raise StoreError(NOT_A_DATABASE, path=str(path))
    except OSError as exc:
        raise StoreError(UNREADABLE, path=str(path), problem=exc.strerror or str(exc)) from exc
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        raise sqlite_errors.explain(exc, path) or StoreError(
            UNREADABLE, path=str(path), problem=str(exc)) from exc
    try:
        problem = quick_check_problem(conn)
        if problem:
            raise StoreError(DAMAGED, path=str(path), problem=problem)
        return _schema_state(conn, path)
    except sqlite3.DatabaseError as exc:
        # Pages the checks cannot even read ("database disk image is malformed"), but
        # also a lock held by another program or a read-only folder: only the first is
        # damage.
        if sqlite_errors.kind(exc) in (sqlite_errors.BUSY, sqlite_errors.READ_ONLY):
            raise sqlite_errors.explain(exc, path) from exc
        if sqlite_errors.kind(exc) == sqlite_errors.CORRUPT:
            raise StoreError(DAMAGED, path=str(path), problem=str(exc)) from exc
        raise StoreError(UNREADABLE, path=str(path), problem=str(exc)) from exc
    finally:
        conn.close()


def quick_check_problem(conn: sqlite3.Connection) -> str | None:
    """The first problem ``PRAGMA quick_check`` reports, or None when the file is sound."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    first = rows[0][0] if rows else "no answer from the check"
    return None if first == "ok" else first


def _schema_state(conn: sqlite3.Connection, path: Path) -> FileState:
    tables = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    if not tables:
        return FileState(empty=True, revision=None)
    if "alembic_version" not in tables:
        raise StoreError(NOT_OURS, path=str(path))
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:  # the table exists but was emptied: not a state we ever leave
        raise StoreError(NOT_OURS, path=str(path))
    return FileState(empty=False, revision=row[0])


def copy_database(
    source: sqlite3.Connection, target: Path, *, clear_side_files: bool = False
) -> None:
    """Write a consistent copy of ``source`` to ``target`` atomically.

    ``clear_side_files`` removes the target's old ``-wal``/``-shm`` just before the rename
    (restoring over a database; see remove_side_files).

    The copy is left in rollback-journal mode, so it is one self-contained file that can
    be moved, mailed or opened from read-only media; opening it later turns WAL back on.
    """
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        copy = sqlite3.connect(temp)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        _fsync_file(temp)
        if clear_side_files:
            remove_side_files(target)
        os.replace(temp, target)
        fsync_folder(target.parent)
    except BaseException:
        remove_with_side_files(temp)
        raise


def remove_side_files(path: Path) -> None:
    """Delete ``-wal``/``-shm``/``-journal`` files left beside ``path``.

    A stale write-ahead log beside a replaced file would be replayed into it on the next
    open, writing the old database's pages into the new one.
    """
    for suffix in SIDE_FILE_SUFFIXES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def remove_with_side_files(path: Path) -> None:
    remove_side_files(path)
    path.unlink(missing_ok=True)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())
