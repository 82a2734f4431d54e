"""Chinese line breaking in PDFs: dates, names and bracketed groups stay on one line, an
opening bracket never ends one and closing punctuation never begins one."""

from __future__ import annotations

import pytest

from secretariat.export.line_breaking import CANNOT_END, ChineseParagraph, unbreakable
from secretariat.export.pdf_common import Styles, markup

FILLER = "本期行動方案之承諾事項已完成跨部會協調並於公民參與平臺公開徵詢意見"


def wrapped_lines(text: str, width: float = 120, language: str = "zh_TW") -> list[str]:
    """The lines ``text`` is set in, in the body style, within ``width`` points."""
    styles = Styles.for_language(language)
    paragraph = ChineseParagraph(markup(text, styles.regular), styles.body)
    paragraph.wrap(width, 10_000)
    lines = []
    for line in paragraph.blPara.lines:
        words = getattr(line, "words", None)
        lines.append("".join(w.text for w in words) if words is not None else "".join(line[1]))
    return lines


def breaks_inside(lines: list[str], span: str) -> bool:
    """Whether a line ends inside ``span`` (the text read across the lines)."""
    text = "".join(lines)
    start = text.index(span)
    position = 0
    for line in lines[:-1]:
        position += len(line)
        if start < position < start + len(span):
            return True
    return False


@pytest.mark.parametrize("span", ["民國115年10月28日", "2026年3月2日", "14:00–16:30",
                                  "（數位人權學會）"])
def test_dates_times_and_bracketed_groups_stay_on_one_line(span):
    for offset in range(len(FILLER)):  # the span at every place across a line end
        lines = wrapped_lines(FILLER[:offset] + span + FILLER)
        assert "".join(lines) == FILLER[:offset] + span + FILLER
        assert not breaks_inside(lines, span), (offset, lines)


def test_an_opening_bracket_never_ends_a_line():
    for offset in range(len(FILLER)):
        lines = wrapped_lines(FILLER[:offset] + "邱家承（數位人權學會與開放文化基金會聯合代表）" + FILLER)
        assert not [line for line in lines[:-1] if line[-1] in CANNOT_END], (offset, lines)


def test_closing_punctuation_never_begins_a_line():
    for offset in range(len(FILLER)):
        lines = wrapped_lines(FILLER[:offset] + "，" + FILLER + "。")
        assert not [line for line in lines[1:] if line[0] in "，。"], (offset, lines)


def test_a_name_marked_unbreakable_is_never_split_and_the_mark_is_not_printed():
    for offset in range(len(FILLER)):
        lines = wrapped_lines(FILLER[:offset] + unbreakable("謝欣淑") + "、" + FILLER)
        assert "\u2060" not in "".join(lines)
        assert not breaks_inside(lines, "謝欣淑"), (offset, lines)


def test_english_breaks_between_words_and_a_line_without_a_break_still_wraps():
    lines = wrapped_lines("The mid-term report is adopted by the forum. " * 3, language="en")
    assert len(lines) > 1 and all(not line.startswith(" ") for line in lines)
    assert {word for line in lines for word in line.split()} == {
        "The", "mid-term", "report", "is", "adopted", "by", "the", "forum."}
    url = "https://meet.example.tw/" + "x" * 80
    assert "".join(wrapped_lines(url, language="en")) == url  # broken, nothing lost
