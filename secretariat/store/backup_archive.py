"""The backup file: one ZIP holding the database, its audit head and every stored paper.

    database.sqlite            a consistent copy of the database (rollback-journal mode)
    audit-head                 the copy's audit chain head (absent when the chain is empty)
    papers/aa/<sha256>         each file of the documents folder, under its own name
    manifest.json              written last: format, schema, and each member's size and SHA-256

A ZIP (ZIP64, so neither a large database nor many papers hit a limit) opens with any
archive tool, and the stdlib reads it on every platform. The file is written under a
temporary name and renamed when complete (``atomic_files``), so a backup is never seen
half-written; one cut short later (a copy interrupted) has no central directory or no
manifest, and one changed on the way fails its SHA-256. ``BackupArchive.verify`` reads
every member before a restore touches anything.

A plain SQLite file is the format of versions before this one; ``is_archive`` tells them
apart by their first bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from secretariat import __version__
from secretariat.atomic_files import atomic_file
from secretariat.errors import StoreError
from secretariat.i18n import N_

FORMAT = "forum-secretariat-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.sqlite"
AUDIT_HEAD = "audit-head"
_PAPER = re.compile(r"papers/([0-9a-f]{2})/(\1[0-9a-f]{62})")
_STORED_NAME = re.compile(r"[0-9a-f]{64}")
ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1024 * 1024

# bytes done, bytes in all: called as a long backup or check goes along.
Progress = Callable[[int, int], None]

NOT_A_BACKUP = N_(
    "{path} is not a Forum Secretariat backup (it is an archive without a backup "
    "manifest). Nothing was changed.")
ARCHIVE_DAMAGED = N_(
    "The backup {path} is damaged or incomplete ({problem}). Nothing was changed; "
    "use another copy of the backup.")
MEMBER_DAMAGED = N_(
    "The backup {path} is damaged: {member} does not match the checksum recorded when the "
    "backup was written. Nothing was changed; use another copy of the backup.")
MEMBER_MISSING = N_(
    "The backup {path} is incomplete: {member} is missing from it. Nothing was changed; "
    "use another copy of the backup.")
MEMBER_UNEXPECTED = N_(
    "The backup {path} holds {member}, which its manifest does not list: it was changed "
    "after it was written. Nothing was changed; use another copy of the backup.")
NEWER_FORMAT = N_(
    "The backup {path} was written by a newer version of Forum Secretariat (backup format "
    "{version}). Install the newer program to restore it; nothing was changed.")


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    sha256: str

    @property
    def paper_sha256(self) -> str | None:
        """The SHA-256 a paper is stored under (its name), None for other members."""
        match = _PAPER.fullmatch(self.name)
        return match.group(2) if match else None


def is_archive(path: Path) -> bool:
    with Path(path).open("rb") as handle:
        return handle.read(len(ZIP_MAGIC)) == ZIP_MAGIC


def stored_papers(documents_dir: Path) -> list[tuple[str, Path]]:
    """(sha256, file) for each paper of a content-addressed documents folder, sorted;
    anything else there (temporary files, head files) is not a paper."""
    papers = []
    try:
        folders = [entry for entry in Path(documents_dir).iterdir()
                   if entry.is_dir() and re.fullmatch(r"[0-9a-f]{2}", entry.name)]
    except FileNotFoundError:
        return []
    for folder in folders:
        papers.extend((entry.name, entry) for entry in folder.iterdir()
                      if _STORED_NAME.fullmatch(entry.name)
                      and entry.name.startswith(folder.name) and entry.is_file())
    return sorted(papers)


def paper_member(sha: str) -> str:
    return f"papers/{sha[:2]}/{sha}"


def write_archive(out: Path, *, database: Path, head: bytes | None,
                  papers: list[tuple[str, Path]], schema: str | None,
                  progress: Progress | None = None) -> list[Member]:
    """Write the backup ``out`` atomically; returns its members (manifest aside)."""
    sources = [(DATABASE, database, zipfile.ZIP_DEFLATED)]
    sources += [(paper_member(sha), path, zipfile.ZIP_STORED) for sha, path in papers]
    total = sum(path.stat().st_size for _name, path, _method in sources)
    done = 0
    members = []
    with atomic_file(out) as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
        for name, path, method in sources:
            with path.open("rb") as source:
                members.append(_write_member(archive, name, source, method))
            done += members[-1].size
            if progress:
                progress(done, total)
        if head is not None:
            members.append(_write_member(archive, AUDIT_HEAD, _bytes_reader(head),
                                         zipfile.ZIP_DEFLATED))
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "program": __version__,
            "written_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "schema": schema,
            "members": [{"name": m.name, "size": m.size, "sha256": m.sha256} for m in members],
        }
        data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        _write_member(archive, MANIFEST, _bytes_reader(data), zipfile.ZIP_DEFLATED)
    return members


def _write_member(archive: zipfile.ZipFile, name: str, source: BinaryIO,
                  method: int) -> Member:
    info = zipfile.ZipInfo(name, date_time=dt.datetime.now().timetuple()[:6])
    info.compress_type = method
    info.external_attr = 0o644 << 16
    digest, size = hashlib.sha256(), 0
    with archive.open(info, "w", force_zip64=True) as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return Member(name, size, digest.hexdigest())


def _bytes_reader(data: bytes) -> BinaryIO:
    return io.BytesIO(data)


class BackupArchive:
    """A backup file opened for restoring: ``open`` checks its manifest, ``verify`` every
    member's bytes; both raise StoreError naming what is wrong."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, members: dict[str, Member],
                 schema: str | None):
        self.path, self._zip, self.members, self.schema = path, archive, members, schema

    @classmethod
    def open(cls, path: Path) -> BackupArchive:
        path = Path(path)
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise StoreError(ARCHIVE_DAMAGED, path=str(path), problem=str(error)) from error
        try:
            members, schema = _read_manifest(path, archive)
        except BaseException:
            archive.close()
            raise
        return cls(path, archive, members, schema)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> BackupArchive:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @property
    def papers(self) -> list[Member]:
        return [m for m in self.members.values() if m.paper_sha256 is not None]

    @property
    def total_bytes(self) -> int:
        return sum(m.size for m in self.members.values())

    def verify(self, *, database_to: Path, progress: Progress | None = None,
               done: int = 0, total: int | None = None) -> int:
        """Check every member against the manifest, writing the database member to
        ``database_to`` on the way (one read of it). Returns the bytes read."""
        total = self.total_bytes if total is None else total
        for member in self.members.values():
            if member.name == DATABASE:
                with database_to.open("wb") as out:
                    self._copy(member, out)
            else:
                self._copy(member, None)
            done += member.size
            if progress:
                progress(done, total)
        return done

    def read_small(self, name: str) -> bytes | None:
        """A small member (the audit head), checked; None when the backup has none."""
        member = self.members.get(name)
        if member is None:
            return None
        out = io.BytesIO()
        self._copy(member, out)
        return out.getvalue()

    def install_paper(self, member: Member, target: Path) -> bool:
        """Put a paper into a documents folder; False when an identical file is already
        there (it is kept). Written atomically, and checked again on the way."""
        if target.is_file() and _file_sha256(target) == member.sha256:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(target, prefix=".incoming-") as out:
            self._copy(member, out)
        return True

    def _copy(self, member: Member, out: BinaryIO | None) -> None:
        """Stream a member into ``out`` (or nowhere), refusing bytes that differ from the
        manifest. A failure to write ``out`` (disk full…) is the caller's to report."""
        digest, size = hashlib.sha256(), 0
        try:
            source = self._zip.open(member.name)
        except _READ_ERRORS as error:
            raise StoreError(MEMBER_DAMAGED, path=str(self.path), member=member.name) from error
        with source:
            while True:
                try:
                    chunk = source.read(_CHUNK)
                except _READ_ERRORS as error:  # bad CRC, cut-off stream, bad header
                    raise StoreError(MEMBER_DAMAGED, path=str(self.path),
                                     member=member.name) from error
                if not chunk:
                    break
                digest.update(chunk)
                size += len(chunk)
                if size > member.size:
                    break
                if out is not None:
                    out.write(chunk)
        if size != member.size or digest.hexdigest() != member.sha256:
            raise StoreError(MEMBER_DAMAGED, path=str(self.path), member=member.name)


