"""Files of the demo forums' documents."""

from __future__ import annotations

import hashlib
from pathlib import Path

from secretariat.atomic_files import atomic_file
from secretariat.services.documents import stored_path


def write_blob(documents_dir: Path, data: bytes) -> str:
    """Store ``data`` in the document repository's content-addressed folder and return its
    SHA-256.

    The large demo writes thousands of files; going through ``add_document`` would copy
    each one twice. Written to a temporary name first, so a killed process never leaves a
    half-written file under its final (content) name; not synced to disk one by one, which
    would make the demo many times slower for no gain (a lost demo is simply made again)."""
    digest = hashlib.sha256(data).hexdigest()
    target = stored_path(documents_dir, digest)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(target, prefix=".demo-", durable=False) as fh:
            fh.write(data)
    return digest
