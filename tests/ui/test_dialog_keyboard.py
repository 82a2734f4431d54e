"""Form dialogs used from the keyboard: focus starts in the first field, Enter means OK.

The button box used to come first in the focus chain, so the Add member dialog opened
with Cancel focused and Enter threw away what the clerk had typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.window_helpers import settle


def test_add_member_dialog_starts_in_the_name_field(qtbot, window):
    dialog = window.page("members").add_member()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name, timeout=3000)
    assert dialog.ok_button.isDefault()


def test_tab_from_the_last_field_reaches_ok_before_cancel(qtbot, window):
    dialog = window.page("members").add_member()
    dialog.name.setText("林小明")
    assert dialog.phone.nextInFocusChain() is dialog.ok_button
    assert dialog.ok_button.nextInFocusChain() is dialog.buttons.button(
        dialog.buttons.StandardButton.Cancel)


def test_enter_in_a_field_adds_the_member(qtbot, window):
    page = window.page("members")
    dialog = page.add_member()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()), timeout=3000)
    dialog.name.setText("林小明")  # setText: keyClicks with Chinese aborts Qt
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # wherever focus is
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert [page.model.row_at(r).name for r in range(page.model.rowCount())] == ["林小明"]
    assert window.undo_stack.count() == 1


def test_enter_does_nothing_while_the_form_is_invalid(qtbot, window):
    page = window.page("members")
    dialog = page.add_member()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # no name yet
    settle(qtbot, window)
    assert dialog.isVisible()
    assert page.model.rowCount() == 0


def test_enter_on_an_invalid_form_shows_every_problem(qtbot, window):
    dialog = window.page("members").add_member()
    qtbot.waitExposed(dialog)
    dialog.email.setText("not-an-email")
    assert dialog.error_for("name") == ""  # untouched: no red yet...
    assert "Enter the member's name." in dialog.pending_hint.text()  # ...but OK says why
    assert dialog.pending_hint.isVisible()
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    assert dialog.error_for("name") == "Enter the member's name."
    assert dialog.error_for("email") == "This does not look like an e-mail address."
    assert not dialog.pending_hint.isVisible()


def test_a_fresh_dialog_shows_no_hint(qtbot, window):
    dialog = window.page("members").add_member()
    qtbot.waitExposed(dialog)
    assert not dialog.pending_hint.isVisible()
    assert not dialog.ok_button.isEnabled()


def test_ok_stays_disabled_while_the_worker_saves(qtbot, window):
    page = window.page("members")
    dialog = page.add_member()
    dialog.name.setText("林小明")
    dialog._submitter = lambda form, d: None  # the worker has not answered yet
    dialog.ok_button.click()
    dialog.phone.setText("02-1234-5678")  # typing meanwhile must not allow a second save
    assert not dialog.ok_button.isEnabled()
