"""Every persistent setting registered once, with its key, default and title.

Modelled on Picard's ``options.py``: a module declares ``Setting`` objects at import
time and reads them with ``setting.value()``; QSettings only ever sees registered keys,
so a typo is an error instead of a silently new setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QSettings

from secretariat.i18n import LANGUAGES, N_

ORGANISATION = "ForumSecretariat"
APPLICATION = "ForumSecretariat"

_registry: dict[str, "Setting"] = {}


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    title: str  # msgid, translated where a page shows it

    def value(self) -> Any:
        raw = _qsettings().value(self.key, self.default)
        return _coerce(raw, self.default)

    def set(self, value: Any) -> None:
        _qsettings().setValue(self.key, value)

    def reset(self) -> None:
        _qsettings().remove(self.key)


def register(key: str, default: Any, title: str) -> Setting:
    if key in _registry:
        raise ValueError(f"setting {key!r} registered twice")
    setting = Setting(key, default, title)
    _registry[key] = setting
    return setting


def registered() -> dict[str, Setting]:
    return dict(_registry)


def _qsettings() -> QSettings:
    # A fresh object per access is cheap and always sees the current default path,
    # which tests redirect to a temporary folder.
    # INI everywhere (not the Windows registry): one format to support, and a file that
    # tests can redirect with QSettings.setPath.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION,
                     APPLICATION)


def _coerce(raw: Any, default: Any) -> Any:
    """QSettings' INI back end returns strings; give callers the default's type back."""
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
    if isinstance(default, int) and not isinstance(raw, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            return default
    if isinstance(default, QByteArray) and not isinstance(raw, QByteArray):
        return QByteArray(raw) if isinstance(raw, (bytes, bytearray)) else default
    return raw


def system_language() -> str:
    """zh* system locales get Traditional Chinese; everything else English."""
    return "zh_TW" if QLocale.system().name().lower().startswith("zh") else "en"


LANGUAGE = register("ui/language", "", N_("Language"))
ROC_YEARS = register("display/roc_years", False,
                     N_("Show dates with Republic of China (民國) years"))
WINDOW_GEOMETRY = register("window/geometry", QByteArray(), N_("Window size and position"))
WINDOW_STATE = register("window/state", QByteArray(), N_("Toolbars and panels"))
LAST_PAGE = register("window/last_page", "members", N_("Page shown at start"))
INCLUDE_PAST_TERMS = register("members/include_past", False, N_("Include past terms"))
LAST_IMPORT_DIR = register("import/last_dir", "", N_("Folder of the last import"))
LAST_EXPORT_DIR = register("export/last_dir", "", N_("Folder of the last export"))


def language() -> str:
    chosen = LANGUAGE.value()
    return chosen if chosen in LANGUAGES else system_language()
