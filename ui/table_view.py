"""The sortable, filterable, read-only table every list page uses."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from ui.table_model import FILTER_ROLE, SORT_ROLE


def make_proxy(model, parent) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterRole(FILTER_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(0)
    return proxy


def make_table(proxy, parent) -> QTableView:
    table = QTableView(parent)
    table.setModel(proxy)
    # No sort indicator until the user clicks a header: the service's order (e.g. next
    # meeting first) is what a clerk expects to see on opening the page.
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    # Rows as tall as the text needs (CJK fonts otherwise get generous default rows).
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


MAX_COLUMN_WIDTH = 220
# Rows whose texts size the columns (Qt's default, 1000, formats nearly every cell of a
# long list — dates through babel — before the first paint): the rows on screen first,
# then the next ones up to this many. Enough for a column's usual width.
SIZING_ROWS = 30


def fit_columns(table: QTableView, wide: int | None = None) -> None:
    """Size columns to the contents of a sample of rows, once, without one long text
    taking the width.

    ``wide``: a column of long texts (e.g. titles) allowed twice the usual width, so the
    spare width does not all go to the last column while titles are cut short."""
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(SIZING_ROWS)
    table.resizeColumnsToContents()
    for column in range(header.count()):
        limit = MAX_COLUMN_WIDTH * (2 if column == wide else 1)
        if header.sectionSize(column) > limit:
            header.resizeSection(column, limit)


class EmptyHint(QLabel):
    """A short hint in the middle of an empty table: what to do first."""

    MARGIN = 24

    def __init__(self, table: QTableView):
        super().__init__(table.viewport())
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        table.viewport().installEventFilter(self)

    def show_hint(self, text: str) -> None:
        """Show ``text``; an empty text hides the hint."""
        self.setText(text)
        self._fit()
        self.setVisible(bool(text))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        m = self.MARGIN
        self.setGeometry(self.parentWidget().rect().adjusted(m, m, -m, -m))
