"""Members: add through the dialog, undo/redo, end term, edit, inline validation."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from secretariat.errors import SecretariatError
from tests.ui.window_helpers import add_member, settle
from ui.members.actions import read_member
from ui.widgets import to_qdate


def names(page) -> list[str]:
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def test_add_member_then_undo_and_redo(qtbot, window):
    page = add_member(qtbot, window)
    assert names(page) == ["林小明"]
    assert page.balance.summary.text().count("1") >= 1

    window.actions["undo"].trigger()
    settle(qtbot, window)
    assert names(page) == []

    window.actions["redo"].trigger()
    settle(qtbot, window)
    assert names(page) == ["林小明"]

    # The re-created member can still be undone (its id changed under the hood).
    window.undo_stack.undo()
    settle(qtbot, window)
    assert names(page) == []


def test_end_term_and_undo_reopens_it(qtbot, window):
    page = add_member(qtbot, window)
    page.include_past.setChecked(True)
    settle(qtbot, window)
    page.table.selectRow(0)
    dialog = page.end_selected_term()
    dialog.ended_on.setDate(to_qdate(dt.date.today() - dt.timedelta(days=1)))
    dialog.reason.setText("resigned")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    row = page.model.row_at(0)
    assert row.ended_on == dt.date.today() - dt.timedelta(days=1)
    assert not row.active

    window.undo_stack.undo()
    settle(qtbot, window)
    assert page.model.row_at(0).ended_on is None
    assert page.model.row_at(0).active


def test_edit_member_and_undo_restores_old_values(qtbot, window):
    page = add_member(qtbot, window)
    page.table.selectRow(0)
    page.edit_selected()
    settle(qtbot, window)
    dialog = page.edit_dialog
    assert dialog.name.text() == "林小明"
    dialog.name.setText("林大明")
    dialog.high_level.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert names(page) == ["林大明"] and page.model.row_at(0).high_level

    window.undo_stack.undo()
    settle(qtbot, window)
    assert names(page) == ["林小明"] and not page.model.row_at(0).high_level


def test_invalid_input_keeps_ok_disabled_and_shows_why(qtbot, window):
    dialog = window.page("members").add_member()
    assert not dialog.ok_button.isEnabled()  # no name yet
    dialog.name.setText("王")
    dialog.name.setText("")
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_for("name") == "Enter the member's name."

    dialog.name.setText("王小華")
    dialog.set_term_start(dt.date.today())
    dialog.term_end.set_value(dt.date.today() - dt.timedelta(days=3))
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_for("term_end") == "The term cannot end before it starts."

    dialog.term_end.set_value(None)
    dialog.email.setText("not-an-address")
    assert "e-mail" in dialog.error_for("email")
    dialog.email.setText("wang@example.tw")
    assert dialog.ok_button.isEnabled()
    dialog.reject()


def test_service_refusal_is_shown_in_the_dialog_and_nothing_is_added(qtbot, window):
    add_member(qtbot, window, name="陳一")
    page = window.page("members")
    dialog = page.add_member()
    dialog.name.setText("陳二")
    dialog.seat.setText(page.model.row_at(0).seat_label)  # the seat already has a holder
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.isVisible()
    assert dialog.submit_error.text()
    assert names(page) == ["陳一"]
    assert window.undo_stack.count() == 1
    dialog.reject()


def test_filter_box_filters_rows(qtbot, window):
    page = add_member(qtbot, window, name="甲", organisation="甲協會")
    add_member(qtbot, window, name="乙", organisation="乙大學")
    assert page.proxy.rowCount() == 2
    page.filter_box.setText("大學")
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data().startswith("乙")


def test_editing_a_membership_deleted_meanwhile_says_so(session):
    with pytest.raises(SecretariatError) as refused:
        read_member(session, 987654)
    assert "membership with number 987654 does not exist" in str(refused.value)
