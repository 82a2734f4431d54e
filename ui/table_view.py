"""The sortable, filterable, read-only table every list page uses."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

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


def fit_columns(table: QTableView) -> None:
    """Size columns to their contents once, without one long text taking the width."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > MAX_COLUMN_WIDTH:
            header.resizeSection(column, MAX_COLUMN_WIDTH)
