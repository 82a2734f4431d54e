"""Undo that the records refuse leaves the stack as it was; irreversible steps close it.

Before ``ui.undo.UndoStack``, QUndoStack moved its index before the command's job ran on
the worker: a refused undo (a decision chained since) left the stack one step back, and
the next redo recorded the decision a second time.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from secretariat.services.meetings import decisions as decision_service
from secretariat.services.meetings import minutes as minutes_service
from tests.ui.editor_helpers import TAIPEI, attend, settle
from ui.meeting_editor.actions import DecisionForm


def record_decision(qtbot, editor, text: str) -> None:
    errors: list = []
    editor.commands.record_decision(DecisionForm(text=text), errors.append)
    settle(qtbot, editor)
    assert not errors


def approve_elsewhere(store, meeting_id: int, decision_id: int) -> None:
    """Another workstation starts, circulates and approves the minutes: the meeting's
    decisions enter the audit chain."""
    with store.session() as s:
        minutes = minutes_service.start_minutes(s, meeting_id)
        minutes_service.circulate_minutes(
            s, minutes.id, circulated_at=dt.datetime(2026, 3, 9, 10, tzinfo=TAIPEI),
            circulated_to="members")
        minutes_service.approve_minutes(s, minutes.id, decision_id=decision_id)
        s.commit()


def decisions_of(store, meeting_id: int) -> int:
    with store.session() as s:
        return decision_service.decision_count(s, meeting_id=meeting_id)


def test_refused_undo_keeps_the_stack_and_redo_makes_no_duplicate(qtbot, editor, env):
    attend(qtbot, editor, 3)
    stack = editor.context.stack
    before = stack.count()
    record_decision(qtbot, editor, "通過行動方案草案")
    assert stack.count() == before + 1 and stack.index() == before + 1
    approve_elsewhere(env.store, env.first_id, env.approving_decision_id)

    failures: list = []
    stack.step_failed.connect(failures.append)
    stack.undo()
    settle(qtbot, editor)
    assert len(failures) == 1 and editor.errors_shown  # the refusal was shown
    assert stack.index() == before + 1  # still after the decision, as the records are
    assert not stack.canRedo()
    stack.redo()  # nothing to redo: no second decision
    settle(qtbot, editor)
    assert decisions_of(env.store, env.first_id) == 1
    assert editor.decisions.decisions.rowCount() == 1


def test_undo_presses_wait_for_the_step_before_them(qtbot, editor, env):
    stack = editor.context.stack
    record_decision(qtbot, editor, "第一項決議")
    record_decision(qtbot, editor, "第二項決議")
    stack.undo()
    stack.undo()  # pressed while the first undo is still on the worker
    settle(qtbot, editor)
    qtbot.waitUntil(lambda: stack.index() == 0 and not stack.in_flight, timeout=10000)
    assert decisions_of(env.store, env.first_id) == 0
    stack.redo()
    stack.redo()
    settle(qtbot, editor)
    qtbot.waitUntil(lambda: stack.index() == 2, timeout=10000)
    assert decisions_of(env.store, env.first_id) == 2


def test_approving_minutes_is_not_undoable_and_closes_the_history(
        qtbot, qtmodeltester, editor, env):
    attend(qtbot, editor, 3)
    record_decision(qtbot, editor, "通過行動方案草案")
    stack = editor.context.stack
    assert stack.count() > 0
    editor.minutes.start()
    settle(qtbot, editor)
    with env.store.session() as s:
        minutes = minutes_service.latest_minutes(s, env.first_id)
        minutes_service.circulate_minutes(
            s, minutes.id, circulated_at=dt.datetime(2026, 3, 9, 10, tzinfo=TAIPEI),
            circulated_to="members")
        s.commit()
    editor.reload()
    settle(qtbot, editor)
    notes: list[str] = []
    stack.history_closed.connect(notes.append)
    editor.minutes.approve()
    settle(qtbot, editor)
    approve = editor.minutes.dialog
    qtmodeltester.check(approve.model)
    approve.table.selectRow(0)
    qtbot.mouseClick(approve.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert not approve.isVisible(), approve.submit_error.text()
    assert stack.count() == 0 and not stack.canUndo()  # nothing left to offer for undo
    assert notes and "cannot be undone" in notes[0]
    assert "cannot be undone" in editor.statusBar().currentMessage()
    assert editor.undo_action.text() == "&Undo" and not editor.undo_action.isEnabled()
