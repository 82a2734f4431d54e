"""The phase × element grid: one row per phase and level (basic requirements, then
advanced steps), one column per element; each cell counts its requirements by status in
words and takes the ground of the worst status among them (colour never alone)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from secretariat.compliance.result import STATUS_GROUNDS, Status
from secretariat.i18n import _
from secretariat.standards.catalogue import Element, Level
from secretariat.vocabulary import Phase

# Worst first: the cell shows the ground of the first status found among its rows.
SEVERITY = (Status.NOT_MET, Status.PARTLY_MET, Status.CANNOT_TELL, Status.NOT_YET_DUE,
            Status.ATTESTED, Status.MET)
CELL_ROLE = Qt.ItemDataRole.UserRole + 10  # (phase, level, element) of a cell


class GridModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self.lines = [(phase, level) for phase in Phase for level in Level]

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows_of(self, phase: Phase, level: Level, element: Element) -> list:
        return [r for r in self._rows if r.phase == phase.value and r.level == level.value
                and r.element == element.value]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Element)

    def _cell(self, index):
        phase, level = self.lines[index.row()]
        return phase, level, list(Element)[index.column()]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        phase, level, element = self._cell(index)
        rows = self.rows_of(phase, level, element)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            if not rows:
                return _("No requirements")
            return "\n".join(f"{_(status.label)}: {count}" for status in SEVERITY
                             if (count := sum(1 for r in rows if r.status == status)))
        if role == Qt.ItemDataRole.BackgroundRole and rows:
            worst = next(status for status in SEVERITY if any(r.status == status for r in rows))
            return QBrush(QColor(STATUS_GROUNDS[worst]))
        if role == Qt.ItemDataRole.ForegroundRole and rows:
            return QBrush(QColor("#1a1a1a"))  # dark on the light grounds, whatever the theme
        if role == CELL_ROLE:
            return phase, level, element
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Element):
            return _(list(Element)[section].label)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.lines):
            phase, level = self.lines[section]
            return f"{_(phase.label)}\n{_(level.label)}"
        return None
