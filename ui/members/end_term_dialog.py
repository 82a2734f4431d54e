"""Ask when and why a member's term ends."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from secretariat.i18n import _
from ui.forms import FormDialog
from ui.widgets import date_edit, from_qdate


class EndTermDialog(FormDialog):
    """``submitter(ended_on, reason, dialog)`` runs the operation."""

    def __init__(self, parent: QWidget | None, name: str, term_start: dt.date,
                 submitter: Callable[[dt.date, str, "EndTermDialog"], None]):
        super().__init__(parent, _("End term of {name}").format(name=name))
        self._term_start = term_start
        self._submitter = submitter
        self.ended_on = self.add_field("ended_on", _("&Last day served:"),
                                       date_edit(max(dt.date.today(), term_start)))
        self.reason = self.add_field("reason", _("&Reason:"), QLineEdit())
        self.reason.setPlaceholderText(_("e.g. resigned, term completed"))
        self.ready()

    def problems(self) -> dict[str, str]:
        if from_qdate(self.ended_on.date()) < self._term_start:
            return {"ended_on": _("The term cannot end before it starts.")}
        return {}

    def submit(self) -> None:
        self._submitter(from_qdate(self.ended_on.date()), self.reason.text().strip(), self)
