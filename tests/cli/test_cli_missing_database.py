"""A mistyped ``--db`` path is named and refused; only init and demo create a database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run

COMMANDS = [
    ("info",), ("meeting", "list"), ("meeting", "show", "1"), ("search", "預算"),
    ("audit", "verify"), ("members", "list"), ("decision", "list"), ("action", "list"),
    ("agenda", "add", "1", "--title", "x"), ("backup", "--out", "copy.db"),
]


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_missing_database_is_named_and_not_created(tmp_path, command):
    missing = tmp_path / "forun.db"  # a typo
    result = run("--db", str(missing), *command)
    assert result.returncode != 0
    assert str(missing) in result.stderr
    assert "secretariat init" in result.stderr
    assert _siblings(missing) == []


@pytest.mark.parametrize("command", [("info",), ("search", "預算"), ("audit", "verify")],
                         ids=" ".join)
def test_read_only_commands_leave_an_empty_file_empty(tmp_path, command):
    empty = tmp_path / "empty.db"
    empty.touch()
    result = run("--db", str(empty), *command)
    assert result.returncode != 0
    assert str(empty) in result.stderr
    assert empty.stat().st_size == 0
    assert _siblings(empty) == ["empty.db"]  # no -wal or -shm either


def test_init_and_demo_still_create_a_new_database(tmp_path):
    assert run("--db", str(tmp_path / "a.db"), "init", "--name", "論壇").returncode == 0
    assert run("--db", str(tmp_path / "a.db"), "info").returncode == 0
    assert run("--db", str(tmp_path / "b.db"), "demo").returncode == 0
