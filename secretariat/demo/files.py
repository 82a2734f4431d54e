"""Files of the demo forums' documents."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def write_blob(documents_dir: Path, data: bytes) -> str:
    """Store ``data`` in the content-addressed folder (``<sha[:2]>/<sha>``, as
    ``services.documents`` does) and return its SHA-256.

    The large demo writes thousands of files; going through ``add_document`` would copy
    each one twice. Written to a temporary name first, so a killed process never leaves a
    half-written file under its final (content) name."""
    digest = hashlib.sha256(data).hexdigest()
    target = documents_dir / digest[:2] / digest
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".demo-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    return digest
