"""The minutes tab scrolls once: each item's text box is as tall as its text (no
scrollbar of its own), and the pane around them scrolls."""

from __future__ import annotations

from tests.ui.editor_helpers import settle

LONG_TEXT = "\n".join(f"第{n}段：委員就開放資料與公共參與提出意見，秘書處將彙整後回覆。"
                      for n in range(1, 41))


def test_a_long_minutes_text_grows_its_box_instead_of_scrolling_it(qtbot, editor):
    tab = editor.minutes
    editor.tabs.setCurrentWidget(tab)
    tab.start()
    settle(qtbot, editor)
    box = tab.editors[editor.data.agenda[0].id]
    qtbot.waitUntil(box.isVisible)
    short_height = box.height()
    box.setPlainText(LONG_TEXT)
    qtbot.wait(20)
    assert box.height() > 5 * short_height
    assert box.verticalScrollBar().maximum() == 0  # every line shown: nothing to scroll
    assert not box.verticalScrollBar().isVisible()
    assert tab.scroll.verticalScrollBar().maximum() > 0  # the pane scrolls instead
    # The line being typed stays on screen: the pane follows the cursor.
    box.setFocus()
    cursor = box.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    box.setTextCursor(cursor)
    qtbot.wait(20)
    assert tab.scroll.verticalScrollBar().value() > 0
    box.setPlainText("短")  # and shrinks back
    qtbot.wait(20)
    assert box.height() == short_height
