"""What ``secretariat info``, ``backup`` and ``restore`` do (and the GUI's File menu).

A backup is one self-contained SQLite file written with the online backup API, so it can
be taken while the program is open; it is never visible under its final name half
written. A restore checks the backup as carefully as opening a database does, refuses to
overwrite records unless forced, and then opens the result once so an older backup is
upgraded (with the usual safety copy) right away.

The document files (``Store.documents_dir``) are not inside the database file: copy that
folder alongside a backup to keep the attached papers. The audit chain's head file
travels with the database: a backup ``b.db`` gets ``b.db.audit-head`` (the head of the
copy), and a restore installs the backup's head file, or, when it has none, the head of
the restored chain.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, make_url, select, table

from secretariat.store import migrations
from secretariat.store import sqlite_file
from secretariat.errors import SecretariatError, StoreError
from secretariat.i18n import N_, _
from secretariat.store import NEWER_SCHEMA, Store, open_store, sqlite_path
from secretariat.store import audit_head

# Record counts shown by ``info``: table -> label (msgid), in the order shown.
COUNTED_TABLES: dict[str, str] = {
    "forum": N_("Forums"),
    "sector": N_("Sectors"),
    "organisation": N_("Organisations"),
    "person": N_("People"),
    "seat": N_("Seats"),
    "membership": N_("Memberships"),
    "meeting": N_("Meetings"),
    "agenda_item": N_("Agenda items"),
    "attendance": N_("Attendance records"),
    "document": N_("Documents"),
    "minutes": N_("Minutes versions"),
    "decision": N_("Decisions"),
    "action_item": N_("Action items"),
    "audit_entry": N_("Audit log entries"),
}

USE_PG_DUMP = N_(
    "This database is on a PostgreSQL server. Back it up with the server's own tool, "
    "for example: pg_dump --format=custom --file=FILE {database}"
)
USE_PG_RESTORE = N_(
    "This database is on a PostgreSQL server. Restore it with the server's own tool "
    "(pg_restore) from a pg_dump backup."
)
BACKUP_ONTO_ITSELF = N_("The backup cannot be written over the database itself ({path}).")
BACKUP_NO_FOLDER = N_("The folder {folder} does not exist.")
BACKUP_FAILED = N_("The backup {path} could not be written: {problem}")
SOURCE_MISSING = N_("The backup file {path} does not exist.")
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
RESTORE_FAILED = N_("The database could not be restored to {path}: {problem}")
RESTORE_NEEDS_FILE = N_("A backup can only be restored into a database file.")
TARGET_IN_USE = N_(
    "{path} is in use by another program (is Forum Secretariat still open?). "
    "Close it and restore again."
)


@dataclass(frozen=True)
class StoreInfo:
    location: str  # file path, or the server URL without its password
    backend: str  # "sqlite" or "postgresql"
    schema_revision: str | None
    head_revision: str
    documents_dir: Path
    # table name -> number of rows, in COUNTED_TABLES order (labels: count_label()).
    counts: dict[str, int] = field(default_factory=dict)


def count_label(table_name: str) -> str:
    """The translated label for a key of ``StoreInfo.counts``."""
    return _(COUNTED_TABLES[table_name])


def info(store: Store) -> StoreInfo:
    path = store.database_path
    if path is not None:
        location = str(path.resolve())
    else:
        location = store.engine.url.render_as_string(hide_password=True)
    with store.engine.connect() as conn:
        revision = migrations.current_revision(conn)
        counts = {
            name: conn.execute(select(func.count()).select_from(table(name))).scalar_one()
            for name in COUNTED_TABLES
        }
    return StoreInfo(
        location=location,
        backend=store.engine.dialect.name,
        schema_revision=revision,
        head_revision=store.head_revision,
        documents_dir=store.documents_dir,
        counts=counts,
    )


def backup(store: Store, out: Path) -> Path:
    """Write a consistent copy of the database to ``out``; returns the absolute path."""
    if not store.is_sqlite:
        raise SecretariatError(USE_PG_DUMP, database=store.engine.url.database or "")
    out = Path(out).expanduser().resolve()
    path = store.database_path
    if path is not None and out == path.resolve():
        raise SecretariatError(BACKUP_ONTO_ITSELF, path=str(out))
    if not out.parent.is_dir():
        raise SecretariatError(BACKUP_NO_FOLDER, folder=str(out.parent))
    raw = store.engine.raw_connection()
    try:
        sqlite_file.copy_database(raw.driver_connection, out)
    except Exception as error:  # disk full, permission denied…
        raise SecretariatError(BACKUP_FAILED, path=str(out), problem=str(error)) from error
    finally:
        raw.close()
    _write_head_of(out, force=True)
    return out


def _write_head_of(path: Path, *, force: bool) -> None:
    """The head file of the SQLite database ``path``, from its own chain."""
    reader = sqlite_file.connect_read_only(path)
    try:
        count, last = reader.execute(
            "SELECT count(*), (SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1) "
            "FROM audit_entry").fetchone()
    except sqlite3.DatabaseError:  # no audit table yet (a very old schema)
        return
    finally:
        reader.close()
    if count:
        audit_head.write_head(audit_head.head_path_for(path, None, path.parent),
                              audit_head.Head(count, last), force=force)


def restore(url: str, source: Path, *, force: bool = False) -> StoreInfo:
    """Replace the database at ``url`` with the backup ``source`` and upgrade it."""
    target = sqlite_path(make_url(url))
    if make_url(url).get_backend_name() != "sqlite":
        raise SecretariatError(USE_PG_RESTORE)
    if target is None:
        raise SecretariatError(RESTORE_NEEDS_FILE)
    source, target = Path(source).expanduser().resolve(), target.resolve()
    _check_source(source)
    if target.exists() and not force:
        _refuse_unless_empty(target)
    if not target.parent.is_dir():
        raise SecretariatError(BACKUP_NO_FOLDER, folder=str(target.parent))
    _settle_target(target)
    try:
        reader = sqlite_file.connect_read_only(source)
        try:
            sqlite_file.copy_database(reader, target, clear_side_files=True)
        finally:
            reader.close()
    except Exception as error:  # disk full, permission denied…
        raise SecretariatError(RESTORE_FAILED, path=str(target), problem=str(error)) from error
    _restore_head(source, target)
    store = open_store(url)  # upgrades an older backup, keeping the usual safety copy
    try:
        return info(store)
    finally:
        store.close()


def _restore_head(source: Path, target: Path) -> None:
    """The restored database's chain ends where its backup's head file says."""
    target_head = audit_head.head_path_for(target, None, target.parent)
    backup_head = audit_head.read_head(audit_head.head_path_for(source, None, source.parent))
    if backup_head is not None:
        audit_head.write_head(target_head, backup_head, force=True)
        return
    target_head.unlink(missing_ok=True)  # the replaced database's head is not this one's
    _write_head_of(target, force=True)


def _check_source(source: Path) -> None:
    if not source.is_file():
        raise SecretariatError(SOURCE_MISSING, path=str(source))
    state = sqlite_file.inspect_file(source)  # not a database / damaged / foreign
    if state.revision is None:
        raise SecretariatError(SOURCE_EMPTY, path=str(source))
    if state.revision not in migrations.known_revisions():
        raise StoreError(SOURCE_NEWER, path=str(source), revision=state.revision)


def _refuse_unless_empty(target: Path) -> None:
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


def _settle_target(target: Path) -> None:
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
