"""Date pickers follow the 民國 preference: they show 民國 years, read a typed 民國 date
(and still a Gregorian one), and the arrow keys step the section under the cursor."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from secretariat import i18n
from ui import settings
from ui.language import apply_language
from ui.meetings.meeting_dialog import datetime_edit, wall_time
from ui.widgets import date_edit, from_qdate

START = dt.datetime(2026, 3, 2, 14, 0)


@pytest.fixture
def roc(qapp):
    settings.ROC_YEARS.set(True)
    apply_language("zh_TW")
    yield
    settings.ROC_YEARS.reset()
    i18n.set_roc_years(False)
    apply_language("en")


def typed(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit, text)  # ASCII only: Chinese key clicks abort Qt's test keyboard
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_dates_show_roc_years(qtbot, roc):
    day, when = date_edit(START.date()), datetime_edit(START)
    for edit in (day, when):
        qtbot.addWidget(edit)
    assert day.text() == "民國 115-03-02"
    assert when.text() == "民國 115-03-02 14:00"
    assert day.sizeHint().width() >= day.fontMetrics().horizontalAdvance(day.text())


@pytest.mark.parametrize("text, expected", [
    ("114-12-31", dt.date(2025, 12, 31)),
    ("114/1/5", dt.date(2025, 1, 5)),
    ("2024-02-29", dt.date(2024, 2, 29)),  # a four-digit year is Gregorian
    ("114-02-30", START.date()),  # no such day: the date stays
])
def test_a_typed_roc_date_is_read(qtbot, roc, text, expected):
    edit = date_edit(START.date())
    qtbot.addWidget(edit)
    edit.show()
    typed(qtbot, edit, text)
    assert from_qdate(edit.date()) == expected
    assert edit.text() == f"民國 {expected.year - 1911:>3}-{expected:%m-%d}"


def test_a_typed_roc_date_and_time_is_read(qtbot, roc):
    edit = datetime_edit(START)
    qtbot.addWidget(edit)
    edit.show()
    typed(qtbot, edit, "114-12-31 09:30")
    assert wall_time(edit) == dt.datetime(2025, 12, 31, 9, 30)
    assert edit.text() == "民國 114-12-31 09:30"


def test_the_arrow_keys_step_the_section_under_the_cursor(qtbot, roc):
    edit = date_edit(START.date())
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.lineEdit().setCursorPosition(4)  # in the year
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert from_qdate(edit.date()) == dt.date(2027, 3, 2)
    edit.lineEdit().setCursorPosition(8)  # in the month
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert from_qdate(edit.date()) == dt.date(2027, 2, 2)
    assert edit.text() == "民國 116-02-02"


def test_without_the_preference_dates_stay_gregorian(qtbot):
    apply_language("zh_TW")  # 民國 off
    try:
        edit = date_edit(START.date())
        qtbot.addWidget(edit)
        assert edit.text() == "2026-03-02"
    finally:
        apply_language("en")


def test_an_open_meeting_editor_follows_the_preference(qtbot, env):
    from tests.ui.editor_helpers import settle
    from ui.meeting_editor import open_meeting_editor

    apply_language("zh_TW")
    editor = open_meeting_editor(env.context, env.first_id)
    qtbot.waitUntil(lambda: editor.data is not None, timeout=15000)
    assert editor.details.starts.text().startswith("2026-03-02")
    settings.ROC_YEARS.set(True)
    try:
        apply_language("zh_TW")
        editor = editor.follow_regional_settings()  # as the main window does
        qtbot.waitUntil(lambda: editor.data is not None, timeout=15000)
        settle(qtbot, editor)
        assert editor.details.starts.text() == "民國 115-03-02 14:00"
    finally:
        editor.close()
        settings.ROC_YEARS.reset()
        i18n.set_roc_years(False)
        apply_language("en")
