"""Writing a file so that no reader, and no crash, ever sees it half-written.

The bytes go to a temporary file in the target's folder (same file system, so the rename
is atomic), which then replaces the target with ``os.replace``; on any failure the
temporary file is removed and the old target, if any, is left as it was. Used by the
document repository, the exported documents and the demo generator.

A process killed mid-write cannot remove its temporary file, so each one carries its
writer's process id (``.NAME.partial-PID-RANDOM.tmp``) and every later write to the same
folder removes the partial files of ours whose writer is gone — and, from versions
before the id was recorded, partial files of the target over an hour old.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_file(target: Path, *, prefix: str | None = None, suffix: str = "",
                durable: bool = True, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary handle whose content becomes ``target`` when the block ends without error.

    ``durable`` syncs the file and then its folder to disk, so the new content survives a
    power cut once the block has ended. ``mode`` sets the permissions (``mkstemp`` creates
    files readable by their owner only). The target's folder must exist."""
    target = Path(target)
    base = prefix if prefix is not None else f".{target.name}."
    remove_stale_partials(target.parent)
    fd, temp = tempfile.mkstemp(prefix=f"{base}{PARTIAL}{os.getpid()}-", suffix=suffix,
                                dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if durable:
        fsync_folder(target.parent)


PARTIAL = "partial-"
_OURS = re.compile(r"^\..+\." + PARTIAL + r"(\d+)-[^/\\]+$|^\.incoming-" + PARTIAL + r"(\d+)-")
# Before writer ids: ".NAME.<8 random>.tmp" (exports) and ".incoming-<8 random>" (papers).
_LEGACY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$|^\.incoming-[a-z0-9_]{8}$")
LEGACY_AGE_SECONDS = 3600


def remove_stale_partials(folder: Path) -> int:
    """Remove our temporary files in ``folder`` left by a writer that no longer runs.
    Returns how many went; a file that cannot be removed (another user's, read-only
    folder) is left alone, as cleaning up must never stop a write."""
    removed = 0
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(".")]
    except OSError:
        return 0
    now = time.time()
    for name in names:
        path = Path(folder) / name
        ours = _OURS.match(name)
        try:
            if ours:
                if _running(int(ours.group(1) or ours.group(2))):
                    continue
            elif not (_LEGACY.match(name)
                      and now - path.stat().st_mtime > LEGACY_AGE_SECONDS):
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)  # a package folder built under a temporary name
            else:
                path.unlink()
            removed += 1
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # this process may be writing it right now
    if os.name != "posix":
        return True  # no cheap, safe check: leave it (the legacy age rule still applies)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def write_atomically(out: Path, data: bytes) -> None:
    """Readers never see a half-written file, and a failure leaves the old one intact."""
    out = Path(out)
    # mkstemp creates 0600; a document is for sharing, so keep the old file's mode or 0644.
    mode = out.stat().st_mode & 0o777 if out.exists() else 0o644
    with atomic_file(out, suffix=".tmp", mode=mode) as handle:
        handle.write(data)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); Windows cannot open folders this way."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
