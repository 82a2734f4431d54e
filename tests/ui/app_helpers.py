"""Running the application as a user starts it: ``python -m ui.app`` in a subprocess,
offscreen, with its settings and data folders under the test's temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path))
    return subprocess.run([sys.executable, "-m", "ui.app", *args], capture_output=True,
                          text=True, env=env, timeout=120, cwd=Path(__file__).parents[2])
