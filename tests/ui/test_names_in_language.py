"""The English interface shows a person's English name and a meeting's English title
wherever the clerk entered one (attendance, presenters, owners, the action items list),
and the Chinese where there is none; Chinese shows the Chinese."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.model import AttendanceStatus
from secretariat.services import meetings as meeting_service
from secretariat.services.meetings import actions as action_service
from secretariat.services.meetings import decisions as decision_service
from secretariat.services.members import add_member
from tests.ui.editor_helpers import TAIPEI, settle
from ui.language import apply_language
from ui.records.actions import load_actions
from ui.records.actions_model import ActionTableModel


@pytest.fixture
def named(forum_store):
    """A meeting with an English title; 林美玲 (Lin Mei-ling) attends, presents an item
    (typed by name) and owns an action; 陳志明 has no English name and she is his proxy."""
    with forum_store.session() as s:
        lin = add_member(s, name="林美玲", name_en="Lin Mei-ling", sector_code="civil_society",
                         role="member", term_start=dt.date(2025, 1, 1)).person_id
        chen = add_member(s, name="陳志明", sector_code="academia", role="member",
                          term_start=dt.date(2025, 1, 1)).person_id
        meeting = meeting_service.schedule_meeting(
            s, title="第12次論壇會議", title_en="12th Forum Meeting", location="行政院",
            starts_at=dt.datetime(2026, 3, 2, 14, 0, tzinfo=TAIPEI),
            ends_at=dt.datetime(2026, 3, 2, 16, 0, tzinfo=TAIPEI))
        item = meeting_service.add_agenda_item(s, meeting.id, title="開放資料", title_en="Open data",
                                               presenter="林美玲")
        meeting_service.add_agenda_item(s, meeting.id, title="預算", presenter="國家發展委員會")
        meeting_service.set_attendance(s, meeting.id, person_id=lin,
                                       status=AttendanceStatus.PRESENT)
        meeting_service.set_attendance(s, meeting.id, person_id=chen,
                                       status=AttendanceStatus.PROXY, represented_by_id=lin)
        action_service.add_action(s, meeting_id=meeting.id, description="彙整意見",
                                  owner_person_id=lin)
        decision_service.record_decision(s, meeting_id=meeting.id, agenda_item_id=item.id,
                                         text="通過開放資料計畫")
        s.commit()
        return meeting.id


@pytest.fixture
def named_editor(qtbot, named, forum_store):
    from ui.meeting_editor import window as window_module
    from ui.undo import CommandContext, UndoStack
    from ui.worker import DatabaseWorker

    apply_language("en")
    worker = DatabaseWorker(forum_store)
    editor = window_module.open_meeting_editor(
        CommandContext(worker, UndoStack(worker)), named)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.data is not None, timeout=15000)
    settle(qtbot, editor)
    yield editor
    settle(qtbot, editor)
    apply_language("en")


def column(model, title: str) -> list[str]:
    number = next(n for n, c in enumerate(model.columns) if c.title == title)
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_the_editor_names_people_in_english(named_editor):
    attendance = named_editor.attendance.model
    assert set(column(attendance, "Name")) == {"Lin Mei-ling", "陳志明"}
    assert "Lin Mei-ling" in column(attendance, "Represented by")
    assert column(named_editor.agenda.model, "Presenter") == ["Lin Mei-ling", "國家發展委員會"]
    assert column(named_editor.decisions.actions, "Owner") == ["Lin Mei-ling"]
    assert "Lin Mei-ling" in [name for _pid, name in named_editor.decisions.voters()]


def test_the_decisions_table_names_the_agenda_item_in_the_language(named_editor):
    assert column(named_editor.decisions.decisions, "Agenda item") == ["Open data"]
    apply_language("zh_TW")
    assert column(named_editor.decisions.decisions, "Agenda item") == ["開放資料"]


def test_the_editor_names_people_in_chinese(named_editor):
    apply_language("zh_TW")
    assert set(column(named_editor.attendance.model, "Name")) == {"林美玲", "陳志明"}
    assert column(named_editor.agenda.model, "Presenter") == ["林美玲", "國家發展委員會"]
    assert column(named_editor.decisions.actions, "Owner") == ["林美玲"]


@pytest.mark.parametrize("language, title, owner", [
    ("en", "12th Forum Meeting", "Lin Mei-ling"), ("zh_TW", "第12次論壇會議", "林美玲")])
def test_action_items_show_the_meeting_and_owner_in_the_language(
        qapp, named, forum_store, language, title, owner):
    with forum_store.session() as s:
        rows = load_actions(s, status=None, overdue_on=None)
    model = ActionTableModel()
    model.set_rows(rows)
    apply_language(language)
    try:
        assert column(model, "Meeting") == [title]
        assert column(model, "Owner") == [owner]
    finally:
        apply_language("en")
