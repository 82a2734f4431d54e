"""The decision log page as a clerk first sees it: its order, and a readable filter box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.window_helpers import settle
from ui.language import apply_language
from ui.records.decision_model import column_of


@pytest.fixture(params=["en", "zh_TW"])
def log_page(request, qtbot, window, decisions_store):  # noqa: F811
    window.switch_language(request.param)
    window.resize(1100, 650)  # a small laptop screen
    window.show_page("minutes")
    settle(qtbot, window)
    yield window.page("minutes").decisions
    apply_language("en")


def test_the_header_shows_the_order_the_rows_are_in(log_page):
    header = log_page.table.horizontalHeader()
    date = column_of("decided_at")
    assert log_page.model.query.descending  # newest first
    assert header.sortIndicatorSection() == date
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # Styles disagree on which way the arrow points for "descending" (Fusion draws ▲):
    # the header says it in words as well.
    tip = log_page.model.headerData(date, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip and tip == log_page.model.sort_tooltip(Qt.SortOrder.DescendingOrder)
    assert tip != log_page.model.sort_tooltip(Qt.SortOrder.AscendingOrder)
    assert log_page.model.headerData(column_of("number"), Qt.Orientation.Horizontal,
                                      Qt.ItemDataRole.ToolTipRole) is None


def test_the_tooltip_follows_a_new_sort(qtbot, window, log_page):
    number = column_of("number")
    log_page.table.horizontalHeader().setSortIndicator(number, Qt.SortOrder.AscendingOrder)
    settle(qtbot, window)
    assert log_page.model.headerData(number, Qt.Orientation.Horizontal,
                                     Qt.ItemDataRole.ToolTipRole) == \
        log_page.model.sort_tooltip(Qt.SortOrder.AscendingOrder)


def test_the_filter_box_shows_its_whole_placeholder(log_page):
    box = log_page.search_box
    assert box.isVisible()
    needed = box.fontMetrics().horizontalAdvance(box.placeholderText())
    assert box.width() >= needed
    assert "(Ctrl+F)" in box.placeholderText() or "（Ctrl+F）" in box.placeholderText()
    # …without making the window wider than a small laptop screen.
    assert log_page.window().minimumSizeHint().width() <= 1100
