"""Dates and times as documents print them, with optional Republic of China (民國) years.

The 民國 calendar itself (``roc_year``, ``roc_date_pattern``) lives in ``secretariat.roc``,
shared with ``secretariat.i18n``; its names are importable from here as before.

ROC years only make sense in Chinese: with another language ``roc=True`` is ignored.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel import dates as babel_dates

from secretariat import i18n
# The 民國 calendar; ROC_EPOCH, roc_year and roc_date_pattern stay importable from here.
from secretariat.roc import ROC_EPOCH, format_roc_date, roc_date_pattern, roc_year  # noqa: F401


def _locale(language: str | None) -> Locale:
    return Locale.parse(i18n.LANGUAGES[language or i18n.current_language()])


def _uses_roc(language: str | None, roc: bool) -> bool:
    return roc and (language or i18n.current_language()) == "zh_TW"


def format_date(
    value: dt.date, *, language: str | None = None, roc: bool = False, fmt: str = "long"
) -> str:
    """``2026年3月2日`` / ``民國115年3月2日`` / ``March 2, 2026`` (``fmt``: short…full)."""
    locale = _locale(language)
    if isinstance(value, dt.datetime):
        value = value.date()
    if _uses_roc(language, roc):
        return format_roc_date(value, locale, fmt)
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
