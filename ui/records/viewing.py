"""A copy of a stored document that the system's viewer can open.

The document folder keeps each file under its SHA-256, without an extension, so that
identical papers are stored once. A viewer picks its program by the extension (Windows
and macOS always, Linux desktops mostly), so opening the stored file itself asked
"how do you want to open this file?" or showed the PDF as text. The viewer gets a
read-only copy under the file's own name instead; editing it changes nothing on record.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
from pathlib import Path, PurePath

VIEWING_FOLDER = "forum-secretariat-papers"


def _safe_name(file_name: str, fallback: str) -> str:
    """The last part of the recorded name (never a path), or ``fallback``."""
    name = PurePath(file_name.replace("\\", "/")).name.strip() if file_name else ""
    return name if name not in ("", ".", "..") else fallback


def viewing_copy(stored: Path, file_name: str, folder: Path | None = None) -> Path:
    """``stored`` copied to ``folder``/<its hash>/<file_name> (once; the copy is reused)."""
    folder = folder or Path(tempfile.gettempdir()) / VIEWING_FOLDER
    target = folder / stored.name / _safe_name(file_name, stored.name)
    if not target.is_file() or target.stat().st_size != stored.stat().st_size:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.chmod(stat.S_IRUSR | stat.S_IWUSR)
        shutil.copyfile(stored, target)
        target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return target
