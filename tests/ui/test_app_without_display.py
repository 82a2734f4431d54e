"""Started where Qt has no screen, the application says so instead of aborting (rc 134)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.app import EXIT_NO_DISPLAY
from ui.display import display_missing

REPO = Path(__file__).parents[2]


def _run(*args: str, tmp_path: Path, lang: str, **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE",
                        "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(LANG=lang, XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path), **extra)
    return subprocess.run([sys.executable, "-m", "ui.app", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120, cwd=REPO)


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")),
                    reason="Windows and macOS always have a screen")
@pytest.mark.parametrize(("lang", "words"), [("en_US.UTF-8", "needs a display"),
                                             ("zh_TW.UTF-8", "顯示")])
def test_no_display_is_explained_in_the_users_language(tmp_path, lang, words):
    result = _run("--db", str(tmp_path / "forum.db"), tmp_path=tmp_path, lang=lang)
    assert result.returncode == EXIT_NO_DISPLAY, result.stderr
    assert words in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "libxcb" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "forum.db").exists()  # nothing was created


def test_help_reads_in_chinese_under_a_chinese_locale(tmp_path):
    result = _run("--help", tmp_path=tmp_path, lang="zh_TW.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：")
    assert "選項：" in result.stdout and "顯示本說明後結束" in result.stdout


@pytest.mark.parametrize(("environ", "missing"), [
    ({}, True),
    ({"DISPLAY": ":0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, True),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, True),
    ({"QT_QPA_PLATFORM": "xcb:foo", "DISPLAY": ":0"}, False),
])
def test_which_environments_lack_a_display(environ, missing):
    assert display_missing(environ, "linux") is missing
    assert display_missing(environ, "win32") is False
