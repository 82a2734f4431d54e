"""Driving the main window in the GUI tests: waiting for its database jobs, a records page
on its own, and adding meetings and members through their pages' dialogs as a user does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt


def settle(qtbot, window) -> None:
    """Wait until every queued database job has run and its result reached the GUI."""
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10000)


def loaded_records_page(qtbot, window, page_class):
    """A records page (decision log, action items) on its own, its records loaded, and
    the list of meeting ids it asked to open."""
    opened: list[int] = []
    page = page_class(window.context, window, open_meeting=opened.append)
    qtbot.addWidget(page)
    page.refresh()
    settle(qtbot, window)
    return page, opened


TODAY = dt.date.today()


def open_meetings_page(window):
    window.show_page("meetings")
    return window.page("meetings")


def create_meeting(qtbot, window, title: str, days: int):
    """A meeting made through the meetings page's dialog, ``days`` from now (its
    default start is in 14 days); returns the page."""
    page = open_meetings_page(window)
    settle(qtbot, window)
    dialog = page.new_meeting()
    dialog.title.setText(title)
    start = dialog.starts.dateTime().addDays(days - 14)
    dialog.starts.setDateTime(start)
    dialog.ends.setDateTime(start.addSecs(7200))
    dialog.location.setText("行政院第一會議室")
    assert dialog.ok_button.isEnabled(), dialog.problems()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not dialog.isVisible(), dialog.submit_error.text()
    return page


def meeting_titles(page):
    return [page.model.row_at(r).title for r in range(page.model.rowCount())]


def add_member(qtbot, window, name="林小明", **fields):
    """A member added through the members page's dialog; returns the page."""
    page = window.page("members")
    dialog = page.add_member()
    dialog.name.setText(name)  # setText: keyClicks with Chinese aborts Qt
    dialog.organisation.setText(fields.get("organisation", "台灣公民參與協會"))
    dialog.set_term_start(dt.date.today() - dt.timedelta(days=30))
    assert dialog.problems() == {}
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not dialog.isVisible()
    return page
