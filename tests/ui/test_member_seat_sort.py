"""Clicking the Seat header orders seat numbers by value, as the default list does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from secretariat.services.members import add_member
from tests.ui.window_helpers import settle


def test_seat_column_sorts_numbers_by_value(qtbot, window):
    with window.store.session() as s:
        for number in (10, 2, 1):
            add_member(s, name=f"委員{number}", sector_code="civil_society", role="member",
                       term_start=dt.date(2025, 1, 1), seat_label=f"席次 {number}")
        s.commit()
    window.show_page("members")
    page = window.page("members")
    page.refresh()
    settle(qtbot, window)
    seat = next(i for i, c in enumerate(page.model.columns) if c.title == "Seat")
    page.table.sortByColumn(seat, Qt.SortOrder.AscendingOrder)
    shown = [page.proxy.index(r, seat).data() for r in range(page.proxy.rowCount())]
    assert shown == ["席次 1", "席次 2", "席次 10"]
