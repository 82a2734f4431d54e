"""Translations and locale-aware formatting for the core, the CLI and the GUI.

Source strings are English msgids. Catalogs live in the top-level ``i18n`` package as
``i18n/<folder>/LC_MESSAGES/messages.{po,mo}``; the folder names (``zh_TW``) are what
``gettext.translation`` looks up; the babel *locale* for formatting is ``zh_Hant_TW``.

Catalogs are read with the standard library's ``gettext`` and babel is imported only by
the formatting helpers: the desktop application shows its window before it pays for
babel (see ``ui/app.py``).
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


_current_language = "en"
_translations: gettext.NullTranslations = gettext.NullTranslations()
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


@contextmanager
def language_override(language: str) -> Iterator[None]:
    """Translate with ``language`` in this thread only, e.g. while building a document."""
    previous = getattr(_thread, "override", None)
    _thread.override = (language, _load(language))
    try:
        yield
    finally:
        _thread.override = previous


def _active() -> tuple[str, gettext.NullTranslations]:
    override = getattr(_thread, "override", None)
    return override if override is not None else (_current_language, _translations)


def current_language() -> str:
    return _active()[0]


def current_locale() -> Locale:
    from babel import Locale

    return Locale.parse(LANGUAGES[current_language()])


def _(message: str) -> str:
    return _active()[1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active()[1].ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later with ``_()``."""
    return message


def format_date(value: dt.date, fmt: str = "medium") -> str:
    from babel import dates as babel_dates

    return babel_dates.format_date(value, format=fmt, locale=current_locale())


def format_datetime(value: dt.datetime, fmt: str = "medium", tzinfo: dt.tzinfo | None = None) -> str:
    from babel import dates as babel_dates

    return babel_dates.format_datetime(value, format=fmt, tzinfo=tzinfo, locale=current_locale())


def format_number(value: float | int) -> str:
    from babel import numbers as babel_numbers

    return babel_numbers.format_decimal(value, locale=current_locale())


def format_percent(value: float) -> str:
    from babel import numbers as babel_numbers

    return babel_numbers.format_percent(value, locale=current_locale())
