"""``secretariat --help``: full-width colons and one heading per section in Chinese, the
usual headings in English; columns that line up in Chinese (two columns a character);
stored codes glossed with the words the user reads."""

from __future__ import annotations

import re
import unicodedata

import pytest

from tests.cli.helpers import run

HELP_POSITION = 24  # argparse's column for option help, with 80 columns


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _chinese_help(*args: str) -> str:
    result = run(*args, "--help", lang="zh_TW.UTF-8", COLUMNS="80")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_chinese_help_uses_full_width_colons_and_names_the_commands_once():
    for args in (("--help",), ("import", "--help")):
        help_text = run(*args, lang="zh_TW.UTF-8").stdout
        assert "選項：" in help_text and "選項:" not in help_text
        assert "可用的指令：" in help_text
        lines = [line.strip() for line in help_text.splitlines()]
        # The placeholder 指令 is in the usage line only: under the heading, the commands.
        assert "指令" not in lines
        assert help_text.split("可用的指令：\n")[1].split()[0] in ("init", "members")
        assert not any(line.endswith(":") for line in lines)


def test_english_help_keeps_its_headings():
    help_text = run("--help").stdout
    assert "\noptions:\n" in help_text
    assert "\ncommands:\n  init " in help_text  # no "COMMAND" line above the commands
    assert "usage: secretariat" in help_text


@pytest.mark.parametrize("command", [("meeting", "create"), ("decision", "record"),
                                     ("agenda", "add"), ()])
def test_chinese_option_help_starts_in_one_column_and_stays_within_the_line(command):
    help_text = _chinese_help(*command)
    starts = set()
    for line in help_text.splitlines():
        # An option with its help on the same line: "  --title 標題          中文標題".
        match = re.match(r"^(  \S.*?\S)( {2,})(\S.*)$", line)
        if match and not line.startswith("用法"):
            starts.add(_columns(match.group(1) + match.group(2)))
        if "{" not in line:  # argparse cannot break a list of choices
            assert _columns(line) <= 78, line
    assert len(starts) == 1, help_text
    assert starts.pop() <= HELP_POSITION


def test_chinese_usage_continues_under_the_first_argument():
    lines = _chinese_help("meeting", "create").splitlines()
    first_argument = _columns("用法：secretariat meeting create ")
    assert lines[0].startswith("用法：secretariat meeting create [-h]")
    assert _columns(lines[1]) - _columns(lines[1].lstrip()) == first_argument


@pytest.mark.parametrize(("command", "glosses"), [
    (("meeting", "create"), ("working_group（工作小組）", "development（行動方案研擬）",
                             "hybrid（實體與線上併行）")),
    (("agenda", "add"), ("non_government（", "public（", "information（報告）")),
    (("decision", "record"), ("for（贊成）", "against（反對）", "abstain（棄權）")),
])
def test_chinese_help_glosses_the_codes_of_choices(command, glosses):
    help_text = _chinese_help(*command)
    for gloss in glosses:
        assert gloss in help_text


def test_english_help_glosses_codes_that_do_not_read_as_words():
    result = run("meeting", "create", "--help", COLUMNS="200")
    assert "public_consultation (Public consultation session)" in result.stdout
    assert "forum_meeting (Forum meeting)" not in result.stdout  # reads as its own words
