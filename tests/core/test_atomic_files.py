"""Atomic writes leave nothing behind, even when the writer is killed mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from secretariat.atomic_files import LEGACY_AGE_SECONDS, remove_stale_partials, write_atomically

REPO = Path(__file__).parents[2]

KILLED_WRITER = """
import sys, time
from pathlib import Path
from secretariat.atomic_files import atomic_file
with atomic_file(Path(sys.argv[1])) as handle:
    handle.write(b"x" * 1024)
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def _partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and pid checks are POSIX")
def test_a_killed_export_leaves_a_partial_file_that_the_next_write_removes(tmp_path):
    out = tmp_path / "minutes.pdf"
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(out)], cwd=REPO,
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "writing"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    left = _partials(tmp_path)
    assert len(left) == 1 and str(writer.pid) in left[0]
    assert not out.exists()

    write_atomically(tmp_path / "agenda.pdf", b"%PDF")  # any later write in the folder
    assert _partials(tmp_path) == []
    assert (tmp_path / "agenda.pdf").read_bytes() == b"%PDF"


@pytest.mark.skipif(os.name != "posix", reason="pid checks are POSIX")
def test_a_running_writers_partial_file_is_left_alone(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = tmp_path / f".report.pdf.partial-{sleeper.pid}-abcdefgh.tmp"
        busy.write_bytes(b"half")
        assert remove_stale_partials(tmp_path) == 0
        assert busy.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert remove_stale_partials(tmp_path) == 1


def test_old_style_partials_go_only_when_old_and_other_dot_files_stay(tmp_path):
    old = tmp_path / ".minutes.pdf.k2j4h5g6.tmp"
    fresh = tmp_path / ".agenda.pdf.a1b2c3d4.tmp"
    paper = tmp_path / ".incoming-zz9yy8xx"
    mine = tmp_path / ".settings"
    for path in (old, fresh, paper, mine):
        path.write_bytes(b"x")
    long_ago = time.time() - LEGACY_AGE_SECONDS - 60
    for path in (old, paper, mine):
        os.utime(path, (long_ago, long_ago))
    assert remove_stale_partials(tmp_path) == 2
    assert _partials(tmp_path) == [".agenda.pdf.a1b2c3d4.tmp", ".settings"]


def test_a_folder_that_cannot_be_read_does_not_stop_a_write(tmp_path):
    assert remove_stale_partials(tmp_path / "missing") == 0
