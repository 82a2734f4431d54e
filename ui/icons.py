"""The application icon, drawn in resources/icons/secretariat.svg (PNG rendered from it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon


def icon_dir() -> Path:
    import resources.icons

    return Path(resources.icons.__file__).resolve().parent


def app_icon() -> QIcon:
    # The PNG, not the SVG: it needs no QtSvg plugin and loads faster at start-up.
    return QIcon(str(icon_dir() / "secretariat.png"))
