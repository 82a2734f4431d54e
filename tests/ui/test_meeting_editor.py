"""Meeting editor: models, details, agenda (keyboard and drop reordering with undo, papers)
and attendance with the live quorum panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from secretariat.model import AttendanceStatus, ItemPurpose, Meeting, Modality
from secretariat.services.meetings import actions as action_service
from secretariat.services.meetings import decisions as decision_service
from secretariat.services import meetings as meeting_service
from tests.ui.editor_helpers import settle
from ui.widgets import select_data


def agenda_titles(store, meeting_id) -> list[str]:
    with store.session() as s:
        meeting = s.get(Meeting, meeting_id)
        return [item.title for item in meeting.agenda_items]


def shown_titles(editor) -> list[str]:
    model = editor.agenda.model
    return [model.row_at(r).title for r in range(model.rowCount())]


def add_item(qtbot, editor, title: str) -> None:
    dialog = editor.agenda.add_item()
    dialog.title.setText(title)
    select_data(dialog.purpose, ItemPurpose.INFORMATION)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert not dialog.isVisible(), dialog.submit_error.text()


def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, editor, env):
    editor.attendance.set_status(0, AttendanceStatus.PRESENT)
    settle(qtbot, editor)
    editor.minutes.start()
    settle(qtbot, editor)
    with env.store.session() as s:
        decision = decision_service.record_decision(s, meeting_id=env.first_id, text="通過")
        action_service.add_action(s, meeting_id=env.first_id, description="回覆民眾意見",
                                  owner_text="國發會", decision_id=decision.id)
        s.commit()
    editor.reload()
    settle(qtbot, editor)
    assert editor.decisions.decisions.rowCount() == 1
    assert editor.decisions.actions.rowCount() == 1
    assert editor.agenda.model.rowCount() == 2
    assert editor.attendance.model.rowCount() == 6
    assert editor.minutes.versions.rowCount() == 1
    for model in (editor.agenda.model, editor.attendance.model, editor.decisions.decisions,
                  editor.decisions.actions, editor.minutes.versions):
        qtmodeltester.check(model)


def test_add_items_reorder_by_keyboard_and_drop_and_undo(qtbot, editor, env):
    add_item(qtbot, editor, "臨時動議")
    assert shown_titles(editor)[-1] == "臨時動議"
    original = agenda_titles(env.store, env.first_id)
    assert original == ["確認上次會議紀錄", "國家行動方案草案討論", "臨時動議"]

    # Keyboard: Ctrl+Up on the last row moves it up one place.
    editor.agenda.select_row(2)
    editor.agenda.view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(editor.agenda.view, Qt.Key.Key_Up, ctrl)
    settle(qtbot, editor)
    assert agenda_titles(env.store, env.first_id) == [
        "確認上次會議紀錄", "臨時動議", "國家行動方案草案討論"]
    assert shown_titles(editor) == agenda_titles(env.store, env.first_id)
    assert editor.agenda.selected_id() == editor.agenda.model.row_at(1).id

    # A drop of row 0 at the end (what the view does for an internal drag).
    model = editor.agenda.model
    mime = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    settle(qtbot, editor)
    assert agenda_titles(env.store, env.first_id) == [
        "臨時動議", "國家行動方案草案討論", "確認上次會議紀錄"]
    assert [model.row_at(r).position for r in range(3)] == [1, 2, 3]

    editor.context.stack.undo()
    settle(qtbot, editor)
    editor.context.stack.undo()
    settle(qtbot, editor)
    assert agenda_titles(env.store, env.first_id) == original
    assert shown_titles(editor) == original
    editor.context.stack.undo()  # the added item goes again
    settle(qtbot, editor)
    assert agenda_titles(env.store, env.first_id) == original[:2]


def test_remove_item_undo_restores_it_in_place_with_its_papers(qtbot, editor, env, tmp_path):
    paper = tmp_path / "草案.txt"
    paper.write_text("國家行動方案草案", encoding="utf-8")
    editor.agenda.select_row(0)
    dialog = editor.agenda.attach_file(paper)
    dialog.restricted.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert [p.title for p in editor.agenda.model.row_at(0).papers] == ["草案"]
    assert editor.agenda.model.row_at(0).papers[0].is_public is False
    editor.agenda.select_row(0)
    editor.agenda.remove_selected()
    settle(qtbot, editor)
    assert shown_titles(editor) == ["國家行動方案草案討論"]
    editor.context.stack.undo()
    settle(qtbot, editor)
    assert shown_titles(editor) == ["確認上次會議紀錄", "國家行動方案草案討論"]
    assert [p.title for p in editor.agenda.model.row_at(0).papers] == ["草案"]


def test_missing_paper_file_gives_a_clear_message(qtbot, editor, env, tmp_path, monkeypatch):
    paper = tmp_path / "agenda-paper.txt"
    paper.write_text("paper", encoding="utf-8")
    editor.agenda.select_row(1)
    dialog = editor.agenda.attach_file(paper)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    for stored in Path(env.store.documents_dir).rglob("*"):
        if stored.is_file():
            stored.unlink()  # the document folder lost the file
    opened = []
    monkeypatch.setattr("ui.meeting_editor.agenda_tab.QDesktopServices.openUrl",
                        lambda url: opened.append(url) or True)
    editor.agenda.select_row(1)
    editor.agenda.open_selected_paper()
    settle(qtbot, editor)
    assert not opened
    assert "missing from the document folder" in editor.errors_shown[-1]


def test_attaching_a_missing_file_saves_nothing(qtbot, editor, env, tmp_path):
    editor.agenda.select_row(0)
    dialog = editor.agenda.attach_file(tmp_path / "gone.pdf")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert dialog.isVisible()
    assert "does not exist" in dialog.submit_error.text()
    assert editor.agenda.model.row_at(0).papers == ()


def test_details_validate_inline_and_save_with_undo(qtbot, editor, env):
    details = editor.details
    select_data(details.modality, Modality.HYBRID)
    assert details._errors["remote_link"].text() == "A remote or hybrid meeting needs a link to join remotely."
    assert not details.save_button.isEnabled()
    details.remote_link.setText("https://meet.example.tw/forum12")
    details.notice_sent.setChecked(True)
    assert not details.save_button.isEnabled()  # to whom?
    details.notice_recipients.setText("全體委員")
    details.is_public.setChecked(True)
    assert details.save_button.isEnabled()
    details.save()
    settle(qtbot, editor)
    form = editor.data.details
    assert (form.modality, form.is_public, form.notice_recipients) == (
        Modality.HYBRID, True, "全體委員")
    assert form.notice_sent_at is not None
    editor.context.stack.undo()
    settle(qtbot, editor)
    assert editor.data.details.modality == Modality.IN_PERSON
    assert editor.data.details.notice_sent_at is None


def test_details_save_and_revert_follow_unsaved_changes_and_saving_is_confirmed(
        qtbot, editor, env):
    details = editor.details

    def buttons() -> tuple[bool, bool]:
        return details.save_button.isEnabled(), details.revert_button.isEnabled()

    assert buttons() == (False, False) and details.status_label.text() == ""
    details.location.setText("國發會大禮堂")
    assert buttons() == (True, True)
    details.location.setText("行政院第一會議室")  # back to the stored value
    assert buttons() == (False, False)

    details.location.setText("國發會大禮堂")
    qtbot.keyClick(details, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert buttons() == (False, False)  # no second save while the first is on its way
    settle(qtbot, editor)
    assert editor.data.details.location == "國發會大禮堂"
    assert buttons() == (False, False) and details.status_label.text() == "Details saved."

    details.title_en.setText("12th Forum Meeting (rescheduled)")
    assert buttons() == (True, True) and details.status_label.text() == ""
    editor.attendance.set_status(0, AttendanceStatus.PRESENT)  # the editor reloads
    settle(qtbot, editor)
    assert details.title_en.text() == "12th Forum Meeting (rescheduled)"  # edit kept
    qtbot.mouseClick(details.revert_button, Qt.MouseButton.LeftButton)
    assert details.title_en.text() == "12th Forum Meeting" and buttons() == (False, False)

    editor.context.stack.undo()  # the attendance
    editor.context.stack.undo()  # the location
    settle(qtbot, editor)
    assert details.location.text() == "行政院第一會議室" and buttons() == (False, False)


def test_attendance_updates_quorum_and_balance_and_undo(qtbot, editor, env):
    tab = editor.attendance
    assert "not met" in tab.quorum_label.text()
    assert "3 required" in tab.quorum_label.text()
    names = [tab.model.row_at(r).name for r in range(tab.model.rowCount())]
    for name in ("林美玲", "陳志明"):
        tab.set_status(names.index(name), AttendanceStatus.PRESENT)
        settle(qtbot, editor)
    proxy_row = names.index("王淑芬")
    tab.set_status(proxy_row, AttendanceStatus.PROXY, represented_by_id=env.people["李雅婷"])
    settle(qtbot, editor)
    summary = editor.data.summary
    assert (summary.members_attending, summary.quorum_met) == (3, True)
    assert (summary.government, summary.non_government) == (1, 2)
    assert "Quorum met" in tab.quorum_label.text()
    assert tab.model.row_at(proxy_row).represented_by == "李雅婷"
    tab.add_guest("Jane Doe (OGP Support Unit)")
    settle(qtbot, editor)
    assert editor.data.summary.guests == 1
    editor.context.stack.undo()  # guest
    settle(qtbot, editor)
    editor.context.stack.undo()  # proxy
    settle(qtbot, editor)
    assert editor.data.summary.members_attending == 2
    assert "not met" in tab.quorum_label.text()


def test_meetings_page_opens_the_editor_on_enter(qtbot, window):
    from tests.ui.window_helpers import create_meeting
    from tests.ui.window_helpers import settle as settle_window

    page = create_meeting(qtbot, window, "第1次論壇會議", 10)
    page.table.selectRow(0)
    assert page.open_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    settle_window(qtbot, window)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.data is not None, timeout=15000)
    assert editor.heading.text() == "第1次論壇會議"
    assert page.open_meeting() is editor  # one window per meeting
    editor.close()
