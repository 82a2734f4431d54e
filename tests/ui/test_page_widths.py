"""The pages read at the default window size (1200×760) in both languages: the English
navigation does not take the width the pages need, the meetings list needs no sideways
scrolling, and in the decision log the decision's text has the room, not the flags."""

from __future__ import annotations

import pytest

from tests.ui.window_helpers import settle
from ui.language import apply_language
from ui.main_window import MainWindow
from ui.records.decision_model import COLUMNS, TEXT_COLUMN

NARROW_COLUMNS = ("Recusals", "Dissents", "Public", "Locked", "Date", "Votes")


@pytest.fixture(params=["en", "zh_TW"])
def demo_window(request, qtbot, demo_store):
    from ui import settings

    settings.LANGUAGE.set(request.param)
    apply_language(request.param)
    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.first_load_done, timeout=10000):
        win.show()
    win.resize(1200, 760)
    yield win
    win.worker.wait_idle()
    apply_language("en")


def shown(qtbot, window, key):
    window.show_page(key)
    settle(qtbot, window)
    qtbot.wait(50)  # the layout after the rows arrive
    return window.page(key)


def widths(table) -> list[int]:
    header = table.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count())]


def test_the_navigation_wraps_long_titles_instead_of_widening(demo_window):
    nav = demo_window.navigation
    assert nav.width() <= nav.fontMetrics().averageCharWidth() * 30
    # Every title is shown whole: a wrapped one gets the height of its lines.
    for row in range(nav.count()):
        item = nav.item(row)
        rect = nav.visualItemRect(item)
        needed = nav.fontMetrics().boundingRect(0, 0, nav.text_width(), 1000, 0x1000,
                                                item.text())
        assert rect.height() >= needed.height(), item.text()


def test_the_meetings_list_fits_without_sideways_scrolling(qtbot, demo_window):
    page = shown(qtbot, demo_window, "meetings")
    table = page.table
    assert page.model.rowCount() > 5
    assert not table.horizontalScrollBar().isVisible()
    assert sum(widths(table)) <= table.viewport().width()
    title = widths(table)[1]
    assert title == max(widths(table))  # the titles have the room


def test_the_decision_text_has_the_room_in_the_decision_log(qtbot, demo_window):
    page = shown(qtbot, demo_window, "minutes").decisions
    table = page.table
    assert page.model.rowCount() > 5
    sizes = widths(table)
    assert not table.horizontalScrollBar().isVisible()
    assert sum(sizes) <= table.viewport().width()
    assert sizes[TEXT_COLUMN] == max(sizes)
    assert sizes[TEXT_COLUMN] >= table.fontMetrics().averageCharWidth() * 30
    header = table.horizontalHeader()
    for column, spec in enumerate(COLUMNS):
        if spec.title in NARROW_COLUMNS:  # as wide as their heading or values, no more
            needed = max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
            assert sizes[column] <= needed, spec.title


def test_the_sorted_column_gets_room_for_its_arrow(qtbot, demo_window):
    page = shown(qtbot, demo_window, "minutes").decisions
    table = page.table
    header = table.horizontalHeader()
    recusals = next(n for n, c in enumerate(COLUMNS) if c.title == "Recusals")
    title = header.fontMetrics().horizontalAdvance(
        table.model().headerData(recusals, header.orientation()))
    assert title <= header.sectionSize(recusals) < header.sectionSizeHint(recusals)
    header.setSortIndicator(recusals, header.sortIndicatorOrder())  # a click on it
    settle(qtbot, demo_window)
    assert header.sectionSize(recusals) >= header.sectionSizeHint(recusals)
    assert not table.horizontalScrollBar().isVisible()
