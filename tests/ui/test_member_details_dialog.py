"""The member dialog's optional details: gender (a choice, "Not recorded" unless given),
region, and the English name of a new seat, which the members table shows in English."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from secretariat.vocabulary import Gender
from tests.ui.window_helpers import settle
from ui.language import apply_language


def _seat_column(page) -> int:
    return next(c for c in range(page.model.columnCount())
                if page.model.headerData(c, Qt.Orientation.Horizontal) in ("Seat", "席次"))


def _add(qtbot, window, **fields):
    page = window.page("members")
    dialog = page.add_member()
    assert dialog.gender.currentData() == Gender.NOT_RECORDED
    assert dialog.gender.currentText() == "Not recorded"
    assert dialog.region.text() == "" and dialog.seat_en.text() == ""
    dialog.name.setText("林美玲")
    dialog.set_term_start(dt.date.today() - dt.timedelta(days=30))
    dialog.seat.setText(fields.get("seat", "公民團體席次 1"))
    dialog.seat_en.setText(fields.get("seat_en", "Civil society seat 1"))
    dialog.gender.setCurrentIndex(dialog.gender.findData(fields.get("gender", Gender.FEMALE)))
    dialog.region.setText(fields.get("region", "北部"))
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not dialog.isVisible()
    return page


def test_added_details_are_kept_and_the_seat_shows_in_the_ui_language(qtbot, window):
    page = _add(qtbot, window)
    row = page.model.row_at(0)
    assert (row.gender, row.region, row.seat_label_en) == ("female", "北部",
                                                           "Civil society seat 1")
    column = _seat_column(page)
    assert page.model.index(0, column).data() == "Civil society seat 1"
    try:
        window.switch_language("zh_TW")
        settle(qtbot, window)
        page = window.page("members")  # the pages are rebuilt in the new language
        assert page.model.index(0, _seat_column(page)).data() == "公民團體席次 1"
    finally:
        apply_language("en")


def test_a_seat_without_an_english_name_shows_its_chinese_one(qtbot, window):
    page = _add(qtbot, window, seat="公民團體席次 2", seat_en="")
    assert page.model.index(0, _seat_column(page)).data() == "公民團體席次 2"


def test_editing_gender_and_region_and_undo(qtbot, window):
    page = _add(qtbot, window)
    page.table.selectRow(0)
    page.edit_selected()
    settle(qtbot, window)
    dialog = page.edit_dialog
    assert dialog.gender.currentData() == Gender.FEMALE and dialog.region.text() == "北部"
    assert not dialog.seat_en.isEnabled()  # the seat is fixed while editing
    dialog.gender.setCurrentIndex(dialog.gender.findData(Gender.NOT_RECORDED))
    dialog.region.setText("花蓮縣")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert (page.model.row_at(0).gender, page.model.row_at(0).region) == ("", "花蓮縣")

    window.undo_stack.undo()
    settle(qtbot, window)
    assert (page.model.row_at(0).gender, page.model.row_at(0).region) == ("female", "北部")


def test_an_organisations_english_name_shows_in_english(qtbot, window):
    from secretariat.services.members import add_member
    from secretariat.services.members.people import get_or_create_organisation

    with window.store.session() as s:
        get_or_create_organisation(s, "數位發展部", name_en="Ministry of Digital Affairs")
        add_member(s, name="陳志明", organisation="數位發展部", sector_code="government_agency",
                   role="member", term_start=dt.date.today() - dt.timedelta(days=3))
        s.commit()
    page = window.page("members")
    page.refresh()
    settle(qtbot, window)
    column = next(c for c in range(page.model.columnCount())
                  if page.model.headerData(c, Qt.Orientation.Horizontal) == "Organisation")
    assert page.model.index(0, column).data() == "Ministry of Digital Affairs"
