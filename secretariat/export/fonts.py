"""The TrueType fonts embedded in PDFs, and choosing a font for every character.

reportlab drops a character its font lacks, from the page and from the text layer,
without a word. So text is cut into runs, each set in the first font of a chain that has
the character; a character no font has becomes U+FFFD (visible, and reported by
:func:`missing_characters`) instead of vanishing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resources import RESOURCES_DIR

FONT_DIR: Path = RESOURCES_DIR / "fonts"

CJK = "UMingTW"
"""AR PL UMing TW: Traditional Chinese with Taiwan's glyph forms (Arphic Public License)."""
LATIN = "DejaVuSans"
LATIN_BOLD = "DejaVuSans-Bold"

_FILES = {CJK: "UMingTW.ttf", LATIN: "DejaVuSans.ttf", LATIN_BOLD: "DejaVuSans-Bold.ttf"}

REPLACEMENT = "\ufffd"
# Layout characters that every font "has" for our purposes: reportlab handles them itself.
# U+2060 WORD JOINER marks where lines may not break; the line breaker removes it.
_NEUTRAL = frozenset(" \t\n\r\u00a0\u2060")


@functools.cache
def register_fonts() -> None:
    """Register the bundled fonts with reportlab once per process."""
    for name, file_name in _FILES.items():
        path = FONT_DIR / file_name
        if not path.is_file():  # a broken installation, not a user error
            raise FileNotFoundError(f"bundled font missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))


@functools.cache
def _coverage(font_name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


LATIN_END = 0x250
"""Code points below this (Basic Latin to Latin Extended-B) are Latin letters and signs."""
# Hyphens and the en dash of "14:00–16:00": UMing draws them full width, like 一 ("one").
# The em dash stays with the Chinese font, where —— is Chinese punctuation.
LATIN_DASHES = frozenset("\u2010\u2011\u2012\u2013")
DIGITS = frozenset("0123456789")


@dataclass(frozen=True)
class FontChain:
    """Fonts in order of preference; ``fonts[0]`` is the style's base font.

    ``latin``, when set, is tried first for Latin characters other than digits: UMing's
    own Latin letters are typewriter-like and look out of place in URLs, names and
    English text, but its digits match its Chinese (DejaVu's looked heavier and larger
    beside it: 「第6次」, dates, decision numbers), so digits keep to ``fonts``.
    """

    fonts: tuple[str, ...]
    latin: str | None = None

    @property
    def primary(self) -> str:
        return self.fonts[0]

    def font_for(self, char: str) -> str | None:
        code = ord(char)
        if (self.latin and (code < LATIN_END or char in LATIN_DASHES) and char not in DIGITS
                and code in _coverage(self.latin)):
            return self.latin
        for name in self.fonts:
            if code in _coverage(name):
                return name
        return None

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` as (font name, text) runs; unknown characters become U+FFFD.

        Spaces stay in the current run so a Latin word's run is not split at every gap.
        Digits are set like the letters before them: UMing's in Chinese (「第6次」), the
        Latin font's in an English phrase of a Chinese document ("decision 2026-08-01").
        """
        runs: list[tuple[str, list[str]]] = []
        latin_before = False
        for char in text:
            if char in _NEUTRAL and runs:
                runs[-1][1].append(char)
                continue
            font = self.latin if (char in DIGITS and latin_before and self.latin) else self.font_for(char)
            if font is None:
                char, font = REPLACEMENT, self.font_for(REPLACEMENT) or self.primary
            if char.isalpha():
                latin_before = ord(char) < LATIN_END
            if runs and runs[-1][0] == font:
                runs[-1][1].append(char)
            else:
                runs.append((font, [char]))
        return [(font, "".join(chars)) for font, chars in runs]

    def width(self, text: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(part, font, size) for font, part in self.runs(text))


def chain_for(language: str, *, bold: bool = False) -> FontChain:
    """Chinese documents are set in UMing, its digits included, with DejaVu Sans for Latin
    letters and what UMing lacks (™, ✓…); English ones in DejaVu Sans with UMing for
    Chinese names and titles. UMing has no bold face, so Chinese headings rely on size
    rather than weight (and keep their Latin regular to match)."""
    register_fonts()
    if language == "zh_TW":
        return FontChain((CJK, LATIN), latin=LATIN)
    return FontChain((LATIN_BOLD if bold else LATIN, CJK, LATIN))


def missing_characters(text: str, chain: FontChain) -> set[str]:
    """Characters of ``text`` that no font of ``chain`` can show."""
    return {c for c in set(text) if c not in _NEUTRAL and chain.font_for(c) is None}
