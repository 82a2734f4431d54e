"""Esc closes the meeting editor window, by the same way as its Close command; an Esc
that a widget uses (closing a menu) does not."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt

from tests.ui.editor_helpers import settle
from ui.meeting_editor import window as window_module


@pytest.fixture
def closable_editor(qtbot, env):
    """The first meeting's editor, not owned by qtbot: closing it deletes it."""
    editor = window_module.open_meeting_editor(env.context, env.first_id)
    qtbot.waitUntil(lambda: editor.data is not None, timeout=15000)
    settle(qtbot, editor)
    yield editor
    env.context.worker.wait_idle()
    if shiboken6.isValid(editor):
        editor.close()


def test_escape_closes_the_editor(qtbot, closable_editor):
    editor = closable_editor
    editor.details.title.setFocus()
    assert window_module._open_editors.get(editor.meeting_id) is editor
    qtbot.keyClick(editor.details.title, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    # The Close command's way: the editor is forgotten (a new one opens next time).
    assert window_module._open_editors.get(editor.meeting_id) is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor))  # deleted, as on close


def test_escape_in_an_open_menu_closes_only_the_menu(qtbot, closable_editor):
    editor = closable_editor
    menu = editor.export_button.menu()
    menu.popup(editor.export_button.mapToGlobal(editor.export_button.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    assert not menu.isVisible()
    assert editor.isVisible()
