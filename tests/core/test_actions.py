"""Action items: owner, due date, status, and the overdue list."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from secretariat.errors import ConflictError, SecretariatError
from secretariat.model import ActionStatus
from secretariat.services.meetings import actions as svc
from secretariat.services.meetings.decisions import record_decision
from tests.core.factories import make_meeting, make_members


@pytest.fixture
def setting(session):
    people = make_members(session, 2)
    meeting = make_meeting(session, attendees=people)  # 2026-01-15
    return people, meeting


def test_overdue_list_has_open_actions_due_before_the_day(session, setting):
    (alice, _), meeting = setting
    late = svc.add_action(session, meeting_id=meeting.id, description="提交進度報告",
                          owner_person_id=alice.id, due_on=dt.date(2026, 2, 1))
    started = svc.add_action(session, meeting_id=meeting.id, description="更新網站",
                             owner_text="國家發展委員會", due_on=dt.date(2026, 2, 10))
    done = svc.add_action(session, meeting_id=meeting.id, description="寄送會議紀錄",
                          due_on=dt.date(2026, 1, 20))
    svc.add_action(session, meeting_id=meeting.id, description="未來工作",
                   due_on=dt.date(2026, 3, 1))
    svc.add_action(session, meeting_id=meeting.id, description="沒有期限")
    svc.update_action(session, started.id, status=ActionStatus.IN_PROGRESS)
    svc.update_action(session, done.id, status=ActionStatus.DONE)

    overdue = svc.overdue_actions(session, dt.date(2026, 2, 15))
    assert [r.id for r in overdue] == [late.id, started.id]
    assert [r.owner_name for r in overdue] == [alice.name, "國家發展委員會"]
    assert svc.overdue_actions(session, dt.date(2026, 2, 1)) == []  # due that day: not late
    assert [r.description for r in svc.action_rows(session)][-1] == "沒有期限"
    assert [r.id for r in svc.action_rows(session, status=ActionStatus.DONE)] == [done.id]


def test_completion_date_follows_the_status(session, setting):
    _, meeting = setting
    action = svc.add_action(session, meeting_id=meeting.id, description="x",
                            due_on=dt.date(2026, 2, 1))
    svc.update_action(session, action.id, status="done", completed_on=dt.date(2026, 1, 30))
    assert action.completed_on == dt.date(2026, 1, 30)
    svc.update_action(session, action.id, status=ActionStatus.OPEN)
    assert action.status == ActionStatus.OPEN and action.completed_on is None
    svc.update_action(session, action.id, due_on=dt.date(2026, 4, 1))
    assert action.due_on == dt.date(2026, 4, 1) and action.status == ActionStatus.OPEN


def test_an_action_cannot_be_done_before_its_meeting(session, setting):
    people, meeting = setting  # 2026-01-15
    action = svc.add_action(session, meeting_id=meeting.id, description="x")
    with pytest.raises(SecretariatError, match="before the meeting"):
        svc.update_action(session, action.id, status="done", completed_on=dt.date(2026, 1, 14))
    assert action.status == ActionStatus.OPEN and action.completed_on is None

    # A meeting still to come: "done today" would be before it, so a date is required.
    starts = dt.datetime.combine(dt.date.today() + dt.timedelta(days=40), dt.time(9),
                                 tzinfo=ZoneInfo("Asia/Taipei"))
    coming = make_meeting(session, attendees=people, starts_at=starts)
    planned = svc.add_action(session, meeting_id=coming.id, description="預先準備")
    with pytest.raises(SecretariatError, match="still to come: its action items cannot be "
                                               "done before it"):
        svc.update_action(session, planned.id, status=ActionStatus.DONE)
    assert planned.status == ActionStatus.OPEN and planned.completed_on is None
    with pytest.raises(SecretariatError, match="before the meeting"):
        svc.update_action(session, planned.id, status=ActionStatus.DONE,
                          completed_on=dt.date.today())
    later = starts.date() + dt.timedelta(days=1)
    svc.update_action(session, planned.id, status=ActionStatus.DONE, completed_on=later)
    assert planned.status == ActionStatus.DONE and planned.completed_on == later


def test_bad_action_input_is_refused_and_saves_nothing(session, setting):
    people, meeting = setting
    other = make_meeting(session, attendees=people)
    foreign_decision = record_decision(session, meeting_id=other.id, text="x")
    cases = [
        ({"description": " "}, "Describe"),
        ({"due_on": dt.date(2026, 1, 1)}, "before the meeting"),
        ({"agenda_item_id": other.agenda_items[0].id}, "not on this meeting's agenda"),
        ({"decision_id": foreign_decision.id}, "not taken at this meeting"),
        ({"owner_person_id": 999_999}, "no person"),
        ({"due_on": "31/02/2026"}, "must be a date"),
    ]
    for fields, message in cases:
        values = {"meeting_id": meeting.id, "description": "x", **fields}
        with pytest.raises(SecretariatError, match=message):
            svc.add_action(session, **values)
    assert svc.action_rows(session) == []


def test_update_from_a_stale_form_is_a_conflict(session, setting):
    _, meeting = setting
    action = svc.add_action(session, meeting_id=meeting.id, description="x")
    opened = action.version
    svc.update_action(session, action.id, description="第一次", expected_version=opened)
    with pytest.raises(ConflictError):
        svc.update_action(session, action.id, description="過時", expected_version=opened)
    assert action.description == "第一次"
