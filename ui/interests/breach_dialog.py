"""Recording a breach of the conflict-of-interest rules and the sanction decided."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout,
    QWidget,
)

from secretariat.i18n import _
from ui.growing_text import GrowingTextEdit
from ui.interests.actions import BreachForm
from ui.widgets import date_edit, from_qdate


class BreachDialog(QDialog):
    def __init__(self, people, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Record a breach"))
        self.person = QComboBox()
        for person in people:
            self.person.addItem(person.name, person.id)
        self.occurred = date_edit(dt.date.today())
        self.description = GrowingTextEdit(min_lines=3)
        self.sanction = QLineEdit()
        self.decision = QLineEdit()
        self.decision.setPlaceholderText("2026-S03-R02")
        self.decided_set = QCheckBox(_("Decided on a da&y:"))
        self.decided = date_edit(dt.date.today())
        self.decided.setEnabled(False)
        self.decided_set.toggled.connect(self.decided.setEnabled)
        form = QFormLayout()
        form.addRow(_("&Person:"), self.person)
        form.addRow(_("&Date of the breach:"), self.occurred)
        form.addRow(_("&What happened:"), self.description)
        form.addRow(_("&Sanction:"), self.sanction)
        form.addRow(_("Decided by decision &number:"), self.decision)
        form.addRow(self.decided_set, self.decided)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Record"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def person_name(self) -> str:
        return self.person.currentText()

    def form(self) -> BreachForm:
        return BreachForm(
            person_id=self.person.currentData(), occurred_on=from_qdate(self.occurred.date()),
            description=self.description.toPlainText(), sanction=self.sanction.text(),
            decision_number=self.decision.text().strip(),
            decided_on=from_qdate(self.decided.date()) if self.decided_set.isChecked() else None)
