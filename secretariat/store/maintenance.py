"""What ``secretariat info``, ``backup`` and ``restore`` do (and the GUI's File menu).

A backup is one file (``backup_archive``) holding a copy of the database written with
SQLite's online backup API (so it can be taken while the program is open), the copy's
audit chain head, and every paper of the documents folder; it is never visible under its
final name half written. A restore reads and checks every member of the backup, checks
what it would replace (refusing to overwrite records unless forced), and only then
installs the papers (added to the target's documents folder, identical ones kept), the
database and its head file; it then opens the result once so an older backup is upgraded
(with the usual safety copy) right away.

A plain SQLite file, the backup format of earlier versions, still restores: with its
``<backup>.audit-head`` sibling when there is one. It carries no papers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, fields
from pathlib import Path

from sqlalchemy import func, make_url, select, table

from secretariat.store import migrations
from secretariat.store import sqlite_file
from secretariat.errors import SecretariatError, StoreError
from secretariat.i18n import N_, _
from secretariat.store import Store, documents_dir_for, open_store, sqlite_path
from secretariat.store import audit_head, backup_archive, restoring
from secretariat.store.backup_archive import Progress

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
SOURCE_UNKNOWN = N_(
    "{path} is not a Forum Secretariat backup: it is neither a backup file nor a database "
    "file. Nothing was changed.")
RESTORE_FAILED = N_("The database could not be restored to {path}: {problem}")
RESTORE_NEEDS_FILE = N_("A backup can only be restored into a database file.")


@dataclass(frozen=True)
class StoreInfo:
    location: str  # file path, or the server URL without its password
    backend: str  # "sqlite" or "postgresql"
    schema_revision: str | None
    head_revision: str
    documents_dir: Path
    # table name -> number of rows, in COUNTED_TABLES order (labels: count_label()).
    counts: dict[str, int] = field(default_factory=dict)
    # The papers' files in the documents folder, and their size.
    paper_files: int = 0
    paper_bytes: int = 0


@dataclass(frozen=True)
class BackupReport:
    path: Path
    papers: int
    paper_bytes: int
    documents_dir: Path
    # SHA-256s of papers the database lists that are not in the documents folder.
    missing_papers: tuple[str, ...] = ()


@dataclass(frozen=True)
class RestoreReport(StoreInfo):
    papers_added: int = 0
    papers_kept: int = 0  # already in the documents folder, identical
    # A plain database file (the format of earlier versions): it carried no papers.
    database_only: bool = False


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
    papers = backup_archive.stored_papers(store.documents_dir)
    return StoreInfo(
        location=location,
        backend=store.engine.dialect.name,
        schema_revision=revision,
        head_revision=store.head_revision,
        documents_dir=store.documents_dir,
        counts=counts,
        paper_files=len(papers),
        paper_bytes=sum(path.stat().st_size for _sha, path in papers),
    )


def backup(store: Store, out: Path, *, progress: Progress | None = None) -> BackupReport:
    """Write the backup file ``out``: database, audit head and papers (``backup_archive``)."""
    if not store.is_sqlite:
        raise SecretariatError(USE_PG_DUMP, database=store.engine.url.database or "")
    out = Path(out).expanduser().resolve()
    path = store.database_path
    if path is not None and out == path.resolve():
        raise SecretariatError(BACKUP_ONTO_ITSELF, path=str(out))
    if not out.parent.is_dir():
        raise SecretariatError(BACKUP_NO_FOLDER, folder=str(out.parent))
    try:
        with restoring.scratch_file(out.parent, out.name) as copy:
            raw = store.engine.raw_connection()
            try:
                sqlite_file.copy_database(raw.driver_connection, copy)
            finally:
                raw.close()
            revision, listed = _revision_and_papers(copy)
            head = restoring.head_of(copy)
            # Papers are never changed once stored, so those of the copy are all there
            # (and one added since is harmless: nothing in the copy refers to it).
            papers = backup_archive.stored_papers(store.documents_dir)
            backup_archive.write_archive(
                out, database=copy, papers=papers, schema=revision, progress=progress,
                head=audit_head.encode_head(head) if head is not None else None)
    except Exception as error:  # disk full, permission denied…
        raise SecretariatError(BACKUP_FAILED, path=str(out), problem=_problem(error)) from error
    present = {sha for sha, _path in papers}
    return BackupReport(
        path=out, papers=len(papers),
        paper_bytes=sum(paper.stat().st_size for _sha, paper in papers),
        documents_dir=store.documents_dir,
        missing_papers=tuple(sorted(listed - present)))


def _revision_and_papers(copy: Path) -> tuple[str | None, set[str]]:
    reader = sqlite_file.connect_read_only(copy)
    try:
        revision = reader.execute("SELECT version_num FROM alembic_version").fetchone()
        listed = {sha for (sha,) in reader.execute("SELECT DISTINCT sha256 FROM document")}
    except sqlite3.DatabaseError:  # an empty database: no tables yet
        return None, set()
    finally:
        reader.close()
    return (revision[0] if revision else None), listed


def restore(url: str, source: Path, *, force: bool = False,
            progress: Progress | None = None) -> RestoreReport:
    """Replace the database at ``url`` (and add to its documents folder) from the backup
    ``source``, then open it once, which upgrades an older backup."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise SecretariatError(USE_PG_RESTORE)
    target = sqlite_path(parsed)
    if target is None:
        raise SecretariatError(RESTORE_NEEDS_FILE)
    source, target = Path(source).expanduser().resolve(), target.resolve()
    if not source.is_file():
        raise SecretariatError(SOURCE_MISSING, path=str(source))
    try:
        is_archive = backup_archive.is_archive(source)
        is_database = not is_archive and (source.stat().st_size == 0
                                          or sqlite_file.has_sqlite_header(source))
    except OSError as error:
        raise StoreError(sqlite_file.UNREADABLE, path=str(source),
                         problem=_problem(error)) from error
    if not (is_archive or is_database):
        raise StoreError(SOURCE_UNKNOWN, path=str(source))
    documents, _temporary = documents_dir_for(parsed)
    if is_archive:
        added, kept = _restore_archive(source, target, documents, force, progress)
    else:
        _restore_database_file(source, target, force)
        added = kept = 0
    store = open_store(url)  # upgrades an older backup, keeping the usual safety copy
    try:
        report = info(store)
    finally:
        store.close()
    return RestoreReport(**{f.name: getattr(report, f.name) for f in fields(StoreInfo)},
                         papers_added=added, papers_kept=kept, database_only=not is_archive)


