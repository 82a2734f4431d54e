"""Text for a terminal, measured in columns rather than characters.

A terminal gives a Chinese character (and full-width punctuation) two columns: padding
or wrapping by ``len`` — as ``argparse`` and ``textwrap`` do — leaves Chinese columns
ragged and lines too long. Chinese has no spaces, so a line may also break between two
characters, except before closing punctuation or after an opening bracket (the same rule
the PDFs follow, see ``secretariat.export.line_breaking``; that module needs reportlab,
too slow to load for ``--help``).
"""

from __future__ import annotations

import re
import unicodedata

# Marks that may not begin a line, and brackets that may not end one.
CANNOT_START = frozenset("，。：；！？、）」』》〉】〕］｝…—％,.:;!?)]}%")
CANNOT_END = frozenset("（「『《〈【〔［｛([{")
# A short bracketed group stays on one line: 「（討論）」.
_SHORT_GROUP = re.compile(r"[（(][^（）()\s]{1,12}[）)]")


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def display_width(text: str) -> int:
    """Terminal columns: Chinese characters take two."""
    return sum(2 if is_wide(c) else 1 for c in text)


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` columns."""
    return text + " " * max(width - display_width(text), 0)


def _may_break_between(before: str, after: str) -> bool:
    if not (is_wide(before) or is_wide(after)):
        return False  # inside a Latin word or number
    if after in CANNOT_END and not is_wide(before):
        return False  # a gloss stays with its code: information（報告）
    return after not in CANNOT_START and before not in CANNOT_END


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The unbreakable pieces of ``text``, each with whether a space precedes it."""
    pieces: list[tuple[str, bool]] = []
    for word in text.split():
        inside = {k for group in _SHORT_GROUP.finditer(word)
                  for k in range(group.start() + 1, group.end())}
        start = 0
        for k in range(1, len(word)):
            if k not in inside and _may_break_between(word[k - 1], word[k]):
                pieces.append((word[start:k], start == 0))
                start = k
        pieces.append((word[start:], start == 0))
    return pieces


def _cut(piece: str, width: int) -> list[str]:
    """A piece wider than a line, cut where it overflows (a long URL, say)."""
    chunks, chunk = [], ""
    for char in piece:
        if chunk and display_width(chunk + char) > width:
            chunks.append(chunk)
            chunk = ""
        chunk += char
    return chunks + [chunk]


def wrap(text: str, width: int) -> list[str]:
    """``text`` (runs of white space read as one space) in lines of at most ``width``
    columns."""
    width = max(width, 2)
    lines: list[str] = []
    line = ""
    for piece, spaced in _pieces(text):
        joined = f"{line} {piece}" if spaced and line else line + piece
        if display_width(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        *whole, line = _cut(piece, width)
        lines.extend(whole)
    if line:
        lines.append(line)
    return lines
