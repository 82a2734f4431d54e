"""Every open view, editors included, refreshes from the one typed ``Changes`` an action
returns, and only when it touches what the view shows."""

from __future__ import annotations

from secretariat.services.meetings import actions as action_service
from secretariat.vocabulary import ActionStatus
from tests.ui.window_helpers import loaded_records_page, settle
from ui.changes import MEETING_RECORD, ChangeKind, Changes


def test_marking_an_action_done_on_its_page_updates_the_open_meeting_editor(
        qtbot, actions_store, window):  # noqa: F811
    from ui.records.actions_page import ActionItemsPage

    page, _opened = loaded_records_page(qtbot, window, ActionItemsPage)
    page.table.selectRow(0)
    row = page.selected_row()
    assert row.status == ActionStatus.OPEN
    editor = window.open_meeting(row.meeting_id)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.data is not None, timeout=10000)
    settle(qtbot, window)

    def status_in_editor():
        actions = editor.decisions.actions
        return next(actions.row_at(r).status for r in range(actions.rowCount())
                    if actions.row_at(r).id == row.id)

    assert status_in_editor() == ActionStatus.OPEN
    page.status_actions[ActionStatus.DONE].trigger()
    settle(qtbot, window)
    assert status_in_editor() == ActionStatus.DONE
    window.undo_stack.undo()
    settle(qtbot, window)
    assert status_in_editor() == ActionStatus.OPEN


def test_a_view_reloads_only_for_what_it_shows(qtbot, actions_store, window):  # noqa: F811
    from ui.records.actions_page import ActionItemsPage

    page, _opened = loaded_records_page(qtbot, window, ActionItemsPage)
    loads: list[int] = []
    original = page.refresh
    page.refresh = lambda: (loads.append(1), original())
    window.worker.changed.emit(Changes.of_meeting(ChangeKind.AGENDA, 1))
    window.worker.changed.emit(Changes(ChangeKind.FORUM))
    assert loads == []
    window.worker.changed.emit(Changes.of_meeting(ChangeKind.ACTION_ITEM, 1, ids=(1,)))
    assert loads == [1]
    settle(qtbot, window)


def test_changes_say_whom_they_touch():
    action_done = Changes.of_meeting(ChangeKind.ACTION_ITEM, 7, ids=(3,))
    assert action_done.touches(MEETING_RECORD, 7)  # the editor of meeting 7
    assert not action_done.touches(MEETING_RECORD, 8)  # not the editor of another
    assert not action_done.touches(ChangeKind.MEMBER)  # not the members page
    assert Changes(ChangeKind.MEMBER).touches(ChangeKind.MEMBER, 8)  # no meeting: all
    both = action_done | Changes.of_meeting(ChangeKind.DECISION, 8)
    assert both.touches(ChangeKind.DECISION, 8) and both.meeting_ids == {7, 8}
    assert Changes.everything().touches(ChangeKind.ATTENDANCE, 1)


def test_service_action_status_change_names_its_meeting(actions_store):  # noqa: F811
    from ui.records.actions import set_action_status

    with actions_store.session() as s:
        row = action_service.action_rows(s)[0]
        changes = set_action_status(s, row.id, ActionStatus.DONE,
                                    expected_version=row.version)
        s.rollback()
    assert changes.meeting_ids == {row.meeting_id} and changes.ids == (row.id,)
