"""Asks how a draft version was adopted: by a recorded decision (its number) or, for
terms adopted before the decision log was kept, on a date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout,
    QWidget,
)

from secretariat.i18n import _
from ui.widgets import date_edit, from_qdate


class AdoptDialog(QDialog):
    def __init__(self, version_no: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Adopt version {version}").format(version=version_no))
        self.by_decision = QRadioButton(_("By &decision"))
        self.on_date = QRadioButton(_("On a &date (before the decision log was kept)"))
        self.by_decision.setChecked(True)
        self.number = QLineEdit()
        self.number.setPlaceholderText("2026-S03-R02")
        self.day = date_edit(dt.date.today())
        form = QFormLayout()
        form.addRow(self.by_decision, self.number)
        form.addRow(self.on_date, self.day)
        note = QLabel(_("An adopted version never changes: later changes are a new version."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Adopt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.by_decision.toggled.connect(self._enable)
        self._enable()

    def _enable(self, *_args) -> None:
        self.number.setEnabled(self.by_decision.isChecked())
        self.day.setEnabled(not self.by_decision.isChecked())

    def choice(self) -> tuple[str, object]:
        """("decision", number typed) or ("date", a date)."""
        if self.by_decision.isChecked():
            return "decision", self.number.text()
        return "date", from_qdate(self.day.date())
