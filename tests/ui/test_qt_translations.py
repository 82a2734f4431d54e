"""Qt's own words in the user's language: a Chinese file dialog reads Chinese throughout
(Qt's catalog for Traditional Chinese lacks the labels Qt 6 renamed; the program ships
them), and switching back to English gives Qt's English again."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QFileDialog, QLabel

from ui.language import apply_language, qt_catalog_folders

SUPPLEMENT = "qtbase_supplement_zh_TW"


def _labels(qtbot) -> list[str]:
    """The labels of Qt's own (non-native) save dialog, as the exports show it."""
    dialog = QFileDialog(None, "export", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    return [label.text() for label in dialog.findChildren(QLabel) if label.text()]


@pytest.fixture
def chinese():
    apply_language("zh_TW")
    yield
    apply_language("en")


def test_a_chinese_file_dialog_has_no_english_labels(qtbot, chinese):
    labels = _labels(qtbot)
    assert {"尋找於(&L)：", "檔名(&N)：", "檔案類型(&T)："} <= set(labels), labels
    assert not [text for text in labels if re.fullmatch(r"[\x00-\x7f]+", text)]


def test_english_again_after_chinese(qtbot, chinese):
    apply_language("en")
    assert "&Look in:" in _labels(qtbot)


def test_the_compiled_supplement_holds_every_message_of_its_source():
    folder = qt_catalog_folders()[-1]
    translator = QTranslator()
    assert translator.load(SUPPLEMENT, folder)
    source = ET.parse(f"{folder}/{SUPPLEMENT}.ts").getroot()
    for context in source.iter("context"):
        for message in context.iter("message"):
            assert translator.translate(context.findtext("name"), message.findtext("source")) \
                == message.findtext("translation")
