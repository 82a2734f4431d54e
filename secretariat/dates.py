"""Dates and times as documents print them, with optional Republic of China (民國) years.

Babel has no ROC calendar, so the year field of the locale's own date pattern is replaced
by a quoted literal such as ``民國115``; everything else (month and day order, weekday
names) stays babel's, so the result matches the rest of the program's dates.

ROC years only make sense in Chinese: with another language ``roc=True`` is ignored.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel import dates as babel_dates

from secretariat import i18n

ROC_EPOCH = 1911
"""民國 year = Gregorian year - 1911 (1912 is 民國元年; 1911 is 民國前1年)."""


def _locale(language: str | None) -> Locale:
    return Locale.parse(i18n.LANGUAGES[language or i18n.current_language()])


def _uses_roc(language: str | None, roc: bool) -> bool:
    return roc and (language or i18n.current_language()) == "zh_TW"


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


def format_date(
    value: dt.date, *, language: str | None = None, roc: bool = False, fmt: str = "long"
) -> str:
    """``2026年3月2日`` / ``民國115年3月2日`` / ``March 2, 2026`` (``fmt``: short…full)."""
    locale = _locale(language)
    if isinstance(value, dt.datetime):
        value = value.date()
    if _uses_roc(language, roc):
        return babel_dates.format_date(
            value, roc_date_pattern(locale, fmt, value.year), locale=locale
        )
    return babel_dates.format_date(value, fmt, locale=locale)


def format_time(value: dt.time | dt.datetime, *, language: str | None = None) -> str:
    """24-hour ``14:00``: unambiguous in both languages and what agendas use."""
    return babel_dates.format_skeleton("Hm", value, locale=_locale(language))


def format_datetime(
    value: dt.datetime, *, language: str | None = None, roc: bool = False, fmt: str = "long"
) -> str:
    """Date and 24-hour time of an aware datetime, in the datetime's own zone."""
    return f"{format_date(value, language=language, roc=roc, fmt=fmt)} {format_time(value, language=language)}"


def zone_label(value: dt.datetime, *, language: str | None = None) -> str:
    """The zone of an aware datetime as people read it: ``台北標準時間 GMT+08:00``."""
    locale = _locale(language)
    name = babel_dates.format_datetime(value, "zzzz", locale=locale)
    offset = babel_dates.format_datetime(value, "ZZZZ", locale=locale)
    return name if name == offset else f"{name} {offset}"


def format_time_range(
    start: dt.datetime, end: dt.datetime, *, language: str | None = None, roc: bool = False
) -> str:
    """``2026年3月2日 星期一 14:00–16:00``; the end date is repeated only when it differs.

    Both datetimes must already be in the meeting's zone.
    """
    first = format_date(start, language=language, roc=roc, fmt="full")
    if start.date() == end.date():
        return f"{first} {format_time(start, language=language)}–{format_time(end, language=language)}"
    last = format_date(end, language=language, roc=roc, fmt="full")
    return (
        f"{first} {format_time(start, language=language)} – "
        f"{last} {format_time(end, language=language)}"
    )
