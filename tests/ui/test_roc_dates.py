"""Republic of China (民國) years: a Preferences choice for Chinese, shown by every page,
kept in the settings, and never printed in a PDF unless the export asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from secretariat import i18n
from tests.core.export_helpers import pdf_text
from tests.ui.editor_helpers import seed
from tests.ui.window_helpers import settle
from ui import settings
from ui.language import apply_language
from ui.preferences.language_page import LanguagePage

FIRST_TITLE = "第12次論壇會議"
MEETING_DAY = "2026年3月2日"  # FIRST_TITLE's day
ROC_MEETING_DAY = "民國115年3月2日"
ROC_TERM_START = "民國114年1月1日"  # every seeded member's term starts on 2025-01-01


@pytest.fixture(autouse=True)
def gregorian_afterwards():
    """Autouse, so it is torn down after ``window``, whose teardown re-applies the
    saved preference: no 民國 year leaks into the next test."""
    yield
    settings.ROC_YEARS.reset()
    i18n.set_roc_years(False)


@pytest.fixture
def seeded(forum_store):
    """Members and meetings, in the store before the window reads it."""
    first_id, *_rest = seed(forum_store)
    return first_id


def loaded_page(qtbot, window, key: str):
    page = window.page(key)  # built, and its records asked for, on first use
    settle(qtbot, window)
    return page


def meeting_when(qtbot, window) -> str:
    """The "Date and time" cell of the first seeded meeting in the meetings list."""
    page = loaded_page(qtbot, window, "meetings")
    (row,) = [r for r in range(page.model.rowCount())
              if page.model.row_at(r).title == FIRST_TITLE]
    return page.model.index(row, 0).data()


def term_starts(qtbot, window) -> set[str]:
    page = loaded_page(qtbot, window, "members")
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    column = headers.index(i18n._("Term start"))
    return {page.model.index(r, column).data() for r in range(page.model.rowCount())}


def use_preferences(qtbot, window, change) -> None:
    """Settings ▸ Preferences as a user does: the modal dialog, a change, OK."""
    def interact() -> None:
        dialog = QApplication.activeModalWidget()
        change(dialog.page(LanguagePage))
        dialog.accept()

    QTimer.singleShot(0, interact)
    window.show_preferences()
    settle(qtbot, window)


def in_chinese(qtbot, window) -> None:
    window.switch_language("zh_TW")
    settle(qtbot, window)


def test_the_choice_is_offered_only_in_chinese(qtbot, window):
    from ui.preferences.dialog import PreferencesDialog

    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    page = dialog.page(LanguagePage)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert not page.roc_years.isEnabled()
    assert "繁體中文" in page.roc_note.text()
    page.language.setCurrentIndex(page.language.findData("zh_TW"))
    assert page.roc_years.isEnabled()
    assert "民國" in page.roc_note.text()


def test_toggling_the_preference_changes_the_dates_shown_and_survives_a_restart(
        qtbot, seeded, window, forum_store):
    in_chinese(qtbot, window)
    assert meeting_when(qtbot, window).startswith(MEETING_DAY)
    assert term_starts(qtbot, window) == {"2025年1月1日"}

    use_preferences(qtbot, window, lambda page: page.roc_years.setChecked(True))
    assert settings.ROC_YEARS.value() is True
    assert meeting_when(qtbot, window).startswith(ROC_MEETING_DAY)
    assert term_starts(qtbot, window) == {ROC_TERM_START}
    years = loaded_page(qtbot, window, "minutes").decisions.year_combo
    assert "民國115年" in [years.itemText(i) for i in range(years.count())]

    # A new start: the process forgets, the settings file remembers.
    window.close()
    i18n.set_roc_years(False)
    i18n.set_language("en")
    restarted = restart(qtbot, forum_store)
    assert meeting_when(qtbot, restarted).startswith(ROC_MEETING_DAY)
    assert term_starts(qtbot, restarted) == {ROC_TERM_START}

    use_preferences(qtbot, restarted, lambda page: page.roc_years.setChecked(False))
    assert meeting_when(qtbot, restarted).startswith(MEETING_DAY)
    assert term_starts(qtbot, restarted) == {"2025年1月1日"}


def test_english_dates_ignore_the_preference(qtbot, seeded, window):
    settings.ROC_YEARS.set(True)
    window.switch_language("en")
    settle(qtbot, window)
    assert meeting_when(qtbot, window).startswith("Mar 2, 2026")


def restart(qtbot, store):
    """What ``ui.app.main`` does: apply the saved language, then build the window."""
    from ui.main_window import MainWindow

    apply_language(settings.language())
    window = MainWindow(store)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_load_done, timeout=10000):
        window.show()
    return window


def test_a_pdf_has_no_roc_years_unless_its_export_asks(qtbot, seeded, window, tmp_path):
    from ui.meeting_editor import open_meeting_editor
    from ui.meeting_editor.export import ExportOptionsDialog

    in_chinese(qtbot, window)
    use_preferences(qtbot, window, lambda page: page.roc_years.setChecked(True))
    assert meeting_when(qtbot, window).startswith(ROC_MEETING_DAY)  # the preference is on

    editor = open_meeting_editor(window.context, seeded, window)
    options = ExportOptionsDialog(editor, "agenda")
    qtbot.addWidget(options)
    assert options.language.currentData() == "zh_TW"
    assert options.roc.isChecked()  # begins as the display preference...
    options.roc.setChecked(False)  # ...but each export makes its own choice

    def export(roc: bool) -> str:
        out = Path(tmp_path / f"agenda-{roc}.pdf")
        with qtbot.waitSignal(editor.exported, timeout=30000):
            editor.exporter.export("agenda", out, language="zh_TW", roc=roc, offer_open=False)
        return "".join(pdf_text(out).split())

    plain = export(options.roc.isChecked())
    assert MEETING_DAY in plain and "民國" not in plain
    options.roc.setChecked(True)
    assert ROC_MEETING_DAY in export(options.roc.isChecked())
    assert meeting_when(qtbot, window).startswith(ROC_MEETING_DAY)  # the window kept its years
    editor.close()
