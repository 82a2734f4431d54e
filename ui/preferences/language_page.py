"""Preferences page: the language of the program (and of dates and numbers)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from secretariat import dates
from secretariat.i18n import _
from ui import settings
from ui.language import language_names
from ui.widgets import grow_to_fit

ROC_LANGUAGE = "zh_TW"  # 民國 years are a Taiwanese convention: Chinese dates only


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
        # The setting's title with a mnemonic: the page is used from the keyboard too.
        self.roc_years = QCheckBox(_("Show dates with &Republic of China (民國) years"))
        self.roc_years.setToolTip(_(settings.ROC_YEARS.title))
        self.roc_note = QLabel()
        self.roc_note.setWordWrap(True)
        layout = QFormLayout(self)
        caption = QLabel(_("&Language:"))
        caption.setBuddy(self.language)
        layout.addRow(caption, self.language)
        layout.addRow(note)
        layout.addRow(self.roc_years)
        layout.addRow(self.roc_note)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.load()

    def load(self) -> None:
        self.language.setCurrentIndex(self.language.findData(settings.language()))
        self.roc_years.setChecked(settings.ROC_YEARS.value())
        self._language_changed()

    def _language_changed(self, *_args) -> None:
        """The choice is kept while another language is chosen, only greyed out."""
        chinese = self.language.currentData() == ROC_LANGUAGE
        self.roc_years.setEnabled(chinese)
        if chinese:
            today = dates.format_date(dt.date.today(), language=ROC_LANGUAGE, roc=True,
                                      fmt="medium")
            text = _("Today is then written {today}, as in Taiwan's official documents. "
                     "Exported PDFs have their own choice.").format(today=today)
        else:
            text = _("Republic of China (民國) years are available when the language is "
                     "繁體中文.")
        self.roc_note.setText(text)
        grow_to_fit(self.window())  # the Chinese hint is longer: nothing may be cut off

    def save(self) -> set[str]:
        """Store the choices; returns the keys of settings that changed."""
        changed = set()
        chosen = self.language.currentData()
        if settings.LANGUAGE.value() != chosen:  # also when it followed the system's
            settings.LANGUAGE.set(chosen)
            changed.add(settings.LANGUAGE.key)
        roc = self.roc_years.isChecked()
        if roc != settings.ROC_YEARS.value():
            settings.ROC_YEARS.set(roc)
            changed.add(settings.ROC_YEARS.key)
        return changed
