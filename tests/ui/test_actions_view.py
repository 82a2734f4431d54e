"""Action items: status filter, the overdue list highlighted, status change with undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from secretariat.model import ActionStatus
from secretariat.services.meetings import actions as action_service
from tests.ui.window_helpers import TODAY, loaded_records_page, settle
from ui.records.actions_model import OVERDUE_BACKGROUND, ActionTableModel
from ui.records.actions import load_actions
from ui.records.runner import SessionRunner


def loaded_model(store, **filters) -> ActionTableModel:
    model = ActionTableModel(today=TODAY)
    SessionRunner(store).submit(
        lambda s: load_actions(s, status=filters.get("status"),
                               overdue_on=filters.get("overdue_on")), model.set_rows)
    return model


def descriptions(model) -> list[str]:
    return [model.row_at(r).description for r in range(model.rowCount())]


def test_model_passes_tester_and_highlights_overdue(qtmodeltester, actions_store):
    model = ActionTableModel(today=TODAY)
    qtmodeltester.check(model)
    model = loaded_model(actions_store)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert descriptions(model)[0] == "提出開放資料行動方案修正草案"  # soonest due first
    overdue = model.overdue_rows()
    assert [model.row_at(r).description for r in overdue] == [
        "提出開放資料行動方案修正草案", "Publish the consultation report"]
    assert model.index(overdue[0], 1).data(Qt.ItemDataRole.BackgroundRole).color() == \
        OVERDUE_BACKGROUND
    done_row = descriptions(model).index("更新論壇網站")
    assert model.index(done_row, 1).data(Qt.ItemDataRole.BackgroundRole) is None


def test_filters_by_status_and_overdue(actions_store):
    assert descriptions(loaded_model(actions_store, status=ActionStatus.DONE)) == ["更新論壇網站"]
    assert descriptions(loaded_model(actions_store, overdue_on=TODAY)) == [
        "提出開放資料行動方案修正草案", "Publish the consultation report"]


def test_page_overdue_toggle_and_undoable_status_change(qtbot, window, actions_store):
    from ui.records.actions_page import ActionItemsPage

    page, opened = loaded_records_page(qtbot, window, ActionItemsPage)
    assert page.model.rowCount() == 4
    assert page.count_label.text() == "4 action items · 2 overdue"
    page.overdue_box.setChecked(True)
    settle(qtbot, window)
    assert descriptions(page.model) == ["提出開放資料行動方案修正草案",
                                        "Publish the consultation report"]

    page.table.selectRow(0)
    row = page.selected_row()
    assert not page.status_actions[ActionStatus.OPEN].isEnabled()  # already open
    page.status_actions[ActionStatus.DONE].trigger()
    settle(qtbot, window)
    # Done is no longer overdue: the list shrinks, and the change can be undone.
    assert descriptions(page.model) == ["Publish the consultation report"]
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    settle(qtbot, window)
    assert descriptions(page.model) == ["提出開放資料行動方案修正草案",
                                        "Publish the consultation report"]
    with window.store.session() as s:
        rows = {r.id: r for r in action_service.action_rows(s)}
    assert rows[row.id].status == ActionStatus.OPEN and rows[row.id].completed_on is None
    window.undo_stack.redo()
    settle(qtbot, window)
    with window.store.session() as s:
        assert action_service.action_rows(s, status=ActionStatus.DONE)[0].completed_on == \
            dt.date.today()

    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [row.meeting_id]
