"""The package commands as a clerk at a terminal meets them: a progress bar while a big
package is checked, and a read-only folder refused with a message, leaving nothing."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from tests.cli.helpers import KEY_ENV, make_small_demo, run
from tests.cli.unprivileged import (
    CAN_RUN, WHY_NOT, hand_over, restrict, run_unprivileged, shared_folder,
)
from tests.core.package_helpers import file_signer, write_bag


def _verify_on_a_terminal(path) -> str:
    """``secretariat verify PATH`` with standard error on a pseudo-terminal."""
    main, secondary = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "secretariat.cli", "verify", str(path)],
                                stdout=subprocess.PIPE, stderr=secondary, timeout=300,
                                env={**os.environ, "LANG": "en_US.UTF-8"})
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
    assert result.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_verify_draws_a_progress_bar_on_a_terminal_for_a_big_package(tmp_path):
    signer = file_signer(tmp_path / "keys")
    big = write_bag(tmp_path / "big.zip", signer, {"big.bin": os.urandom(24 << 20)},
                    zipped=True)
    small = write_bag(tmp_path / "small.zip", signer, {"a.txt": b"a"}, zipped=True)
    assert "100%" in _verify_on_a_terminal(big) and "[#" in _verify_on_a_terminal(big)
    assert "[" not in _verify_on_a_terminal(small)
    piped = run("verify", str(big))  # not a terminal: clean output for scripts
    assert piped.returncode == 0 and "[#" not in piped.stderr


@pytest.mark.skipif(not CAN_RUN, reason=WHY_NOT)
@pytest.mark.parametrize("command", [["meeting", "1"], ["irm", "--from", "2026-01-01",
                                                        "--to", "2026-12-31"]])
def test_an_export_into_a_read_only_folder_is_refused_and_leaves_nothing(
        monkeypatch, command):
    with shared_folder() as folder:
        db = make_small_demo(folder)
        out = folder / "out"
        out.mkdir()
        hand_over(folder, db, *folder.rglob("*"))
        out.chmod(0o555)
        restrict(out, writable=False)
        for name, value in KEY_ENV.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data"))
        result = run_unprivileged("--db", str(db), "export", *command,
                                  "--out", str(out / "package.zip"))
        assert result.returncode == 1, result.stderr
        assert "read-only" in result.stderr and str(out) in result.stderr
        assert list(out.iterdir()) == []
