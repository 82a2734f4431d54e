"""Meeting editor: minutes lifecycle (approval by a later meeting locks them; a correction
is version 2 with a visible difference), decision validation, action items, exports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, Qt

from secretariat.errors import SecretariatError
from secretariat.model import ActionStatus, DecisionMethod, MinutesStatus
from secretariat.services.meetings import decisions as decision_service
from tests.ui.editor_helpers import attend, settle
from ui.meeting_editor import actions as ops_records
from ui.meeting_editor.minutes_dialogs import diff_html
from ui.widgets import select_data


def test_minutes_draft_circulate_approve_lock_correct_and_diff(qtbot, editor, env):
    tab = editor.minutes
    assert tab.buttons["start"].isEnabled() and not tab.buttons["save"].isEnabled()
    tab.start()
    settle(qtbot, editor)
    first_item = editor.data.agenda[0].id
    tab.editors[first_item].setPlainText("與會者確認上次會議紀錄。")
    tab.editors[None].setPlainText("主席宣布開會。")
    assert tab.buttons["save"].isEnabled()
    tab.save()
    settle(qtbot, editor)
    assert tab.state.entries[0].text == "與會者確認上次會議紀錄。"
    assert tab.state.general_text == "主席宣布開會。"

    dialog = tab.circulate()
    circulate_on(dialog, QDate(2026, 3, 9))  # a week after the meeting, before the next
    dialog.to.setText("全體委員（電子郵件）")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert tab.current.status == MinutesStatus.CIRCULATED
    assert "Circulated on" in tab.banner.text() and "全體委員" in tab.banner.text()
    assert tab.editors[first_item].isReadOnly()

    tab.approve()
    settle(qtbot, editor)
    approve = tab.dialog
    assert [approve.model.row_at(r).id for r in range(approve.model.rowCount())] == [
        env.approving_decision_id]  # only decisions of later meetings are offered
    assert not approve.ok_button.isEnabled()
    approve.table.selectRow(0)
    qtbot.mouseClick(approve.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert tab.current.status == MinutesStatus.LOCKED
    assert "Approved by Decision 1 of meeting 2 (2026)" in tab.banner.text()
    assert "Locked" in tab.banner.text()
    assert all(e.isReadOnly() for e in tab.editors.values())
    assert not tab.buttons["save"].isEnabled() and tab.buttons["correct"].isEnabled()

    correct = tab.correct()
    correct.reason.setPlainText("更正出席人數")
    qtbot.mouseClick(correct.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert [v.version_no for v in tab.state.versions] == [1, 2]
    assert tab.current.status == MinutesStatus.DRAFT
    assert not tab.editors[first_item].isReadOnly()
    tab.editors[first_item].setPlainText("與會者確認上次會議紀錄，無修正。")
    tab.save()
    settle(qtbot, editor)
    tab.compare()
    settle(qtbot, editor)
    html = tab.diff_view.toHtml()
    assert "無修正" in html and "#c8f0c8" in html  # the insertion, in green


def circulate_on(dialog, day: QDate) -> None:
    dialog.when.setDateTime(QDateTime(day, QTime(10, 0)))


def test_meetings_held_before_circulation_are_not_offered_for_approval(qtbot, editor, env):
    editor.minutes.start()
    settle(qtbot, editor)
    dialog = editor.minutes.circulate()
    circulate_on(dialog, QDate(2026, 4, 7))  # the day after the second meeting
    dialog.to.setText("members")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    with env.store.session() as s:
        assert ops_records.approval_candidates(s, env.first_id) == []
        with pytest.raises(SecretariatError, match="circulated before the meeting"):
            ops_records.approve(s, editor.minutes.current.id, env.approving_decision_id)


def test_approval_by_the_same_meeting_is_refused_with_its_message(qtbot, editor, env):
    attend(qtbot, editor, 1)
    editor.minutes.start()
    settle(qtbot, editor)
    dialog = editor.minutes.circulate()
    dialog.to.setText("members")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    with env.store.session() as s:
        own = decision_service.record_decision(s, meeting_id=env.first_id, text="自行確認")
        s.commit()
        own_id = own.id
    minutes_id = editor.minutes.current.id

    def submit(decision_id, dialog) -> None:
        editor.minutes._run(lambda s: ops_records.approve(s, minutes_id, decision_id),
                            dialog.failed, dialog.succeeded)

    from ui.meeting_editor.minutes_dialogs import ApproveDialog

    approve = ApproveDialog(editor, [], submit)
    submit(own_id, approve)
    settle(qtbot, editor)
    assert "cannot approve its own minutes" in approve.submit_error.text()
    editor.reload()
    settle(qtbot, editor)
    assert editor.minutes.current.status == MinutesStatus.CIRCULATED


def test_diff_html_escapes_text():
    from secretariat.services.meetings.minutes import ItemDiff, MinutesDiff

    diff = MinutesDiff(1, 2, 1, 2, [ItemDiff(5, "<b>議程</b>", True, [
        ("equal", "a<"), ("delete", "x&y"), ("insert", "<script>")])], "")
    html = diff_html(diff)
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "&lt;b&gt;議程" in html and "x&amp;y" in html


def test_decision_with_too_many_votes_is_refused_and_nothing_saved(qtbot, editor, env):
    attend(qtbot, editor, 3)
    dialog = editor.decisions.record_decision()
    assert len(dialog.voters.recused) == 3
    dialog.text.setPlainText("通過國家行動方案草案。")
    select_data(dialog.method, DecisionMethod.VOTE)
    dialog.votes["for"].setValue(3)
    dialog.votes["against"].setValue(1)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert dialog.isVisible()
    assert "4 votes were counted but only 3 members" in dialog.submit_error.text()
    with env.store.session() as s:
        assert decision_service.decision_count(s, meeting_id=env.first_id) == 0

    dialog.voters.set_recused(next(iter(dialog.voters.recused)))
    dialog.votes["for"].setValue(2)
    dialog.votes["against"].setValue(0)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert not dialog.isVisible(), dialog.submit_error.text()
    rows = editor.decisions.decisions
    assert rows.rowCount() == 1 and rows.row_at(0).recusal_count == 1
    editor.context.stack.undo()
    settle(qtbot, editor)
    assert rows.rowCount() == 0


def test_consensus_with_counts_is_refused(qtbot, editor, env):
    attend(qtbot, editor, 2)
    dialog = editor.decisions.record_decision()
    dialog.text.setPlainText("共識決")
    form = dialog.value()
    assert form.votes_for is None  # consensus sends no counts even if typed
    from ui.meeting_editor.actions import DecisionForm

    dialog._submitter(DecisionForm(text="共識決", votes_for=1), dialog)
    settle(qtbot, editor)
    assert "consensus has no vote counts" in dialog.submit_error.text()


def test_action_items_add_and_edit_status(qtbot, editor, env):
    tab = editor.decisions
    dialog = tab.add_action()
    dialog.description.setText("提供草案英文版")
    assert not dialog.ok_button.isEnabled()
    dialog.owner_text.setText("國家發展委員會")
    dialog.due.enabled_box.setChecked(True)
    dialog.due.edit.setDate(dialog.due.edit.date().fromString("2026-03-20", "yyyy-MM-dd"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert tab.actions.rowCount() == 1
    tab.action_table.selectRow(0)
    dialog = tab.edit_selected_action()
    select_data(dialog.status, ActionStatus.DONE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert tab.actions.row_at(0).status == ActionStatus.DONE
    editor.context.stack.undo()
    settle(qtbot, editor)
    assert tab.actions.row_at(0).status == ActionStatus.OPEN


def test_export_agenda_pdf_and_calendar(qtbot, editor, env, tmp_path):
    out = tmp_path / "agenda.pdf"
    with qtbot.waitSignal(editor.exported, timeout=30000):
        editor.exporter.export("agenda", out, language="zh_TW", roc=True, offer_open=False)
    assert out.read_bytes().startswith(b"%PDF")
    ics = tmp_path / "meeting.ics"
    with qtbot.waitSignal(editor.exported, timeout=30000):
        editor.exporter.export("calendar", ics, language="en", offer_open=False)
    assert b"BEGIN:VEVENT" in ics.read_bytes()


def test_minutes_pdf_without_minutes_says_so(qtbot, editor, env, tmp_path):
    editor.exporter.export("minutes", tmp_path / "m.pdf", language="en", offer_open=False)
    settle(qtbot, editor)
    assert editor.errors_shown and not (tmp_path / "m.pdf").exists()
