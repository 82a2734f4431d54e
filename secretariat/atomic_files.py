"""Writing a file so that no reader, and no crash, ever sees it half-written.

The bytes go to a temporary file in the target's folder (same file system, so the rename
is atomic), which then replaces the target with ``os.replace``; on any failure the
temporary file is removed and the old target, if any, is left as it was. Used by the
document repository, the exported documents and the demo generator.
"""

from __future__ import annotations

import os
import tempfile
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
    fd, temp = tempfile.mkstemp(prefix=prefix if prefix is not None else f".{target.name}.",
                                suffix=suffix, dir=target.parent)
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
