"""Help ▸ About: version, where the data lives, which database is open."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

from secretariat import __version__
from secretariat.i18n import _
from secretariat.paths import data_dir
from ui.icons import app_icon


def database_location(store) -> str:
    return store.location


def about_text(store) -> str:
    rows = [
        (_("Version"), __version__),
        (_("Data folder"), str(data_dir())),
        (_("Database"), store.location),
        (_("Database URL"), store.display_url),
        (_("Documents folder"), str(store.documents_dir)),
    ]
    table = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(v)}</td></tr>"
                    for k, v in rows)
    # _() outside the f-string: babel's extractor does not look inside f-strings.
    title = escape(_("Forum Secretariat"))
    tagline = escape(_("Records and evidence for an OGP multi-stakeholder forum."))
    return f"<h3>{title}</h3><p>{tagline}</p><table>{table}</table>"


def show_about(parent: QWidget, store) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(_("About Forum Secretariat"))
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.setText(about_text(store))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
