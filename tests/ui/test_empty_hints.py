"""An empty forum's pages say what to do first, and the hint goes once there are records."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from secretariat.services import members as member_service
from tests.ui.window_helpers import add_member, create_meeting, settle
from ui.language import apply_language
from ui.meetings.meeting_dialog import MeetingDialog
from ui.members.member_dialog import MemberDialog


def shown_page(qtbot, window, key):
    window.show_page(key)
    settle(qtbot, window)
    return window.page(key)


def open_dialogs(kind) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_empty_meetings_page_says_how_to_schedule_the_first_meeting(qtbot, window):
    page = shown_page(qtbot, window, "meetings")
    assert page.empty_hint.isVisible()
    assert page.empty_hint.text() == (
        "No meetings yet. Use New meeting… (Ctrl+N) to schedule the first one.")
    create_meeting(qtbot, window, "第一次會議", 14)
    assert not page.empty_hint.isVisible()


@pytest.mark.parametrize("key, dialog_class", [("meetings", MeetingDialog),
                                              ("members", MemberDialog)])
def test_ctrl_n_opens_the_pages_new_record_dialog(qtbot, window, key, dialog_class):
    """As the hint promises: New meeting… on the meetings page, Add member… on members."""
    shown_page(qtbot, window, key)
    window.activateWindow()
    qtbot.keyClick(window.page(key).table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = open_dialogs(dialog_class)
    dialog.reject()


def test_empty_members_page_points_at_adding_and_importing(qtbot, window):
    page = shown_page(qtbot, window, "members")
    assert page.empty_hint.isVisible()
    text = page.empty_hint.text()
    assert text.startswith("No members yet.")
    assert "Add member… (Ctrl+N)" in text and "File → Import members from CSV…" in text
    add_member(qtbot, window)
    assert not page.empty_hint.isVisible()


def test_only_past_members_get_a_different_hint(qtbot, window):
    with window.store.session() as s:
        member_service.add_member(
            s, name="林美玲", sector_code="civil_society", role="member",
            term_start=dt.date(2020, 1, 1), term_end=dt.date(2021, 12, 31))
        s.commit()
    page = shown_page(qtbot, window, "members")
    page.refresh()  # the page may have loaded before the term was added
    settle(qtbot, window)
    assert page.empty_hint.isVisible()
    assert "No members yet" not in page.empty_hint.text()
    assert "Include past terms" in page.empty_hint.text()
    page.include_past.setChecked(True)
    settle(qtbot, window)
    assert not page.empty_hint.isVisible()


@pytest.mark.parametrize("key", ["meetings", "members"])
def test_hints_are_in_chinese_for_a_chinese_user(qtbot, window, key):
    window.switch_language("zh_TW")
    try:
        hint = shown_page(qtbot, window, key).empty_hint
        assert hint.isVisible()
        assert "Ctrl+N" in hint.text() and "No " not in hint.text()
    finally:
        apply_language("en")
