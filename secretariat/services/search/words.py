"""Where a search term may match: at the start of a word for Latin-script terms, anywhere
for Chinese.

English (and other alphabetic) text has spaces between words, and a clerk who types
``IRM`` means the mechanism, not the middle of "Conf*irm*ation"; Chinese has no spaces,
so there a term matches as a substring, as it always did. A term is *alphabetic* when its
first character is a letter or digit of the Latin, Greek or Cyrillic scripts; it then
matches only where no such character precedes it (start of text, a space, punctuation,
or a Chinese character: "獨立報告機制IRM" is a match). The rest of the term may run into
the rest of the word ("gov" finds "Government"): word *starts*, not whole words.

The indexes (FTS5 trigram, pg_trgm) still find the candidates by substring; the test
here keeps the word starts among them before the limit is applied (``find`` runs on
pages of candidates, on both back ends: see ``query._word_starts``), so limits and the
"more than N" count stay honest.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Letters and digits of the scripts written with spaces between words (with the combining
# accents they carry): Latin (basic, Latin-1 letters without × and ÷, Extended-A/B, IPA,
# Extended Additional), Greek (and Extended), Cyrillic (and Supplement), full-width Latin.
ALPHABETIC = ("0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af"
              "\u0300-\u036f\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff"
              "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a")
_ALPHABETIC_CHAR = re.compile(f"[{ALPHABETIC}]")


def is_alphabetic(char: str) -> bool:
    return bool(char) and _ALPHABETIC_CHAR.fullmatch(char) is not None


def wants_word_start(term: str) -> bool:
    """Whether ``term`` must begin a word (it starts with a Latin/Greek/Cyrillic letter or
    digit) rather than match anywhere."""
    return is_alphabetic(term[:1])


@lru_cache(maxsize=256)
def _pattern(term: str) -> re.Pattern:
    return re.compile(f"(?<![{ALPHABETIC}]){re.escape(term)}")


def find(folded_text: str, term: str, start: int = 0) -> int:
    """The first index at or after ``start`` where ``term`` matches in ``folded_text``
    under the rule above, or -1. Both arguments are folded alike by the caller."""
    if not wants_word_start(term):
        return folded_text.find(term, start)
    found = _pattern(term).search(folded_text, start)
    return found.start() if found else -1
