"""Meetings: create through the dialog (validated), listed next first, undo, edit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from secretariat.model import Modality
from tests.ui.conftest import settle
from ui.widgets import select_data


def open_page(window):
    window.show_page("meetings")
    return window.page("meetings")


def create(qtbot, window, title: str, days: int):
    page = open_page(window)
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


def titles(page):
    return [page.model.row_at(r).title for r in range(page.model.rowCount())]


def test_create_meetings_next_first_and_undo(qtbot, window):
    page = create(qtbot, window, "第二次會議", 30)
    create(qtbot, window, "第一次會議", 10)
    assert titles(page) == ["第一次會議", "第二次會議"]
    assert page.model.next_meeting_row() == 0
    window.undo_stack.undo()
    settle(qtbot, window)
    assert titles(page) == ["第二次會議"]
    window.undo_stack.redo()
    settle(qtbot, window)
    assert titles(page) == ["第一次會議", "第二次會議"]


def test_meeting_dialog_validates_inline(qtbot, window):
    dialog = open_page(window).new_meeting()
    dialog.title.setText("x")
    dialog.title.setText("")
    assert dialog.error_for("title")
    dialog.title.setText("會議")
    select_data(dialog.modality, Modality.REMOTE)
    dialog.remote_link.setText("a")
    dialog.remote_link.setText("")
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_for("remote_link") == "A remote or hybrid meeting needs a link."
    dialog.remote_link.setText("https://meet.example.tw/forum")
    dialog.ends.setDateTime(dialog.starts.dateTime().addSecs(-60))
    assert dialog.error_for("ends_at") == "The meeting must end after it starts."
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_edit_meeting_and_undo(qtbot, window):
    page = create(qtbot, window, "原標題", 10)
    page.table.selectRow(0)
    page.edit_selected()
    settle(qtbot, window)
    dialog = page.edit_dialog
    assert dialog.title.text() == "原標題"
    assert dialog.value().starts_at.tzinfo is not None
    dialog.title.setText("新標題")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert titles(page) == ["新標題"]
    window.undo_stack.undo()
    settle(qtbot, window)
    assert titles(page) == ["原標題"]
    row = page.model.row_at(0)
    assert row.starts_at.astimezone(dt.timezone(dt.timedelta(hours=8))).hour == 14
