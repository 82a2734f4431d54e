"""The steps of a restore (``maintenance.restore`` runs them in order): check what comes
in and what it would replace, then install the database file, its audit head and the
papers. Everything that can refuse runs before anything is written."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from secretariat.atomic_files import PARTIAL
from secretariat.errors import SecretariatError, StoreError
from secretariat.i18n import N_
from secretariat.store import NEWER_SCHEMA, audit_head, migrations, sqlite_file

SOURCE_EMPTY = N_("{path} holds no Forum Secretariat records, so there is nothing to restore.")
SOURCE_NEWER = N_(
    "The backup {path} was written by a newer version of Forum Secretariat (schema "
    "{revision}). Install the newer program to restore it; nothing was changed."
)
TARGET_HAS_RECORDS = N_(
    "The database {path} already holds records. Restoring would replace them: "
    "restore again with --force if that is what you want."
)
TARGET_NOT_EMPTY = N_(
    "{path} exists and is not an empty Forum Secretariat database. "
    "Restore again with --force to replace it."
)
TARGET_IN_USE = N_(
    "{path} is in use by another program (is Forum Secretariat still open?). "
    "Close it and restore again."
)


def check_revision(revision: str | None, shown_as: Path) -> None:
    if revision is not None and revision not in migrations.known_revisions():
        raise StoreError(SOURCE_NEWER, path=str(shown_as), revision=revision)


def check_database(path: Path, *, shown_as: Path) -> None:
    """The database to restore is sound, ours and not newer than this program. Messages
    name ``shown_as`` (the backup), not a scratch copy taken out of it."""
    try:
        state = sqlite_file.inspect_file(path)
    except StoreError as error:
        if "path" not in error.params or path == shown_as:
            raise
        raise StoreError(error.msgid, **{**error.params, "path": str(shown_as)}) from error
    if state.revision is None:
        raise SecretariatError(SOURCE_EMPTY, path=str(shown_as))
    check_revision(state.revision, shown_as)


def refuse_unless_empty(target: Path) -> None:
    """A target may be replaced without --force only if it holds no forum and no person."""
    try:
        state = sqlite_file.inspect_file(target)
    except StoreError as error:
        raise SecretariatError(TARGET_NOT_EMPTY, path=str(target)) from error
    if state.revision is None:
        return
    if state.revision not in migrations.known_revisions():
        raise StoreError(NEWER_SCHEMA, revision=state.revision)
    reader = sqlite_file.connect_read_only(target)
    try:
        records = sum(
            reader.execute(f"SELECT count(*) FROM {name}").fetchone()[0]  # noqa: S608
            for name in ("forum", "person")
        )
    finally:
        reader.close()
    if records:
        raise SecretariatError(TARGET_HAS_RECORDS, path=str(target))


def settle_target(target: Path) -> None:
    """Fold the replaced database's write-ahead log back into it, so nothing of it lingers
    in side files, and make sure no program is using it. A damaged target is simply
    replaced."""
    if not target.exists() or not sqlite_file.has_sqlite_header(target):
        return
    try:
        conn = sqlite3.connect(target, timeout=1)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise SecretariatError(TARGET_IN_USE, path=str(target)) from error
    except sqlite3.DatabaseError:
        pass  # damaged beyond reading: it is being replaced anyway


def install_database(source: Path, target: Path) -> None:
    """Replace ``target`` by a consistent copy of the database file ``source``."""
    reader = sqlite_file.connect_read_only(source)
    try:
        sqlite_file.copy_database(reader, target, clear_side_files=True)
    finally:
        reader.close()


def head_of(path: Path) -> audit_head.Head | None:
    """The audit chain head of the SQLite database ``path``, from its own chain."""
    reader = sqlite_file.connect_read_only(path)
    try:
        count, last = reader.execute(
            "SELECT count(*), (SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1) "
            "FROM audit_entry").fetchone()
    except sqlite3.DatabaseError:  # no audit table yet (a very old schema)
        return None
    finally:
        reader.close()
    return audit_head.Head(count, last) if count else None


def install_head(target: Path, head: audit_head.Head | None) -> None:
    """The restored database's chain ends where its backup's head says; a backup without
    one gets the head of its own chain (the replaced database's head is not this one's)."""
    target_head = audit_head.head_path_for(target, None, target.parent)
    if head is None:
        target_head.unlink(missing_ok=True)
        head = head_of(target)
    if head is not None:
        audit_head.write_head(target_head, head, force=True)


@contextmanager
def scratch_file(folder: Path, name: str) -> Iterator[Path]:
    """A temporary file in ``folder`` (the target's file system), removed afterwards; a
    killed process's leftover is cleaned by the next atomic write there."""
    fd, path = tempfile.mkstemp(prefix=f".{name}.{PARTIAL}{os.getpid()}-", suffix=".sqlite",
                                dir=folder)
    os.close(fd)
    try:
        yield Path(path)
    finally:
        sqlite_file.remove_with_side_files(Path(path))
