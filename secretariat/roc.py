"""The Republic of China (民國) calendar: years counted from 1912, as Taiwan's official
documents write them.

Babel has no ROC calendar, so the year field of the locale's own date pattern is replaced
by a quoted literal such as ``民國115``; everything else (month and day order, weekday
names) stays babel's. The language-aware helpers build on this: ``secretariat.i18n``
(the user's preference, for what the program shows) and ``secretariat.dates`` (dates as
documents print them). This module knows no language state, so both can use it.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel import dates as babel_dates

ROC_EPOCH = 1911
"""民國 year = Gregorian year - 1911 (1912 is 民國元年; 1911 is 民國前1年)."""


def roc_year(year: int) -> str:
    """The ROC year as written after 民國: ``"115"``, ``"元"`` for 1912, ``"前1"`` for 1911."""
    number = year - ROC_EPOCH
    if number == 1:
        return "元"
    if number <= 0:
        return f"前{1 - number}"
    return str(number)


def roc_date_pattern(locale: Locale, fmt: str, year: int) -> str:
    """The locale's ``fmt`` date pattern with its year field replaced by 民國<year>.

    The numeric short form is written ``115/3/2`` in Taiwan, without 民國.
    """
    pattern = locale.date_formats[fmt].pattern
    year_text = str(year - ROC_EPOCH) if fmt == "short" else f"民國{roc_year(year)}"
    literal = "'" + year_text.replace("'", "''") + "'"
    tokens = [
        ("chars", literal) if kind == "field" and value[0] in "yYu" else (kind, value)
        for kind, value in babel_dates.tokenize_pattern(pattern)
    ]
    # untokenize_pattern copies "chars" verbatim, so the quoting above survives.
    return babel_dates.untokenize_pattern(tokens)


def format_roc_date(value: dt.date, locale: Locale, fmt: str) -> str:
    """``value`` in ``locale``'s ``fmt`` date format (short…full) with a 民國 year."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return babel_dates.format_date(value, roc_date_pattern(locale, fmt, value.year), locale=locale)
