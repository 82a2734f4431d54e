"""Where a line of Chinese may break: between any two characters, except where Chinese
typesetting (and a reader of minutes) forbids it.

reportlab's CJK wrapping breaks after any character that overflows, with two tweaks:
it lets one "cannot start a line" mark hang in the margin and keeps Latin words whole. It
has no "cannot end a line" rule (an opening bracket ended lines: 「邱家承（ / 數位人權
學會）」), splits dates (「民國115年10月28 / 日」) and personal names (「謝欣 / 淑」), and
takes a different path (``textsplit.wordSplit``) when a paragraph is set in one font.

:class:`ChineseParagraph` wraps every paragraph with :func:`split_lines`, which moves a
break back to the nearest place where one is allowed. Not allowed:

- before closing punctuation (``CANNOT_START``) and after opening brackets (``CANNOT_END``);
- inside a Latin word or number, and before a space;
- inside a date or time (「2026年3月2日」, 「民國115年10月28日」, 「14:00–16:30」) and inside a
  short bracketed group (「（數位人權學會）」);
- inside a span the document marked with :func:`unbreakable` (a person's name).

A line with no allowed break at all (a URL longer than the line) breaks where it overflows.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import (
    FragLine, ParaLines, Paragraph, _handleBulletWidth, cjkU, makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

CANNOT_START = frozenset("，。：；！？、）」』》〉】〕］｝﹐﹑﹒﹔﹕﹖﹗…—％,.:;!?)]}%")
CANNOT_END = frozenset("（「『《〈【〔［｛([{")
GLUE = "\u2060"
"""WORD JOINER: no break on either side. reportlab would draw it (as a missing glyph), so
:func:`split_lines` takes it out before the line is built."""

# Spans kept on one line when they fit: dates (Gregorian or 民國), times and time ranges,
# and bracketed groups short enough that keeping them whole costs little space.
_ATOMIC = re.compile(
    r"(?:民國)?\d+\s*年\s*\d+\s*月(?:\s*\d+\s*日)?"
    r"|\d+\s*月\s*\d+\s*日"
    r"|\d{1,2}:\d{2}(?:\s*[–-]\s*\d{1,2}:\d{2})?"
    r"|[（(][^（）()\n]{1,12}[）)]"
)


def unbreakable(text: str) -> str:
    """``text`` marked so that no line breaks inside it (when it fits on a line)."""
    return GLUE.join(text)


def _is_latin(char: str) -> bool:
    return bool(char) and ord(char) < 0x2E80 and not char.isspace()


def _forbidden_breaks(chars: list[str], glued: list[bool]) -> list[bool]:
    """``result[k]``: no break between ``chars[k-1]`` and ``chars[k]``."""
    text = "".join(c if len(c) == 1 else "\ufffc" for c in chars)
    forbidden = list(glued)
    for k in range(1, len(chars)):
        before, here = chars[k - 1], chars[k]
        if (here in CANNOT_START or before in CANNOT_END or here.isspace()
                or (_is_latin(before) and _is_latin(here))):
            forbidden[k] = True
    for match in _ATOMIC.finditer(text):
        for k in range(match.start() + 1, match.end()):
            forbidden[k] = True
    return forbidden


class _Unit(str):
    """One character and its frag and width (reportlab's ``cjkU`` measured each character
    anew; these widths come from a cache, which keeps the minutes benchmark in time)."""

    __slots__ = ("frag", "width")


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _units(text: str, frag) -> list:
    """The characters of one frag as units; U+2060 stays in for ``split_lines`` to drop."""
    if hasattr(frag, "cbDefn"):  # an inline image or the like: reportlab's own unit
        return [cjkU(char, frag, "utf8") for char in text or [""]]
    widths = _WIDTHS.setdefault((frag.fontName, frag.fontSize), {})
    units = []
    for char in text or [""]:
        width = widths.get(char)
        if width is None:
            width = widths[char] = stringWidth(char, frag.fontName, frag.fontSize)
        unit = _Unit(char)
        unit.frag, unit.width = frag, width
        units.append(unit)
    return units


def _make_line(units, max_width, used, extra, line_break, calc_bounds):
    """``makeCJKParaLine`` for units of plain text: one word per run of one frag."""
    if calc_bounds or any(hasattr(u.frag, "cbDefn") for u in units):
        return makeCJKParaLine(units, max_width, used, extra, line_break, calc_bounds)
    words, size, ascent, descent = [], 0, 0, 0
    start = 0
    for k in range(1, len(units) + 1):
        if k < len(units) and units[k].frag is units[start].frag:
            continue
        frag = units[start].frag
        word = frag.clone()
        word.text = "".join(units[start:k])
        words.append(word)
        up, down = getAscentDescent(frag.fontName, frag.fontSize)
        size, ascent, descent = max(size, frag.fontSize), max(ascent, up), min(descent, down)
        start = k
    return FragLine(kind=1, extraSpace=extra, wordCount=1, words=words, fontSize=size,
                    ascent=ascent, descent=descent, maxWidth=max_width, currentWidth=used,
                    lineBreak=line_break)


def split_lines(frags, max_widths, calc_bounds: bool):
    """reportlab's ``cjkFragSplit`` with the rules above; returns the same ``ParaLines``."""
    units: list = []
    glued: list[bool] = []
    glue_next = False
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        for unit in _units(text, frag):
            if unit == GLUE:
                glue_next = True
                continue
            units.append(unit)
            glued.append(glue_next)
            glue_next = False
    forbidden = _forbidden_breaks(units, glued)
    lines = []
    start, used, i = 0, 0.0, 0
    max_width = max_widths[0]
    while i < len(units):
        unit = units[i]
        width = unit.width
        if width.__class__ is not float and hasattr(width, "normalizedValue"):
            width._normalizer = max_width
            width = width.normalizedValue(max_width)
        used += width
        i += 1
        if used <= max_width + _FUZZ and unit:  # only an empty unit can be a <br/>
            continue
        line_break = hasattr(unit.frag, "lineBreak")
        if not line_break and not (used > max_width + _FUZZ and used > 0):
            continue
        end = i
        if not line_break and i - 1 > start:
            # The unit that overflowed goes to the next line, with whatever may not be
            # parted from it; when nothing on the line is a break point, it breaks here.
            end = i - 1
            while end > start + 1 and forbidden[end]:
                end -= 1
            if forbidden[end]:
                end = i - 1
        carried = sum(u.width for u in units[end:i])
        lines.append(_make_line(units[start:end], max_width, used - carried,
                                max_width - (used - carried), line_break, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start, i, used = end, end, 0.0
    if used > 0 or start < len(units):
        rest = units[start:]
        width = sum(u.width for u in rest)
        lines.append(_make_line(rest, max_width, width, max_width - width, False,
                                calc_bounds))
    return ParaLines(kind=1, lines=lines)


class ChineseParagraph(Paragraph):
    """A Paragraph wrapped by :func:`split_lines` (style ``wordWrap='CJK'``), in one font
    or several alike."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (reportlab's names)
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, maxWidths)
        # Tables and KeepTogether wrap a paragraph several times at one width: the lines
        # are the same each time, so they are worked out once.
        key = tuple(maxWidths)
        cached = getattr(self, "_lines_for", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        lines = split_lines(self.frags, maxWidths, auto_leading not in ("", "off"))
        self._lines_for = (key, lines)
        return lines
