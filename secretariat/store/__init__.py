"""Opening a database: checks, automatic backup, migrations, engine and sessions.

    store = open_store(url)          # checks, backs up and migrates as needed
    with store.session() as s: ...   # a Session (expire_on_commit=False)
    store.run_transaction(fn)        # fn(session) committed, retried when others interfere
    store.documents_dir              # content-addressed document files
    store.audit_head_path            # the audit chain's head, outside the database
    store.close()

Opening never damages what it cannot handle: a file that is not a database, a damaged
one, or one written by a newer program is refused by read-only checks before anything
writes to it (not even the switch to WAL). An older schema is copied aside with SQLite's
online backup API and then upgraded in one transaction. PostgreSQL gets the same
revision checks inside one transaction (its DDL is transactional); its backups are the
server's business (``pg_dump``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event, exc, make_url
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, StaticPool

from secretariat.store import migrations
from secretariat.store import sqlite_errors
from secretariat.store import sqlite_file
from secretariat.store import transactions
# Installing the guard here means no code path that opens a store can edit approved
# minutes or chained decisions in place, even one that never imports those services.
from secretariat.store import guards as _guards  # noqa: F401
from secretariat.store import terms_guard as _terms_guard  # noqa: F401
from secretariat.store import audit_head
from secretariat.errors import StoreError
from secretariat.i18n import N_

log = logging.getLogger(__name__)
T = TypeVar("T")
# Execution option of writing sessions' connections (see _sqlite_begin).
WRITE_OPTION = "secretariat_write"

DOCUMENTS_DIR_ENV = "SECRETARIAT_DOCUMENTS_DIR"

NEWER_SCHEMA = N_(
    "This database was written by a newer version of Forum Secretariat (schema {revision}). "
    "Install the newer program; the database was not changed."
)
CANNOT_CONNECT = N_("The database {location} cannot be opened: {problem}")
NO_DATABASE = N_(
    "There is no database at {path}. Check the path given with --db or SECRETARIAT_DB; "
    "“secretariat init” or “secretariat demo” creates a new one.")
NO_FOLDER = N_("The folder {folder} does not exist, so the database {path} cannot be created.")
BACKUP_FAILED = N_(
    "Could not write a safety copy of {path} before upgrading it ({problem}). "
    "The database was not changed."
)


@dataclass
class Store:
    url: str
    engine: Engine
    documents_dir: Path
    schema_revision: str | None
    head_revision: str
    _factory: sessionmaker = field(repr=False)
    _write_factory: sessionmaker = field(repr=False)
    # Set when this open upgraded an older database: its revision and the safety copy.
    upgraded_from: str | None = None
    backup_path: Path | None = None
    _temporary_dir: Path | None = field(repr=False, default=None)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def database_path(self) -> Path | None:
        """The database file, or None for PostgreSQL and in-memory SQLite."""
        return sqlite_path(self.engine.url)

    @property
    def display_url(self) -> str:
        """The URL without its password, fit to show on screen."""
        try:
            return _display(self.url)
        except Exception:  # noqa: BLE001 - an odd URL is still worth showing as given
            return self.url

    @property
    def location(self) -> str:
        """Where the records are, for people: the SQLite file, or the server's URL."""
        if self.is_sqlite and self.engine.url.database:
            return self.engine.url.database
        return self.display_url

    @property
    def audit_head_path(self) -> Path:
        """Where the audit chain's head is kept (see ``secretariat.store.audit_head``)."""
        return audit_head.head_path_for(self.database_path, self.engine.url.database,
                                        self.documents_dir)

    def session(self, *, write: bool = False) -> Session:
        """A session; ``write=True`` for one that will change records: on SQLite its
        transaction takes the write lock before its first read (``BEGIN IMMEDIATE``), so
        nothing it reads can go stale before it writes. PostgreSQL sessions are the same
        either way (services lock the rows they derive numbers from)."""
        return (self._write_factory if write else self._factory)()

    def run_transaction(self, fn: Callable[[Session], T], *,
                        retries: int = transactions.DEFAULT_RETRIES,
                        write: bool = True) -> T:
        """``fn(session)`` committed in a writing session, repeated after transient
        failures (locks, lost races); a translated ``BusyError``/``ConflictError`` when
        they persist. See ``secretariat.store.transactions``."""
        return transactions.run_transaction(self, fn, retries=retries, write=write)

    def close(self) -> None:
        self.engine.dispose()
        if self._temporary_dir is not None:
            shutil.rmtree(self._temporary_dir, ignore_errors=True)


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def open_store(url: str, *, create: bool = True) -> Store:
    """``create=False``: an SQLite file that does not exist, or is empty, is refused rather
    than made into a new database — a mistyped path must not quietly start a new forum."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        if path and not create:
            _refuse_missing(path)
        return _open_sqlite_file(url, path) if path else _open_sqlite_memory(url)
    return _open_server(url)


# -- SQLite ---------------------------------------------------------------------------

def _sqlite_pragmas(foreign_keys: bool):
    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before it returns; a laptop losing power must not
        # lose a record the clerk saw saved. NORMAL may drop the last commits in WAL mode.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return on_connect


def _refuse_missing(path: Path) -> None:
    try:
        empty = path.stat().st_size == 0
    except FileNotFoundError:
        empty = True
    except OSError:
        return  # unreadable for another reason: the file checks say which
    if empty:
        raise StoreError(NO_DATABASE, path=str(path.resolve()))


def _sqlite_begin(conn) -> None:
    """Writing sessions take SQLite's write lock at once: ``BEGIN IMMEDIATE`` waits for
    other writers (busy timeout) where a deferred transaction would read, then find at its
    first write that another writer got there first. pysqlite sees the open transaction
    and commits or rolls it back as usual. A shared in-memory connection already inside a
    transaction is left alone."""
    if conn.get_execution_options().get(WRITE_OPTION) and \
            not conn.connection.dbapi_connection.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _open_sqlite_file(url: str, path: Path) -> Store:
    path = path.resolve()
    if not path.parent.is_dir():
        raise StoreError(NO_FOLDER, folder=str(path.parent), path=str(path))
    state = sqlite_file.inspect_file(path) if path.exists() else sqlite_file.FileState(True, None)
    head = migrations.head_revision()
    _refuse_unknown(state.revision)
    backup = None
    if state.revision is not None and state.revision != head:
        backup = _backup_before_upgrade(path, state.revision)
    if state.revision != head:
        try:
            _migrate_sqlite_file(url)
        except exc.OperationalError as error:  # e.g. another program holds the write lock
            raise sqlite_errors.explain(error, path) or StoreError(
                CANNOT_CONNECT, location=str(path), problem=str(error.orig)) from error
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas(foreign_keys=True))
    event.listen(engine, "begin", _sqlite_begin)
    # A read-only or damaged file met later (first connection, a write) says so.
    event.listen(engine, "handle_error", sqlite_errors.on_engine_error)
    return _store(url, engine, head, from_revision=state.revision, backup=backup)


def _open_sqlite_memory(url: str) -> Store:
    """An in-memory database for tests: one connection shared by every session."""
    engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas(foreign_keys=True))
    with engine.connect() as conn:
        migrations.upgrade(conn)
        conn.commit()
    return _store(url, engine, migrations.head_revision(), from_revision=None)


def _backup_before_upgrade(path: Path, revision: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.before-{revision}-{stamp}.bak")
    try:
        source = sqlite_file.connect_read_only(path)
        try:
            sqlite_file.copy_database(source, target)
        finally:
            source.close()
    except Exception as error:  # disk full, no permission, unreadable page…
        raise StoreError(BACKUP_FAILED, path=str(path), problem=str(error)) from error
    log.info("Backed up %s to %s before upgrading it from schema %s", path, target, revision)
    return target


def _migrate_sqlite_file(url: str) -> None:
    """Upgrade to head in one transaction, with foreign keys off while batch migrations
    rebuild tables, and refuse the result if it left any dangling reference."""
    engine = create_engine(url, poolclass=NullPool)
    event.listen(engine, "connect", _sqlite_pragmas(foreign_keys=False))

    @event.listens_for(engine, "connect")
    def _driver_leaves_transactions_to_us(dbapi_connection, _record) -> None:
        # pysqlite would otherwise commit before each DDL statement.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn) -> None:
        # Take the write lock first, so the revision read below cannot go stale.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.begin() as conn:
            _refuse_unknown(migrations.current_revision(conn))
            migrations.upgrade(conn)
            dangling = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if dangling:
                raise RuntimeError(f"the upgrade left dangling references: {dangling[:5]}")
    finally:
        engine.dispose()


# -- PostgreSQL -----------------------------------------------------------------------

# Any fixed number: two workstations opening an old database at once upgrade it in turn.
_UPGRADE_LOCK_KEY = 0x5EC2E7A1


def _open_server(url: str) -> Store:
    engine = create_engine(url, pool_pre_ping=True)
    head = migrations.head_revision()
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_UPGRADE_LOCK_KEY})")
            revision = migrations.current_revision(conn)
            _refuse_unknown(revision)
            if revision is None and migrations.has_foreign_tables(conn):
                raise StoreError(sqlite_file.NOT_OURS, path=_display(url))
            if revision != head:
                if revision is not None:
                    log.warning(
                        "Upgrading %s from schema %s; back up PostgreSQL with pg_dump.",
                        _display(url), revision,
                    )
                migrations.upgrade(conn)
    except exc.OperationalError as error:
        engine.dispose()
        raise StoreError(CANNOT_CONNECT, location=_display(url), problem=str(error.orig)) from error
    except BaseException:
        engine.dispose()
        raise
    return _store(url, engine, head, from_revision=revision)


def _display(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


# -- shared ---------------------------------------------------------------------------

def _refuse_unknown(revision: str | None) -> None:
    if revision is not None and revision not in migrations.known_revisions():
        raise StoreError(NEWER_SCHEMA, revision=revision)


def _store(
    url: str, engine: Engine, head: str, *, from_revision: str | None, backup: Path | None = None
) -> Store:
    documents, temporary = documents_dir_for(engine.url)
    head_path = audit_head.head_path_for(sqlite_path(engine.url), engine.url.database,
                                         documents)
    return Store(
        url=url,
        engine=engine,
        documents_dir=documents,
        schema_revision=head,
        head_revision=head,
        upgraded_from=from_revision if from_revision not in (None, head) else None,
        backup_path=backup,
        # The session knows where to write the audit head after a commit that appended.
        _factory=sessionmaker(engine, expire_on_commit=False,
                              info={audit_head.HEAD_PATH_KEY: str(head_path)}),
        _write_factory=sessionmaker(engine.execution_options(**{WRITE_OPTION: True}),
                                    expire_on_commit=False,
                                    info={audit_head.HEAD_PATH_KEY: str(head_path)}),
        _temporary_dir=temporary,
    )


def documents_dir_for(url: URL) -> tuple[Path, Path | None]:
    """Where document files live, and a temporary folder to delete on close (if any).

    ``SECRETARIAT_DOCUMENTS_DIR`` wins (e.g. a shared network folder). Otherwise a
    database file keeps its documents in ``<name>.files`` beside it, so copying both
    moves a forum; PostgreSQL, which has no file of its own, uses the user's data folder
    (``platformdirs``) / ``documents``; an in-memory database uses a temporary folder
    that disappears with it.
    """
    override = os.environ.get(DOCUMENTS_DIR_ENV)
    if override:
        return Path(override).expanduser(), None
    path = sqlite_path(url)
    if path is not None:
        path = path.resolve()
        return path.with_name(path.name + ".files"), None
    if url.get_backend_name() == "sqlite":
        temporary = Path(tempfile.mkdtemp(prefix="secretariat-documents-"))
        return temporary, temporary
    from secretariat.paths import data_dir

    return data_dir() / "documents", None
