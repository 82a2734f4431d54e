"""Switching the language of our own strings (gettext) and of Qt's (QTranslator), and the
regional preferences that go with it (民國 years in Chinese dates)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from secretariat import i18n
from ui import settings

# Qt's catalogs are named after Qt locale names, ours after babel's catalog folders.
_QT_CATALOG = {"zh_TW": "qtbase_zh_TW", "en": None}
_installed: QTranslator | None = None


def apply_language(language: str) -> None:
    """Make ``language`` current for ``_()``, babel formatting and Qt's own dialogs, with
    the saved 民國-years preference (it only shows in Chinese)."""
    global _installed
    i18n.set_language(language)
    i18n.set_roc_years(settings.ROC_YEARS.value())
    QLocale.setDefault(QLocale("zh_TW" if language == "zh_TW" else "en_GB"))
    app = QCoreApplication.instance()
    if app is None:
        return
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    catalog = _QT_CATALOG.get(language)
    if catalog:
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(catalog, folder):
            app.installTranslator(translator)
            _installed = translator


def language_names() -> list[tuple[str, str]]:
    """(code, name in its own language) for the language chooser; never translated."""
    return [("zh_TW", "繁體中文"), ("en", "English")]
