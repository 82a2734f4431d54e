"""Writing a BagIt bag (RFC 8493) as a folder or a ZIP, each byte read and hashed once.

Every payload file is streamed from its source into the bag while SHA-256 and SHA-512 are
computed over the same chunks, so a gigabyte of papers is read once and written once.
The bag appears under its final name only when it is complete: it is built under a
temporary name in the target's folder (``atomic_files``' partial-file convention, so an
interrupted export is cleaned up by a later one) and renamed at the end; an error or a
cancel (``report`` raising) removes it.

Reproducible: manifests list files in code-point order, ZIP entries carry the bagging
date instead of the clock, and nothing depends on the machine, so exporting the same
records twice gives identical manifests — and identical files when the date is the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from secretariat import __version__
from secretariat.atomic_files import PARTIAL, fsync_folder, remove_stale_partials
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.packages.bag_paths import check_path, collision_key, encode_manifest_path
from secretariat.packages.signing import Signer

ALGORITHMS = ("sha256", "sha512")
CHUNK = 1 << 20
SIGNATURE_FILE = "tagmanifest-sha256.txt.sig"
PUBLIC_KEY_FILE = "signing-key.pem"
Report = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BagEntry:
    path: str  # relative to the bag, e.g. "data/minutes.pdf"
    size: int
    digests: dict[str, str]


class BagWriter:
    """``with BagWriter(target, zipped=True) as bag: bag.add_file(...); bag.finish(signer)``.

    Leaving the block without ``finish`` (an exception, a cancel) leaves nothing behind."""

    def __init__(self, target: Path, *, zipped: bool, bagging_date: dt.date,
                 report: Report | None = None, total_bytes: int = 0):
        self.target = Path(target)
        self.zipped = zipped
        self.bagging_date = bagging_date
        self._report = report
        self._total = total_bytes
        self._done = 0
        self._payload: list[BagEntry] = []
        self._tags: list[BagEntry] = []
        self._names: dict[str, str] = {}
        self._finished = False
        if not self.target.parent.is_dir():
            raise SecretariatError(N_("The folder {folder} does not exist."),
                                   folder=str(self.target.parent))
        if not zipped and self.target.exists():
            raise SecretariatError(N_("{path} already exists; choose a new folder name."),
                                   path=str(self.target))
        remove_stale_partials(self.target.parent)
        prefix = f".{self.target.name}.{PARTIAL}{os.getpid()}-"
        if zipped:
            fd, temp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=self.target.parent)
            os.close(fd)
            self._temp = Path(temp)
            self._zip = zipfile.ZipFile(self._temp, "w", zipfile.ZIP_STORED, allowZip64=True)
            self._root = self.target.stem  # a zipped bag holds one folder, named for it
        else:
            self._temp = Path(tempfile.mkdtemp(prefix=prefix, dir=self.target.parent))
            self._zip = None

    # --- adding ---------------------------------------------------------------------
    def add_bytes(self, path: str, data: bytes) -> BagEntry:
        """A payload file (``path`` relative to ``data/``) with the given content."""
        return self._add(self._payload, "data/" + path, _chunks_of(data))

    def add_file(self, path: str, source: Path) -> BagEntry:
        """A payload file copied from ``source``, streamed."""
        with open(source, "rb") as handle:
            return self._add(self._payload, "data/" + path, _chunks_from(handle))

    def add_tag_bytes(self, name: str, data: bytes) -> BagEntry:
        """A tag file at the bag's top level (README, public key, audit head)."""
        return self._add(self._tags, name, _chunks_of(data))

    def _add(self, entries: list[BagEntry], name: str, chunks) -> BagEntry:
        name = check_path(name)
        key = collision_key(name)
        if key in self._names:
            raise SecretariatError(N_("“{name}” and “{other}” would be the same file on some "
                                      "computers."), name=name, other=self._names[key])
        self._names[key] = name
        hashes = {algorithm: hashlib.new(algorithm) for algorithm in ALGORITHMS}
        first, *others = hashes.values()
        size = 0
        with self._open(name) as out:
            for chunk in chunks:
                # SHA-512 on a second core while this one does SHA-256, the ZIP's CRC and
                # the write: hashlib releases the GIL for buffers this large.
                pending = [_hasher().submit(h.update, chunk) for h in others]
                first.update(chunk)
                out.write(chunk)
                for future in pending:
                    future.result()
                size += len(chunk)
                self._progress(len(chunk), name)
        entry = BagEntry(name, size, {a: h.hexdigest() for a, h in hashes.items()})
        entries.append(entry)
        return entry

    def _open(self, name: str) -> BinaryIO:
        if self._zip is not None:
            info = zipfile.ZipInfo(f"{self._root}/{name}", _zip_time(self.bagging_date))
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            return self._zip.open(info, "w", force_zip64=True)
        path = self._temp.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "wb")

    def _progress(self, count: int, name: str) -> None:
        self._done += count
        if self._report is not None:
            self._report(self._done, max(self._total, self._done), name)

    # --- finishing ------------------------------------------------------------------
    def finish(self, signer: Signer, info: dict[str, str]) -> Path:
        """Write the tag files, sign the tag manifest, and put the bag under its name."""
        payload = sorted(self._payload, key=lambda e: e.path)
        oxum = f"{sum(e.size for e in payload)}.{len(payload)}"
        bag_info = {"Bagging-Date": self.bagging_date.isoformat(), "Payload-Oxum": oxum,
                    "Bag-Software-Agent": f"Forum Secretariat {__version__}",
                    "Signing-Key-Fingerprint": signer.fingerprint, **info}
        self.add_tag_bytes(PUBLIC_KEY_FILE, signer.public_pem)
        self.add_tag_bytes("bagit.txt",
                           b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        self.add_tag_bytes("bag-info.txt", _bag_info_text(bag_info).encode("utf-8"))
        for algorithm in ALGORITHMS:
            self.add_tag_bytes(f"manifest-{algorithm}.txt",
                               _manifest(payload, algorithm).encode("utf-8"))
        tags = sorted(self._tags, key=lambda e: e.path)
        tag_manifests = {a: _manifest(tags, a).encode("utf-8") for a in ALGORITHMS}
        for algorithm in ALGORITHMS:
            self._write_unlisted(f"tagmanifest-{algorithm}.txt", tag_manifests[algorithm])
        self._write_unlisted(SIGNATURE_FILE, signer.sign(tag_manifests["sha256"]))
        self._close_into_place()
        return self.target

    def _write_unlisted(self, name: str, data: bytes) -> None:
        with self._open(name) as out:
            out.write(data)

    def _close_into_place(self) -> None:
        if self._zip is not None:
            self._zip.close()
            with open(self._temp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.chmod(self._temp, 0o644)
            os.replace(self._temp, self.target)
        else:
            os.rename(self._temp, self.target)
        fsync_folder(self.target.parent)
        self._finished = True

    def abort(self) -> None:
        if self._finished:
            return
        if self._zip is not None:
            self._zip.close()
            self._temp.unlink(missing_ok=True)
        else:
            shutil.rmtree(self._temp, ignore_errors=True)
        self._finished = True

    def __enter__(self) -> BagWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.abort()


@cache
def _hasher() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="bag-hash")


def _chunks_of(data: bytes):
    for start in range(0, len(data), CHUNK):
        yield data[start:start + CHUNK]


def _chunks_from(handle: BinaryIO):
    while chunk := handle.read(CHUNK):
        yield chunk


def _manifest(entries: list[BagEntry], algorithm: str) -> str:
    return "".join(f"{e.digests[algorithm]}  {encode_manifest_path(e.path)}\n"
                   for e in sorted(entries, key=lambda e: e.path))


def _bag_info_text(info: dict[str, str]) -> str:
    # One "Label: value" per line; values with line breaks would need folding, so they
    # are flattened (bag-info is a summary, the payload carries the full text).
    return "".join(f"{label}: {' '.join(str(value).split())}\n" for label, value in info.items())


def _zip_time(day: dt.date) -> tuple[int, int, int, int, int, int]:
    return (max(day.year, 1980), day.month, day.day, 0, 0, 0)
