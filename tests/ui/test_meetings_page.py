"""Meetings: create through the dialog (validated), listed next first, undo, edit."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from secretariat.errors import SecretariatError
from secretariat.model import Modality
from tests.ui.window_helpers import create_meeting, meeting_titles, open_meetings_page, settle
from ui.meetings.actions import read_meeting
from ui.widgets import select_data


def test_create_meetings_next_first_and_undo(qtbot, window):
    page = create_meeting(qtbot, window, "第二次會議", 30)
    create_meeting(qtbot, window, "第一次會議", 10)
    assert meeting_titles(page) == ["第一次會議", "第二次會議"]
    assert page.model.next_meeting_row() == 0
    window.undo_stack.undo()
    settle(qtbot, window)
    assert meeting_titles(page) == ["第二次會議"]
    window.undo_stack.redo()
    settle(qtbot, window)
    assert meeting_titles(page) == ["第一次會議", "第二次會議"]


def test_meeting_dialog_validates_inline(qtbot, window):
    dialog = open_meetings_page(window).new_meeting()
    dialog.title.setText("x")
    dialog.title.setText("")
    assert dialog.error_for("title")
    dialog.title.setText("會議")
    select_data(dialog.modality, Modality.REMOTE)
    dialog.remote_link.setText("a")
    dialog.remote_link.setText("")
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_for("remote_link") == "A remote or hybrid meeting needs a link to join remotely."
    dialog.remote_link.setText("https://meet.example.tw/forum")
    dialog.ends.setDateTime(dialog.starts.dateTime().addSecs(-60))
    assert dialog.error_for("ends_at") == "The meeting must end after it starts."
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_edit_meeting_and_undo(qtbot, window):
    page = create_meeting(qtbot, window, "原標題", 10)
    page.table.selectRow(0)
    page.edit_selected()
    settle(qtbot, window)
    dialog = page.edit_dialog
    assert dialog.title.text() == "原標題"
    assert dialog.value().starts_at.tzinfo is not None
    dialog.title.setText("新標題")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert meeting_titles(page) == ["新標題"]
    window.undo_stack.undo()
    settle(qtbot, window)
    assert meeting_titles(page) == ["原標題"]
    row = page.model.row_at(0)
    assert row.starts_at.astimezone(dt.timezone(dt.timedelta(hours=8))).hour == 14


def test_a_new_meeting_is_selected_and_a_reload_keeps_the_selection(qtbot, window):
    page = create_meeting(qtbot, window, "第二次會議", 30)
    create_meeting(qtbot, window, "第一次會議", 10)
    assert page.selected_row().title == "第一次會議"  # the one just scheduled
    page.table.selectRow(1)
    window.refresh_current()
    settle(qtbot, window)
    assert page.selected_row().title == "第二次會議"
    assert page.edit_button.isEnabled() and page.open_button.isEnabled()


def test_a_mistyped_time_zone_is_explained_beside_the_field(qtbot, window):
    dialog = open_meetings_page(window).new_meeting()
    dialog.time_zone.setCurrentText("Asia/Taipe")
    assert dialog.error_for("time_zone") == "Choose a time zone from the list, e.g. Asia/Taipei."
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_editing_a_meeting_deleted_meanwhile_says_so(session):
    with pytest.raises(SecretariatError) as refused:
        read_meeting(session, 987654)
    assert "meeting with number 987654 does not exist" in str(refused.value)
