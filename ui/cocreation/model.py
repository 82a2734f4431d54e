"""Contributions as a table; one whose response is overdue says so in its own column
and stands out (a soft red ground, never colour alone)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from secretariat.i18n import N_, _, format_date
from ui.table_model import Column, RowTableModel

OVERDUE_BACKGROUND = QColor("#fde2e1")
OVERDUE_TEXT = QColor("#8c1d18")


class ContributionModel(RowTableModel):
    RESPONSE_COLUMN = 6
    TEXT_COLUMN = 5

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.today = today or dt.date.today()
        self.columns = (
            Column(N_("Received"), lambda r: format_date(r.received_on),
                   lambda r: r.received_on.isoformat()),
            Column(N_("Stakeholder"), lambda r: _(r.stakeholder_kind.label)),
            Column(N_("Channel"), lambda r: _(r.channel.label)),
            Column(N_("Region"), lambda r: r.region),
            Column(N_("Topic"), lambda r: r.topic),
            Column(N_("Contribution"), lambda r: r.text),
            Column(N_("Response"), self.response_text,
                   lambda r: (r.responded_on or r.response_due).isoformat()),
        )

    def response_text(self, row) -> str:
        if row.responded_on is not None:
            return _("Answered {date}").format(date=format_date(row.responded_on))
        if row.overdue_on(self.today):
            return _("Overdue since {date}").format(date=format_date(row.response_due))
        return _("Due {date}").format(date=format_date(row.response_due))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
                and index.isValid() and index.row() < len(self._rows)):
            if not self._rows[index.row()].overdue_on(self.today):
                return None
            return QBrush(OVERDUE_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole
                          else OVERDUE_TEXT)
        return super().data(index, role)
