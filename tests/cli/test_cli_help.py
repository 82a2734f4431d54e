"""``secretariat --help``: full-width colons and one heading per section in Chinese, the
usual headings in English."""

from __future__ import annotations

from tests.cli.helpers import run


def test_chinese_help_uses_full_width_colons_and_names_the_commands_once():
    for args in (("--help",), ("import", "--help")):
        help_text = run(*args, lang="zh_TW.UTF-8").stdout
        assert "選項：" in help_text and "選項:" not in help_text
        assert "可用的指令：" in help_text
        lines = [line.strip() for line in help_text.splitlines()]
        assert lines.count("指令") == 1  # the placeholder under the heading, not a second heading
        assert not any(line.endswith(":") for line in lines)


def test_english_help_keeps_its_headings():
    help_text = run("--help").stdout
    assert "\noptions:\n" in help_text
    assert "\ncommands:\n  COMMAND\n" in help_text
    assert "usage: secretariat" in help_text
