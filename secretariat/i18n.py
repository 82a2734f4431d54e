"""Translations and locale-aware formatting for the core, the CLI and the GUI.

Source strings are English msgids. Catalogs live in the top-level ``i18n`` package as
``i18n/<folder>/LC_MESSAGES/messages.{po,mo}``; the folder names (``zh_TW``) are what
``gettext.translation`` looks up; the babel *locale* for formatting is ``zh_Hant_TW``.

Catalogs are read with the standard library's ``gettext`` and babel is imported only by
the formatting helpers: the desktop application shows its window before it pays for
babel (see ``ui/app.py``).

In Chinese, ``format_date`` and ``format_datetime`` can write Republic of China (民國)
years (``set_roc_years``), as Taiwan's official documents do. That is the *user's*
preference for what the program shows: a document built under ``language_override``
writes Gregorian years unless it asks otherwise, so a preference never changes a PDF.
"""

from __future__ import annotations

import datetime as dt
import gettext
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

LANGUAGES: dict[str, str] = {"zh_TW": "zh_Hant_TW", "en": "en"}
"""Catalog folder name -> babel locale used for dates and numbers."""

DEFAULT_LANGUAGE = "zh_TW"
DOMAIN = "messages"


def catalog_dir() -> Path:
    import i18n  # the top-level data package; importing it only locates the folder

    return Path(i18n.__file__).resolve().parent


NAMED_FORMATS = ("short", "medium", "long", "full")

_current_language = "en"
_translations: gettext.NullTranslations = gettext.NullTranslations()
_roc_years = False
_loaded: dict[str, gettext.NullTranslations] = {}
# A document rendered in one language on a worker thread must not switch the language of
# the window being painted meanwhile: overrides are per thread.
_thread = threading.local()


def _load(language: str) -> gettext.NullTranslations:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    if language not in _loaded:
        # fallback: a missing catalog leaves the English msgids, as babel's loader did.
        _loaded[language] = gettext.translation(DOMAIN, str(catalog_dir()), [language],
                                                fallback=True)
    return _loaded[language]


def set_language(language: str) -> None:
    """Switch the process's language (a key of LANGUAGES) for every later ``_()`` call."""
    global _current_language, _translations
    _translations = _load(language)
    _current_language = language


def set_roc_years(enabled: bool) -> None:
    """Show 民國 years in Chinese dates from now on, process-wide (English is unaffected)."""
    global _roc_years
    _roc_years = bool(enabled)


@contextmanager
def language_override(language: str, *, roc_years: bool = False) -> Iterator[None]:
    """Translate with ``language`` in this thread only, e.g. while building a document.

    The override has its own 民國 choice (Gregorian unless ``roc_years``): a document's
    dates never follow the window's preference by accident."""
    previous = getattr(_thread, "override", None)
    _thread.override = (language, _load(language), bool(roc_years))
    try:
        yield
    finally:
        _thread.override = previous


def _active() -> tuple[str, gettext.NullTranslations, bool]:
    override = getattr(_thread, "override", None)
    return override if override is not None else (_current_language, _translations, _roc_years)


def current_language() -> str:
    return _active()[0]


def roc_years() -> bool:
    """Whether dates formatted here and now get 民國 years: asked for, and in Chinese."""
    language, _catalog, roc = _active()
    return roc and language == "zh_TW"


def current_locale() -> Locale:
    from babel import Locale

    return Locale.parse(LANGUAGES[current_language()])


def localized(text: str, text_en: str, language: str | None = None) -> str:
    """A record's English text when showing English and the clerk entered one; otherwise
    its own text (Chinese, the forum's language of reference)."""
    shown_in = language or current_language()
    return text_en if shown_in == "en" and text_en and text_en.strip() else text


def _(message: str) -> str:
    return _active()[1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active()[1].ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later with ``_()``."""
    return message


def format_date(value: dt.date, fmt: str = "medium") -> str:
    """``2026年3月2日`` (``民國115年3月2日`` with ``set_roc_years``) / ``Mar 2, 2026``."""
    if roc_years() and fmt in NAMED_FORMATS:
        from secretariat.roc import format_roc_date  # the one ROC implementation

        return format_roc_date(value, current_locale(), fmt)
    from babel import dates as babel_dates

    return babel_dates.format_date(value, format=fmt, locale=current_locale())


def format_datetime(value: dt.datetime, fmt: str = "medium", tzinfo: dt.tzinfo | None = None) -> str:
    from babel import dates as babel_dates

    locale = current_locale()
    if not (roc_years() and fmt in NAMED_FORMATS):
        return babel_dates.format_datetime(value, format=fmt, tzinfo=tzinfo, locale=locale)
    # babel's own assembly of a named format, with the 民國 date in place of babel's.
    moment = value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)
    if tzinfo is not None:
        moment = moment.astimezone(tzinfo)
    return (babel_dates.get_datetime_format(fmt, locale=locale).replace("'", "")
            .replace("{0}", babel_dates.format_time(moment, fmt, tzinfo=None, locale=locale))
            .replace("{1}", format_date(moment, fmt)))


def format_year(year: int) -> str:
    """A year on its own, e.g. in a filter: ``2026``, or ``民國115年`` with 民國 years."""
    if roc_years():
        from secretariat.roc import roc_year

        return f"民國{roc_year(year)}年"
    return str(year)


def format_number(value: float | int) -> str:
    from babel import numbers as babel_numbers

    return babel_numbers.format_decimal(value, locale=current_locale())


def format_percent(value: float) -> str:
    from babel import numbers as babel_numbers

    return babel_numbers.format_percent(value, locale=current_locale())