_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError,
                OSError)


def _chunks(source: BinaryIO) -> Iterator[bytes]:
    while chunk := source.read(_CHUNK):
        yield chunk


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in _chunks(handle):
            digest.update(chunk)
    return digest.hexdigest()


def _read_manifest(path: Path, archive: zipfile.ZipFile) -> tuple[dict[str, Member], str | None]:
    names = archive.namelist()
    if MANIFEST not in names:
        raise StoreError(NOT_A_BACKUP, path=str(path))
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError, ValueError) as error:
        raise StoreError(ARCHIVE_DAMAGED, path=str(path), problem=str(error)) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StoreError(NOT_A_BACKUP, path=str(path))
    version = manifest.get("format_version")
    if not isinstance(version, int):
        raise StoreError(ARCHIVE_DAMAGED, path=str(path), problem="format_version")
    if version > FORMAT_VERSION:
        raise StoreError(NEWER_FORMAT, path=str(path), version=version)
    try:
        listed = [Member(str(m["name"]), int(m["size"]), str(m["sha256"]))
                  for m in manifest["members"]]
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(ARCHIVE_DAMAGED, path=str(path), problem="manifest") from error
    members = {m.name: m for m in listed}
    seen: set[str] = set()
    for name in names:
        if name != MANIFEST and (name not in members or name in seen):
            raise StoreError(MEMBER_UNEXPECTED, path=str(path), member=name)
        seen.add(name)
    for member in listed:
        # Only names this program writes: nothing may land outside the target folders.
        if member.name not in (DATABASE, AUDIT_HEAD) and member.paper_sha256 is None:
            raise StoreError(MEMBER_UNEXPECTED, path=str(path), member=member.name)
        if member.name not in seen:
            raise StoreError(MEMBER_MISSING, path=str(path), member=member.name)
    if DATABASE not in members:
        raise StoreError(MEMBER_MISSING, path=str(path), member=DATABASE)
    schema = manifest.get("schema")
    return members, schema if isinstance(schema, str) else None
