"""First run: the welcome dialog creates the forum (or loads the demo)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from secretariat.services import forum as forum_service
from ui.welcome import WelcomeDialog
from ui.worker import DatabaseWorker


def test_welcome_dialog_creates_the_forum(qtbot, gui_store):
    worker = DatabaseWorker(gui_store)
    dialog = WelcomeDialog(worker)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.name_zh_tw.setText("臺灣開放政府國家行動方案多元利害關係人論壇")
    dialog.name_en.setText("Taiwan OGP Multi-stakeholder Forum")
    assert dialog.time_zone.currentText() == "Asia/Taipei"
    dialog.language_boxes["en"].setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == WelcomeDialog.DialogCode.Accepted, timeout=10000)
    with gui_store.session() as s:
        forum = forum_service.get_forum(s)
        assert forum.name_en == "Taiwan OGP Multi-stakeholder Forum"
        assert forum.languages == "zh_TW"
        assert forum.time_zone == "Asia/Taipei"
    worker.wait_idle()


def test_welcome_dialog_requires_names_and_a_language(qtbot, gui_store):
    dialog = WelcomeDialog(DatabaseWorker(gui_store))
    qtbot.addWidget(dialog)
    dialog.name_zh_tw.setText("論壇")
    dialog.name_en.setText("Forum")
    for box in dialog.language_boxes.values():
        box.setChecked(False)
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_for("languages") == "Choose at least one language."
    dialog.time_zone.setCurrentText("Mars/Olympus")
    assert "time zone" in dialog.error_for("time_zone")


def test_demo_forum_loads_with_progress(qtbot, gui_store):
    worker = DatabaseWorker(gui_store)
    dialog = WelcomeDialog(worker)
    qtbot.addWidget(dialog)
    dialog.load_demo()
    assert dialog.demo_progress.progress.cancelled() is False
    qtbot.waitUntil(lambda: dialog.loaded_demo, timeout=60000)
    with gui_store.session() as s:
        assert forum_service.get_forum(s) is not None
    worker.wait_idle()


def test_cancel_says_the_program_closes_and_can_go_back(qtbot, gui_store):
    dialog = WelcomeDialog(DatabaseWorker(gui_store))
    qtbot.addWidget(dialog)
    rejected = []
    dialog.rejected.connect(lambda: rejected.append(True))
    dialog.show()
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert "close" in cancel.text().replace("&", "").lower()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    question = dialog.close_question
    assert question is not None and question.isVisible()
    assert "closes now" in question.text() and "open Forum Secretariat again" in \
        question.informativeText()
    assert not rejected  # nothing happened yet
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # Esc goes back to the welcome
    qtbot.waitUntil(lambda: dialog.close_question is None)
    assert dialog.isVisible() and not rejected


def test_closing_after_the_question_rejects_the_welcome(qtbot, gui_store):
    dialog = WelcomeDialog(DatabaseWorker(gui_store))
    qtbot.addWidget(dialog)
    rejected = []
    dialog.rejected.connect(lambda: rejected.append(True))
    dialog.show()
    dialog.reject()  # the window's close box or Esc
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(rejected))
    assert not dialog.isVisible()
