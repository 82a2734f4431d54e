"""What an SQLite failure really means, told so that a clerk does the right thing.

SQLite reports very different situations with errors that read alike: a database another
program holds locked ("database is locked"), a file or folder the user may not write
("attempt to write a readonly database" — also raised for *reading* a WAL database whose
folder is read-only, because SQLite must create the ``-shm`` file beside it), and a file
that is really damaged. Only the last calls for a backup; telling a clerk to restore a
healthy, merely busy database would invite them to overwrite good records with an older
copy. ``explain`` sorts them by SQLite's result code (the text only for drivers without
codes) and returns the StoreError to show, naming the file and what to do.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from secretariat.errors import StoreError
from secretariat.i18n import N_

BUSY = "busy"            # another connection holds a lock
READ_ONLY = "read-only"  # the file, its folder or the disk cannot be written
CORRUPT = "corrupt"      # the file's content is damaged, or not a database

# SQLite primary result codes (extended codes carry them in the low byte).
_BUSY, _LOCKED, _READONLY, _CORRUPT, _NOTADB = 5, 6, 8, 11, 26
_READONLY_DIRECTORY = 1544  # SQLITE_READONLY_DIRECTORY: the folder, not the file

LOCKED_BY_ANOTHER_PROGRAM = N_(
    "The database {path} is locked by another program (another copy of Forum "
    "Secretariat, or a database tool, is using it right now). Being locked does not mean "
    "it is damaged: close that program, or wait until it has finished, and try again. "
    "Nothing was changed.")
READ_ONLY_FILE = N_(
    "The database {path} is read-only: your account may not change the file, or the disk "
    "is write-protected. Ask for permission to write it, or copy it to a folder of your "
    "own and open the copy. Nothing was changed.")
READ_ONLY_FOLDER = N_(
    "The folder {folder} of the database {path} is read-only. SQLite has to create small "
    "working files beside the database (ending in -wal, -shm or -journal) to change it, "
    "and to read it at all while it is in WAL mode. Make the folder writable, or copy the "
    "database to a folder of your own and open the copy. Nothing was changed.")
DAMAGED = N_(
    "The database {path} is damaged ({problem}). Restore it from a backup; "
    "the file was not changed."
)


def kind(error: BaseException) -> str | None:
    """``BUSY``, ``READ_ONLY``, ``CORRUPT``, or None for anything else. Takes the driver's
    exception or SQLAlchemy's wrapper of it."""
    orig = getattr(error, "orig", None) or error
    if not isinstance(orig, sqlite3.Error):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary in (_BUSY, _LOCKED):
            return BUSY
        if primary == _READONLY:
            return READ_ONLY
        if primary in (_CORRUPT, _NOTADB):
            return CORRUPT
        return None
    text = str(orig).lower()
    if "database is locked" in text or "database table is locked" in text:
        return BUSY
    if "readonly database" in text or "read-only" in text:
        return READ_ONLY
    if "malformed" in text or "not a database" in text:
        return CORRUPT
    return None


def explain(error: BaseException, path: Path | None) -> StoreError | None:
    """The message for an SQLite failure on the database file ``path`` (None when the
    failure is none of those above, or there is no file to name)."""
    found = kind(error)
    if found is None or path is None:
        return None
    path = Path(path).resolve()
    if found == BUSY:
        return StoreError(LOCKED_BY_ANOTHER_PROGRAM, path=str(path))
    if found == CORRUPT:
        return StoreError(DAMAGED, path=str(path), problem=str(getattr(error, "orig", error)))
    if _folder_is_to_blame(error, path):
        return StoreError(READ_ONLY_FOLDER, path=str(path), folder=str(path.parent))
    return StoreError(READ_ONLY_FILE, path=str(path))


def _folder_is_to_blame(error: BaseException, path: Path) -> bool:
    orig = getattr(error, "orig", None) or error
    if getattr(orig, "sqlite_errorcode", None) == _READONLY_DIRECTORY:
        return True
    # Older SQLite says only "readonly": the permissions tell (root may write anything,
    # so for root neither check fails and the file is named).
    return os.access(path, os.W_OK) and not os.access(path.parent, os.W_OK)


def on_engine_error(context) -> None:
    """SQLAlchemy ``handle_error`` hook: a read-only or damaged database raises its
    StoreError wherever it is met, in the command line and the application alike. Busy
    errors are left as they are, for ``run_transaction`` to retry."""
    if kind(context.original_exception) not in (READ_ONLY, CORRUPT):
        return
    from secretariat.store import sqlite_path

    engine = context.engine
    friendly = explain(context.original_exception,
                       sqlite_path(engine.url) if engine is not None else None)
    if friendly is not None:
        raise friendly from context.original_exception
