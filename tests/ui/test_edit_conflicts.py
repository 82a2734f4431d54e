"""Two workstations: the editor's saves carry the version they opened, so a change made
meanwhile elsewhere is refused with a way to reload, and nothing is overwritten.

Before, the Details and Minutes saves compared the form with the row at write time and
passed no version: the form's stale values counted as edits and reverted the other
workstation's change without a word.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from secretariat.services import meetings as meeting_service
from secretariat.services.meetings import minutes as minutes_service
from tests.ui.editor_helpers import ROOM, settle

OTHER_ROOM = "國發會大禮堂"


def change_elsewhere(store, **fields) -> None:
    with store.session() as s:
        meeting_service.update_meeting(s, store_meeting_id(store), **fields)
        s.commit()


def store_meeting_id(store) -> int:
    with store.session() as s:
        return next(r.id for r in meeting_service.list_meetings(s) if r.title == "第12次論壇會議")


def stored(store, meeting_id: int):
    with store.session() as s:
        return meeting_service.meeting_values(s, meeting_id)


def test_details_saved_over_a_change_made_elsewhere_are_refused_then_reloaded(
        qtbot, editor, env):
    details = editor.details
    assert details.location.text() == ROOM
    change_elsewhere(env.store, location=OTHER_ROOM)  # another workstation, committed

    details.title_en.setText("12th Forum Meeting (draft agenda)")
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)

    box = details.conflict_box
    assert box is not None and box.isVisible()
    assert "changed by someone else" in box.text()
    after = stored(env.store, env.first_id)
    assert after.location == OTHER_ROOM  # the other change stands
    assert after.title_en == "12th Forum Meeting"  # and this save wrote nothing
    assert editor.context.stack.count() == 0  # nothing to undo: nothing was done

    box.reload_button.click()
    settle(qtbot, editor)
    assert details.location.text() == OTHER_ROOM
    assert details.title_en.text() == "12th Forum Meeting" and not details.is_dirty()

    details.title_en.setText("12th Forum Meeting (draft agenda)")  # again, now current
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    after = stored(env.store, env.first_id)
    assert (after.location, after.title_en) == (OTHER_ROOM, "12th Forum Meeting (draft agenda)")


def test_details_write_only_what_the_clerk_changed(qtbot, editor, env):
    """Two saves in a row: the second one carries the version the first one produced."""
    details = editor.details
    details.title_en.setText("First")
    details.save()
    details_saved = lambda: details.status_label.text() == "Details saved."  # noqa: E731
    qtbot.waitUntil(details_saved, timeout=10000)
    details.location.setText(OTHER_ROOM)
    details.save()
    settle(qtbot, editor)
    assert details.conflict_box is None
    after = stored(env.store, env.first_id)
    assert (after.title_en, after.location) == ("First", OTHER_ROOM)


def test_minutes_saved_over_an_edit_made_elsewhere_are_refused_then_reloaded(
        qtbot, editor, env):
    tab = editor.minutes
    tab.start()
    settle(qtbot, editor)
    minutes_id = tab.current.id
    with env.store.session() as s:  # another workstation writes the general remarks
        minutes_service.set_minutes_text(s, minutes_id, text="另一工作站的紀錄")
        s.commit()

    first_item = editor.data.agenda[0].id
    tab.editors[first_item].setPlainText("與會者確認上次會議紀錄。")
    tab.save()
    settle(qtbot, editor)
    box = tab.conflict_box
    assert box is not None and box.isVisible()
    with env.store.session() as s:
        assert minutes_service.get_minutes(s, minutes_id).general_text == "另一工作站的紀錄"
        assert all(e.text == "" for e in minutes_service.minutes_entries(s, minutes_id))
    assert tab.dirty()  # the clerk's text is still on screen, unsaved

    box.reload_button.click()
    settle(qtbot, editor)
    assert tab.editors[None].toPlainText() == "另一工作站的紀錄"
    assert not tab.dirty()


def test_meeting_dialog_saved_over_a_change_elsewhere_offers_to_reopen(qtbot, window):
    from tests.ui.window_helpers import create_meeting, meeting_titles

    page = create_meeting(qtbot, window, "原標題", 10)
    page.table.selectRow(0)
    meeting_id = page.selected_id()
    page.edit_selected()
    settle(qtbot, window)
    dialog = page.edit_dialog
    with window.store.session() as s:  # another workstation moves the meeting
        meeting_service.update_meeting(s, meeting_id, location=OTHER_ROOM)
        s.commit()
    dialog.title.setText("新標題")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.isVisible() and "changed by someone else" in dialog.submit_error.text()
    after = stored(window.store, meeting_id)
    assert (after.title, after.location) == ("原標題", OTHER_ROOM)  # nothing overwritten

    dialog.conflict_box.reload_button.click()
    settle(qtbot, window)
    again = page.edit_dialog
    assert again is not dialog and again.location.text() == OTHER_ROOM
    again.title.setText("新標題")
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert meeting_titles(page) == ["新標題"]
    assert stored(window.store, meeting_id).location == OTHER_ROOM


def test_member_dialog_saved_over_a_change_elsewhere_is_refused(qtbot, window):
    from secretariat.services import members as member_service
    from secretariat.services.members import people as people_service
    from tests.ui.window_helpers import add_member

    page = add_member(qtbot, window, name="林小明")
    page.table.selectRow(0)
    membership_id = page.selected_id()
    page.edit_selected()
    settle(qtbot, window)
    dialog = page.edit_dialog
    with window.store.session() as s:
        person_id = member_service.membership_values(s, membership_id).person_id
        people_service.update_person(s, person_id, name_en="Lin Hsiao-ming")
        s.commit()
    dialog.name.setText("林曉明")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.conflict_box is not None
    with window.store.session() as s:
        values = member_service.membership_values(s, membership_id)
    assert (values.name, values.name_en) == ("林小明", "Lin Hsiao-ming")
    dialog.conflict_box.reload_button.click()
    settle(qtbot, window)
    assert page.edit_dialog.name_en.text() == "Lin Hsiao-ming"
    page.edit_dialog.reject()


def test_undo_of_an_edit_changed_elsewhere_since_is_refused(qtbot, editor, env):
    details = editor.details
    details.title_en.setText("Renamed")
    details.save()
    settle(qtbot, editor)
    stack = editor.context.stack
    assert stack.count() == 1
    change_elsewhere(env.store, title_en="Renamed elsewhere")
    failures: list = []
    stack.step_failed.connect(failures.append)
    stack.undo()
    settle(qtbot, editor)
    assert failures and "changed by someone else" in str(failures[0])
    assert stack.index() == 1  # still after the edit, as the records are
    assert stored(env.store, env.first_id).title_en == "Renamed elsewhere"

    editor.reload()  # after reloading, this workstation's own undo still works
    settle(qtbot, editor)
    details.location.setText(OTHER_ROOM)
    details.save()
    settle(qtbot, editor)
    stack.undo()
    settle(qtbot, editor)
    assert stored(env.store, env.first_id).location == ROOM
