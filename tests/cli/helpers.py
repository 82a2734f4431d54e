"""Running the ``secretariat`` command as a user does, shared by the CLI test modules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(*args: str, lang: str = "en_US.UTF-8", **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SECRETARIAT_DB", "SECRETARIAT_DOCUMENTS_DIR", "LANGUAGE",
                                "LC_ALL", "LC_MESSAGES", "LANG")}
    environment.update(LANG=lang, PYTHONIOENCODING="utf-8", **env)
    result = subprocess.run([sys.executable, "-m", "secretariat.cli", *args],
                            capture_output=True, text=True, encoding="utf-8",
                            env=environment, timeout=300)
    # Whatever went wrong, a user never sees a Python traceback for it.
    assert "Traceback" not in result.stderr, result.stderr
    return result


def make_small_demo(folder: Path) -> Path:
    """A small demo database in ``folder`` (building it takes seconds, so test modules
    share one through a module-scoped fixture)."""
    path = folder / "demo.db"
    result = run("--db", str(path), "demo", "--scale", "small")
    assert result.returncode == 0, result.stderr
    return path


# No keyring in a subprocess without D-Bus: a package's signing key goes to a
# passphrase-protected file in the test's own data folder (``XDG_DATA_HOME``), never the
# user's keyring or data folder.
KEY_ENV = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "SECRETARIAT_KEY_PASSPHRASE": "a passphrase for tests"}
