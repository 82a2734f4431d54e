"""The hint under the language choice is read whole: choosing 繁體中文 in the English
dialog gives it a longer text, and the dialog grows to show every line of it."""

from __future__ import annotations

from ui.language import apply_language
from ui.preferences.dialog import PreferencesDialog
from ui.preferences.language_page import LanguagePage


def test_the_hint_fits_after_choosing_chinese(qtbot):
    apply_language("en")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.page(LanguagePage)
    page.language.setCurrentIndex(page.language.findData("en"))
    before = dialog.height()
    page.language.setCurrentIndex(page.language.findData("zh_TW"))
    qtbot.wait(20)
    note = page.roc_note
    assert "Today is then written" in note.text()
    assert note.height() >= note.heightForWidth(note.width())
    assert note.geometry().bottom() <= page.height()
    assert dialog.height() >= before
