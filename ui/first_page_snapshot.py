"""The first-page snapshot: the members table shown before the database layer is loaded.

Importing SQLAlchemy, the ORM and the model alone takes longer than three bare Qt
windows take to appear, so records read from the database cannot be on screen sooner.
The members table's rows are therefore kept in a small file in the user's cache folder
— plain values of exactly the table's columns (``MemberRow``: names, organisation,
sector, seat, role, term dates; no e-mail, phone or any other contact detail) — with a
*fingerprint* of the SQLite file they were read from: path, size, ``mtime_ns``, inode
and header of the database file and of its ``-wal`` file. At start-up (stat and two
short reads, no SQLAlchemy) a snapshot whose fingerprint still matches, saved by this
program version for the same date and the same "Include past terms" choice, is shown
read-only until the store is open and the page reads the real rows. Anything else — no
snapshot, another fingerprint, a damaged or foreign file, PostgreSQL, an in-memory
database — is ignored silently: the page then waits for the database as before.

Why the fingerprint proves the rows current: every commit by any process appends frames
to the ``-wal`` file (its size changes; a WAL restarted from the beginning gets new salts
in its header) and every checkpoint writes the database file (its size, time or header
change). Why the snapshot is written at exit, after the store is closed, rather than
when the page loads: while connections are open the ``-wal`` file exists and is
checkpointed and deleted when the last one closes, so a fingerprint taken earlier could
never match at the next start. ``save_after_close`` stats the closed files, reads the
rows anew, stats again and writes only if nothing changed in between, so a commit by
another process at any moment either is in the rows or makes the fingerprint differ.
The file is written atomically and readable by its owner only.

``SECRETARIAT_FIRST_PAGE_SNAPSHOT=0`` turns the snapshot off (neither read nor written):
the benchmark measures the database path that way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from secretariat import __version__
from secretariat.vocabulary import Role, Side

FORMAT = 1
DISABLE_ENV = "SECRETARIAT_FIRST_PAGE_SNAPSHOT"
FOLDER = "first-page"
_SQLITE_PREFIX = "sqlite:///"
_DB_HEADER = 100  # SQLite's file header: change counter, page count, schema cookie…
_WAL_HEADER = 32  # the WAL header: checkpoint sequence, salts, checksum


@dataclass(frozen=True)
class SnapshotRow:
    """A members-table row as saved: the fields of ``services.members.MemberRow`` (the
    tests hold the two to the same names), so the page shows it as it shows a real one."""

    membership_id: int
    person_id: int
    seat_id: int
    name: str
    name_en: str
    gender: str
    region: str
    organisation: str
    organisation_en: str
    sector_code: str
    sector_name_zh_tw: str
    sector_name_en: str
    side: Side
    seat_label: str
    seat_label_en: str
    role: Role
    term_start: dt.date
    term_end: dt.date | None
    ended_on: dt.date | None
    high_level: bool
    active: bool
    version: int


FIELDS = tuple(f.name for f in dataclasses.fields(SnapshotRow))
_DATES = frozenset({"term_start", "term_end", "ended_on"})


@dataclass(frozen=True)
class Snapshot:
    rows: list[SnapshotRow]
    on: dt.date


def enabled() -> bool:
    return os.environ.get(DISABLE_ENV, "1") != "0"


def database_file(url: str) -> Path | None:
    """The SQLite file a plain ``sqlite:///PATH`` URL names (what ``resolve_db_url``
    makes of a path), else None: other URLs, PostgreSQL among them, get no snapshot."""
    if not url.startswith(_SQLITE_PREFIX):
        return None
    rest = url[len(_SQLITE_PREFIX):]
    if rest in ("", ":memory:") or any(c in rest for c in "?%#"):
        return None
    return Path(rest).resolve()


def snapshot_file(database: Path) -> Path:
    from secretariat.paths import cache_dir

    # A name, not a proof: the file records its database's path, checked on loading.
    # (zlib is loaded with Qt already; hashlib would cost milliseconds of start-up.)
    key = str(database).encode("utf-8")
    return cache_dir() / FOLDER / f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}.json"


def fingerprint(database: Path) -> list:
    """What changes whenever anyone commits to, or checkpoints, ``database``."""
    return [_file_print(database, _DB_HEADER),
            _file_print(database.with_name(database.name + "-wal"), _WAL_HEADER)]


def _file_print(path: Path, header: int) -> list | None:
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            head = handle.read(header)
    except FileNotFoundError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino, head.hex()]


def load(url: str, *, on: dt.date, include_past: bool) -> Snapshot | None:
    """The snapshot for ``url`` if its fingerprint still matches the file, else None."""
    if not enabled():
        return None
    database = database_file(url)
    if database is None:
        return None
    try:
        data = json.loads(snapshot_file(database).read_bytes())
        if not (isinstance(data, dict) and data.get("format") == FORMAT
                and data.get("program") == __version__
                and data.get("database") == str(database)
                and data.get("on") == on.isoformat()
                and data.get("include_past") is include_past
                and data.get("fields") == list(FIELDS)):
            return None
        if data.get("fingerprint") != fingerprint(database):
            return None  # changed since: by another process, a migration, anything
        rows = [_row(values) for values in data["rows"]]
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: start without it
        return None
    return Snapshot(rows, on) if rows else None


def _row(values: list) -> SnapshotRow:
    if len(values) != len(FIELDS):
        raise ValueError("a row of another shape")
    fields = dict(zip(FIELDS, values))
    for name in _DATES:
        if fields[name] is not None:
            fields[name] = dt.date.fromisoformat(fields[name])
    fields["side"], fields["role"] = Side(fields["side"]), Role(fields["role"])
    return SnapshotRow(**fields)


def _values(row) -> list:
    out = []
    for name in FIELDS:
        value = getattr(row, name)
        if isinstance(value, (Side, Role)):
            value = value.value
        elif isinstance(value, dt.date):
            value = value.isoformat()
        out.append(value)
    return out


def save_after_close(store, *, on: dt.date, include_past: bool) -> bool:
    """Read the members table's rows from the closed ``store`` anew and save them with
    the file's fingerprint, if nothing changed the file meanwhile. True once written;
    an old snapshot that could not be replaced is removed."""
    if not enabled() or store is None or not store.is_sqlite:
        return False
    database = store.database_path
    if database is None:
        return False
    database = database.resolve()
    target = snapshot_file(database)
    from secretariat.services import members as member_service

    try:
        # A -wal file left by a read-only connection (the store's file checks) goes when
        # the last writable connection closes: settle the files before the first print.
        with store.engine.connect():
            pass
        store.engine.dispose()
        before = fingerprint(database)
        with store.session() as session:
            rows = member_service.member_rows(session, on=on, include_past=include_past)
    finally:
        store.engine.dispose()  # the last connection: the -wal file goes as at close
    after = fingerprint(database)
    if before != after or not rows:
        target.unlink(missing_ok=True)
        return False
    data = {"format": FORMAT, "program": __version__, "schema": store.schema_revision,
            "database": str(database), "fingerprint": after, "on": on.isoformat(),
            "include_past": include_past, "fields": list(FIELDS),
            "rows": [_values(row) for row in rows]}
    from secretariat.atomic_files import atomic_file

    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(target, suffix=".tmp", durable=False) as handle:  # owner-only (0600)
        handle.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return True