def _restore_archive(source: Path, target: Path, documents: Path, force: bool,
                     progress: Progress | None) -> tuple[int, int]:
    with backup_archive.BackupArchive.open(source) as archive:
        restoring.check_revision(archive.schema, source)
        _check_target(target, force)
        try:
            with restoring.scratch_file(target.parent, target.name) as copy:
                return _install_archive(archive, copy, target, documents, progress)
        except (OSError, sqlite3.Error) as error:  # disk full, permission denied…
            raise SecretariatError(RESTORE_FAILED, path=str(target),
                                   problem=_problem(error)) from error


def _install_archive(archive: backup_archive.BackupArchive, copy: Path, target: Path,
                     documents: Path, progress: Progress | None) -> tuple[int, int]:
    total = archive.total_bytes + sum(paper.size for paper in archive.papers)
    done = archive.verify(database_to=copy, progress=progress, total=total)
    head = _archived_head(archive)
    restoring.check_database(copy, shown_as=archive.path)
    restoring.settle_target(target)
    # Nothing was written before this line. Papers first: the database never names a
    # paper its folder lacks, even if what follows fails.
    added = kept = 0
    for paper in archive.papers:
        sha = paper.paper_sha256
        if archive.install_paper(paper, documents / sha[:2] / sha):
            added += 1
        else:
            kept += 1
        done += paper.size
        if progress:
            progress(done, total)
    restoring.install_database(copy, target)
    restoring.install_head(target, head)
    return added, kept


def _archived_head(archive: backup_archive.BackupArchive) -> audit_head.Head | None:
    data = archive.read_small(backup_archive.AUDIT_HEAD)
    if data is None:
        return None
    head = audit_head.decode_head(data)
    if head is None:
        raise StoreError(backup_archive.ARCHIVE_DAMAGED, path=str(archive.path),
                         problem=backup_archive.AUDIT_HEAD)
    return head


def _restore_database_file(source: Path, target: Path, force: bool) -> None:
    """A backup of earlier versions: the database file, maybe with a head file beside."""
    restoring.check_database(source, shown_as=source)
    _check_target(target, force)
    restoring.settle_target(target)
    try:
        restoring.install_database(source, target)
    except Exception as error:  # disk full, permission denied…
        raise SecretariatError(RESTORE_FAILED, path=str(target),
                               problem=_problem(error)) from error
    restoring.install_head(target, audit_head.read_head(
        audit_head.head_path_for(source, None, source.parent)))


def _check_target(target: Path, force: bool) -> None:
    if target.exists() and not force:
        restoring.refuse_unless_empty(target)
    if not target.parent.is_dir():
        raise SecretariatError(BACKUP_NO_FOLDER, folder=str(target.parent))


def _problem(error: BaseException) -> str:
    if isinstance(error, SecretariatError):
        return str(error)
    return getattr(error, "strerror", None) or str(error)
