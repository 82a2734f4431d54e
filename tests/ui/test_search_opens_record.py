"""A search result opens the meeting editor where the record is: an agenda item on the
Agenda tab with that item selected, a decision on the decisions tab, minutes on the
minutes tab at the text that matched (issue #11: it used to land on Details)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from secretariat.services import meetings as meeting_service
from secretariat.services.meetings import decisions as decision_service
from secretariat.services.meetings import minutes as minutes_service
from tests.ui.window_helpers import settle

TAIPEI = ZoneInfo("Asia/Taipei")


@pytest.fixture
def records(forum_store):
    """A meeting with three agenda items, a decision on the third, and minutes whose
    second item's text holds a word found nowhere else."""
    with forum_store.session() as s:
        start = dt.datetime(2026, 5, 4, 14, 0, tzinfo=TAIPEI)
        meeting = meeting_service.schedule_meeting(
            s, title="第十五次論壇會議", starts_at=start, ends_at=start + dt.timedelta(hours=2),
            location="國發會")
        items = [meeting_service.add_agenda_item(s, meeting.id, title=title).id
                 for title in ("確認議程", "開放資料路徑圖", "揭弊者保護法草案")]
        decision = decision_service.record_decision(
            s, meeting_id=meeting.id, agenda_item_id=items[2], text="同意揭弊者保護法草案送行政院")
        decision_service.record_decision(s, meeting_id=meeting.id, text="下次會議於六月召開")
        minutes = minutes_service.start_minutes(s, meeting.id)
        minutes_service.set_minutes_text(s, minutes.id, agenda_item_id=items[1],
                                         text="委員建議以機器可讀格式公開路徑圖")
        s.commit()
        return meeting.id, items, decision.id


def open_result(qtbot, window, query: str, kind: str):
    """Search ``query`` in the toolbar box and press Enter on the result of ``kind``;
    the editor it opened, its records loaded."""
    panel = window.search_panel
    panel.box.setText(query)
    panel.box.flush()
    settle(qtbot, window)
    rows = [r for r in range(panel.model.rowCount()) if panel.model.hit_at(r).kind == kind]
    assert rows, f"no {kind} found for {query}"
    panel.table.activated.emit(panel.model.index(rows[0], 1))
    settle(qtbot, window)
    from ui.meeting_editor.window import _open_editors

    [editor] = _open_editors.values()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.data is not None, timeout=10000)
    settle(qtbot, window)
    return editor


def test_an_agenda_item_result_opens_the_agenda_tab_with_the_item_selected(
        qtbot, window, records):
    _meeting_id, items, _decision_id = records
    editor = open_result(qtbot, window, "路徑圖", "agenda_item")
    assert editor.tabs.currentWidget() is editor.agenda
    assert editor.agenda.selected_id() == items[1]


def test_a_decision_result_opens_the_decisions_tab_with_the_decision_selected(
        qtbot, window, records):
    _meeting_id, _items, decision_id = records
    editor = open_result(qtbot, window, "送行政院", "decision")
    assert editor.tabs.currentWidget() is editor.decisions
    table = editor.decisions.decision_table
    [selected] = table.selectionModel().selectedRows()
    source = table.model().mapToSource(selected)
    assert editor.decisions.decisions.row_at(source.row()).id == decision_id


def test_a_minutes_result_opens_the_minutes_tab_at_the_matching_text(qtbot, window, records):
    _meeting_id, items, _decision_id = records
    editor = open_result(qtbot, window, "機器可讀", "minutes")
    assert editor.tabs.currentWidget() is editor.minutes
    text = editor.minutes.editors[items[1]]
    assert text.hasFocus() or not editor.isActiveWindow()  # offscreen may not focus
    assert editor.minutes.focusWidget() is text


def test_a_result_in_an_editor_already_open_moves_it_to_the_record(qtbot, window, records):
    _meeting_id, items, decision_id = records
    editor = open_result(qtbot, window, "路徑圖", "agenda_item")
    again = open_result(qtbot, window, "送行政院", "decision")
    assert again is editor and editor.tabs.currentWidget() is editor.decisions
