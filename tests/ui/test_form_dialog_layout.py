"""Form dialogs grow when a message appears instead of squashing their fields."""

from __future__ import annotations

from ui.welcome import WelcomeDialog


def test_welcome_dialog_grows_for_an_error_message(qtbot, window):
    dialog = WelcomeDialog(window.worker, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    dialog.name_zh_tw.setText("測試論壇")
    dialog.time_zone.setCurrentText("Asia/Taipe")  # not a zone: a message appears
    assert dialog.error_for("time_zone")
    assert dialog.height() > before
    combo_hint = dialog.time_zone.sizeHint().height()
    assert dialog.time_zone.height() >= combo_hint  # the field keeps its height
