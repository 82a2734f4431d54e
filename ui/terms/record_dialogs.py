"""Small dialogs of the Terms of reference page: the day a version was published, and a
member's signature of its ethics statement (day and how)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from secretariat.terms_vocabulary import SigningMethod
from ui.widgets import date_edit, from_qdate


class _DayDialog(QDialog):
    def __init__(self, title: str, note: str, ok: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.day = date_edit(dt.date.today())
        self.form = QFormLayout()
        self.form.addRow(_("&Date:"), self.day)
        label = QLabel(note)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def chosen_day(self) -> dt.date:
        return from_qdate(self.day.date())


class PublishDialog(_DayDialog):
    def __init__(self, version_no: int, parent: QWidget | None = None):
        super().__init__(_("Publish version {version}").format(version=version_no),
                         _("The day the forum made this version public (on its website or "
                           "otherwise). It can be recorded once."), _("&Publish"), parent)


class SignatureDialog(_DayDialog):
    # Signing in a meeting needs the meeting named: that is `secretariat ethics sign
    # --meeting`; the page records the other two ways.
    METHODS = (SigningMethod.PAPER, SigningMethod.ELECTRONIC)

    def __init__(self, name: str, version_no: int, parent: QWidget | None = None):
        super().__init__(_("Signature of {name}").format(name=name),
                         _("{name} signed the ethics statement of version {version}.")
                         .format(name=name, version=version_no), _("&Record"), parent)
        self.method = QComboBox()
        for method in self.METHODS:
            self.method.addItem(_(method.label), method.value)
        self.form.addRow(_("&How:"), self.method)

    def chosen_method(self) -> str:
        return self.method.currentData()
