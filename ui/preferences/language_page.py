"""Preferences page: the language of the program (and of dates and numbers)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from secretariat.i18n import _
from ui import settings
from ui.language import language_names


class LanguagePage(QWidget):
    @staticmethod
    def title() -> str:
        return _("Language")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = QComboBox()
        for code, name in language_names():  # each in its own language, never translated
            self.language.addItem(name, code)
        note = QLabel(_("Dates and numbers follow the language's conventions."))
        note.setWordWrap(True)
        layout = QFormLayout(self)
        caption = QLabel(_("&Language:"))
        caption.setBuddy(self.language)
        layout.addRow(caption, self.language)
        layout.addRow(note)
        self.load()

    def load(self) -> None:
        self.language.setCurrentIndex(self.language.findData(settings.language()))

    def save(self) -> set[str]:
        """Store the choice; returns the keys of settings that changed."""
        chosen = self.language.currentData()
        if chosen == settings.language() and settings.LANGUAGE.value() == chosen:
            return set()
        settings.LANGUAGE.set(chosen)
        return {settings.LANGUAGE.key}
