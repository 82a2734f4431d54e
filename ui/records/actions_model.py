"""Action items as a table; overdue ones (still open, due before today) stand out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from secretariat.i18n import N_, _, format_date
from secretariat.vocabulary import ActionStatus
from secretariat.services.meetings.actions import OPEN_STATUSES
from secretariat.services.meetings.decisions import decision_label
from ui.records.zones import local_date
from ui.table_model import Column, RowTableModel

OVERDUE_BACKGROUND = QColor("#fde2e1")  # a soft red that keeps black text readable
OVERDUE_TEXT = QColor("#8c1d18")


def is_overdue(row, today: dt.date) -> bool:
    return row.status in OPEN_STATUSES and row.due_on is not None and row.due_on < today


def due_text(row) -> str:
    return format_date(row.due_on) if row.due_on else _("No due date")


class ActionTableModel(RowTableModel):
    columns = (
        Column(N_("Due"), due_text,
               lambda r: r.due_on.isoformat() if r.due_on else "9999"),  # undated last
        Column(N_("Action"), lambda r: r.description),
        Column(N_("Owner"), lambda r: r.shown_owner()),
        Column(N_("Status"), lambda r: _(r.status.label),
               lambda r: list(ActionStatus).index(r.status)),
        Column(N_("Meeting"), lambda r: r.shown_meeting_title()),
        Column(N_("Meeting date"),
               lambda r: format_date(local_date(r.meeting_starts_at, r.meeting_time_zone)),
               lambda r: r.meeting_starts_at.isoformat()),
        Column(N_("Decision"), lambda r: decision_label(r.decision_number)
               if r.decision_number else "", lambda r: r.decision_number or ""),
    )
    DESCRIPTION_COLUMN = 1
    STATUS_COLUMN = 3
    MEETING_COLUMN = 4

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.today = today or dt.date.today()

    def overdue_rows(self) -> list[int]:
        return [n for n, row in enumerate(self._rows) if is_overdue(row, self.today)]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.row() < len(self._rows) and role in (
                Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not is_overdue(self._rows[index.row()], self.today):
                return None
            return QBrush(OVERDUE_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole
                          else OVERDUE_TEXT)
        if (role == Qt.ItemDataRole.ToolTipRole and index.isValid()
                and index.row() < len(self._rows)
                and is_overdue(self._rows[index.row()], self.today)):
            return _("Overdue since {date}: {text}").format(
                date=format_date(self._rows[index.row()].due_on),
                text=super().data(index, role))
        return super().data(index, role)

    def row_index_of(self, action_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == action_id), -1)
