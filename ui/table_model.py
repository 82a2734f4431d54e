"""A read-only table model over a list of frozen row dataclasses.

Columns are declared once (title msgid, how to show a row, how to sort it). Titles are
translated when Qt asks for them, so a language switch only needs a header repaint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from secretariat.i18n import _


SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Column:
    title: str  # msgid
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None  # defaults to the displayed text
    align_right: bool = False


class RowTableModel(QAbstractTableModel):
    columns: tuple[Column, ...] = ()
    id_attribute = "id"  # the row field that names its record (to find it after a reload)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row]

    def id_of(self, row) -> int:
        return getattr(row, self.id_attribute)

    def row_index_of(self, record_id: int) -> int:
        """The number of the row showing ``record_id``, or -1."""
        return next((number for number, row in enumerate(self._rows)
                     if self.id_of(row) == record_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.display(row)
        if role == SORT_ROLE:
            key = column.sort_key(row) if column.sort_key else column.display(row)
            return _sortable(key)
        if role == FILTER_ROLE:
            # The filter box matches any column's text, e.g. a name or an organisation.
            return " ".join(c.display(row) for c in self.columns)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return _(self.columns[section].title)
        return None

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.columns) - 1))


def _sortable(key: Any) -> Any:
    """Qt compares QVariants; dates and None do not survive, so sort on strings/numbers."""
    if key is None:
        return ""
    if isinstance(key, bool):
        return int(key)
    if isinstance(key, (int, float, str)):
        return key
    return str(key)  # ISO dates and datetimes sort correctly as text
