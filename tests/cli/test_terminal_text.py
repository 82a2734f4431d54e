"""Wrapping text for a terminal by columns: a Chinese character takes two, and a line may
break between Chinese characters but not before a closing mark or inside a short gloss."""

from __future__ import annotations

from secretariat.cli.terminal_text import display_width, pad, wrap


def test_chinese_characters_take_two_columns():
    assert display_width("標題") == 4
    assert display_width("--title 標題") == 12
    assert pad("標題", 6) == "標題  "


def test_chinese_text_wraps_within_the_columns_without_spaces():
    text = "會議所在地的時區，例如 Asia/Taipei；開始與結束時間依此時區解讀（預設：會議的時區）"
    lines = wrap(text, 20)
    assert all(display_width(line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line[0] in "，；）：" for line in lines)
    assert "Asia/Taipei" in "\n".join(lines)  # a Latin word is never split


def test_a_code_keeps_its_gloss_on_the_same_line():
    lines = wrap("choose: information（報告）、discussion（討論）、decision（決議）", 28)
    assert all(display_width(line) <= 28 for line in lines)
    for gloss in ("information（報告）", "discussion（討論）", "decision（決議）"):
        assert any(gloss in line for line in lines), lines


def test_english_wraps_at_spaces_and_an_overlong_word_is_cut():
    assert wrap("one two three", 7) == ["one two", "three"]
    assert wrap("x" * 10, 4) == ["xxxx", "xxxx", "xx"]
