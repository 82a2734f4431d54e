"""The requirements of one grid cell (or all of them) as a table: id, status in words on
its ground, the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from secretariat.compliance.result import STATUS_GROUNDS, Status
from secretariat.i18n import N_, _, current_language
from ui.table_model import Column, RowTableModel


def requirement_text(row) -> str:
    return row.text_zh_TW if current_language() == "zh_TW" else row.text_en


class RequirementModel(RowTableModel):
    columns = (
        Column(N_("Requirement"), lambda r: r.id),
        Column(N_("Status"), lambda r: _(r.status.label), lambda r: list(Status).index(r.status)),
        Column(N_("Reason"), lambda r: r.explanation.text()),
        Column(N_("Text"), requirement_text),
    )
    STATUS_COLUMN = 1
    REASON_COLUMN = 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (index.isValid() and index.column() == self.STATUS_COLUMN
                and index.row() < len(self._rows)):
            status = self._rows[index.row()].status
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(STATUS_GROUNDS[status]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#1a1a1a"))
        return super().data(index, role)

    def row_index_of(self, record_id) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == record_id), -1)
