"""The Preferences dialog: a tab per page module; OK saves every page."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from secretariat.i18n import _
from ui.preferences.language_page import LanguagePage

PAGES = (LanguagePage,)


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self.tabs = QTabWidget()
        self.pages = [page_class() for page_class in PAGES]
        for page in self.pages:
            self.tabs.addTab(page, page.title())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.changed: set[str] = set()

    def accept(self) -> None:
        for page in self.pages:
            self.changed |= page.save()
        super().accept()

    def page(self, page_class):
        return next(p for p in self.pages if isinstance(p, page_class))
