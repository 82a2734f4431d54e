"""Switching the language of our own strings (gettext) and of Qt's (QTranslator), and the
regional preferences that go with it (民國 years in Chinese dates).

Qt's own words (the file dialog's 「尋找於」, the buttons of message boxes…) come from the
catalogs PySide6 ships in its Qt translations folder. Those lag behind Qt: a few strings Qt
6 renamed (the file dialog's "&Look in:", "Files of &type:") are missing from
qtbase_zh_TW.qm, so ``resources/qt_translations`` supplements it. The supplement is
installed after Qt's catalog, and Qt asks the last translator installed first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from secretariat import i18n
from ui import settings

# Qt's catalogs are named after Qt locale names, ours after babel's catalog folders.
_QT_CATALOGS = {"zh_TW": ("qtbase_zh_TW", "qtbase_supplement_zh_TW"), "en": ()}
_installed: list[QTranslator] = []


def _supplement_dir() -> Path:
    import resources.qt_translations  # the data package; importing it only locates it

    return Path(resources.qt_translations.__file__).resolve().parent


def qt_catalog_folders() -> list[str]:
    """Where the Qt catalogs of a language are looked for: Qt's own, then ours."""
    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(_supplement_dir())]


def apply_language(language: str) -> None:
    """Make ``language`` current for ``_()``, babel formatting and Qt's own dialogs, with
    the saved 民國-years preference (it only shows in Chinese)."""
    i18n.set_language(language)
    i18n.set_roc_years(settings.ROC_YEARS.value())
    QLocale.setDefault(QLocale("zh_TW" if language == "zh_TW" else "en_GB"))
    app = QCoreApplication.instance()
    if app is None:
        return
    while _installed:
        app.removeTranslator(_installed.pop())
    for catalog in _QT_CATALOGS.get(language, ()):
        translator = QTranslator(app)
        if any(translator.load(catalog, folder) for folder in qt_catalog_folders()):
            app.installTranslator(translator)
            _installed.append(translator)


def language_names() -> list[tuple[str, str]]:
    """(code, name in its own language) for the language chooser; never translated."""
    return [("zh_TW", "繁體中文"), ("en", "English")]
