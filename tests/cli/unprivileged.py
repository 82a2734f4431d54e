"""Running ``secretariat`` as a user that file permissions apply to.

Root may write any file, so a read-only file or folder is only read-only for someone
else: run as root (as in CI containers), the command runs as ``nobody`` on files handed
to ``nobody``; run as an ordinary user, it runs as that user. ``restrict`` then takes
the write permission away from whichever user that is.

As root the switch goes through ``setpriv`` (util-linux), which resolves the program
before giving up root's rights: the interpreter may live where ``nobody`` cannot look
(a virtual environment built from a Python under ``/root``). Without it, ``CAN_RUN`` is
false and the tests skip.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
_SETPRIV = shutil.which("setpriv") if AS_ROOT else None
CAN_RUN = os.name == "posix" and (not AS_ROOT or _SETPRIV is not None)
WHY_NOT = "running as root without setpriv: no user that file permissions apply to"


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder the unprivileged user can reach (pytest's own are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="secretariat-permissions-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def hand_over(*paths: Path) -> None:
    """Make the unprivileged user the owner (nothing to do when not root)."""
    if AS_ROOT:
        for path in paths:
            os.chown(path, NOBODY, NOBODY)


def restrict(path: Path, *, writable: bool) -> None:
    """Take away (or give back) the owner's write permission on a file or folder."""
    mode = path.stat().st_mode
    write = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    path.chmod((mode | stat.S_IWUSR) if writable else (mode & ~write))


def run_unprivileged(*args: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SECRETARIAT_DB", "SECRETARIAT_DOCUMENTS_DIR", "LANGUAGE",
                                "LC_ALL", "LC_MESSAGES", "LANG")}
    environment.update(LANG="en_US.UTF-8", PYTHONIOENCODING="utf-8",
                       PYTHONDONTWRITEBYTECODE="1")
    # The worktree on sys.path explicitly: the user may not be able to list the cwd.
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).resolve().parents[2]), environment.get("PYTHONPATH", "")])
    switch = [_SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] \
        if AS_ROOT else []
    result = subprocess.run([*switch, sys.executable, "-m", "secretariat.cli", *args],
                            capture_output=True, text=True, encoding="utf-8",
                            env=environment, timeout=300, cwd=tempfile.gettempdir())
    assert "Traceback" not in result.stderr, result.stderr
    return result
