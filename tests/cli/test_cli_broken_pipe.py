"""Output piped into a reader that stops early (``secretariat meeting list | head -1``):
the command ends quietly, with the shell's exit code for a closed pipe, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import make_small_demo

EXIT_BROKEN_PIPE = 141


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    return make_small_demo(tmp_path_factory.mktemp("broken-pipe"))


def _run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess:
    """Run the command with its stdout a pipe whose reader has already gone, as after
    ``head -1`` read its line: every write the command makes fails with EPIPE."""
    reader, writer = os.pipe()
    os.close(reader)
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SECRETARIAT_DB", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environment.update(LANG="en_US.UTF-8", PYTHONIOENCODING="utf-8")
    try:
        return subprocess.run([sys.executable, "-m", "secretariat.cli", *args],
                              stdout=writer, stderr=subprocess.PIPE, text=True,
                              env=environment, timeout=300)
    finally:
        os.close(writer)


@pytest.mark.parametrize("command", [("meeting", "list"), ("members", "list"),
                                     ("decision", "list")])
def test_a_closed_pipe_ends_the_command_quietly(demo_db, command):
    result = _run_into_closed_pipe("--db", str(demo_db), *command)
    assert result.stderr == ""  # no traceback, no "Exception ignored" at exit
    assert result.returncode == EXIT_BROKEN_PIPE


def test_head_reads_the_first_line_and_the_command_says_nothing_more(demo_db):
    errors = demo_db.parent / "stderr.txt"
    pipeline = (f"'{sys.executable}' -m secretariat.cli --db '{demo_db}' meeting list "
                f"2>'{errors}' | head -1")
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True,
                            timeout=300,
                            env={**os.environ, "LANG": "en_US.UTF-8", "LANGUAGE": ""})
    assert result.stdout == "Upcoming meetings\n"
    assert errors.read_text() == ""
