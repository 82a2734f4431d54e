"""Scheduling meetings, agendas and attendance; impossible times are refused."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from secretariat.errors import ConflictError, SecretariatError
from secretariat.i18n import language_override
from secretariat.model import (
    AttendanceStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Minutes,
    Modality,
)
from secretariat.services.meetings.decisions import record_decision
from secretariat.services.forum import create_forum
from secretariat.services.meetings import (
    add_agenda_item,
    attendance_summary,
    cancel_meeting,
    delete_meeting,
    list_meetings,
    move_agenda_item,
    next_meeting,
    remove_agenda_item,
    schedule_meeting,
    set_attendance,
    update_agenda_item,
    update_meeting,
)
from secretariat.services.members import add_member
from secretariat.services.meetings.minutes import start_minutes
from secretariat.services.members.people import add_person
from tests.core.factories import make_approved_minutes, make_meeting

TPE = ZoneInfo("Asia/Taipei")


def at(day, hour, minute=0, tz=TPE):
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=tz)


def _meeting(session, day=2, start=14, end=16, **kwargs):
    values = {"title": f"第{day}次論壇會議", "starts_at": at(day, start), "ends_at": at(day, end),
              "location": "行政院第一會議室", **kwargs}
    return schedule_meeting(session, **values)


def test_schedule_meeting_keeps_the_instant_and_the_local_zone(session, forum):
    m = _meeting(session, time_zone=None)
    session.commit()
    session.expire_all()
    stored = session.get(Meeting, m.id)
    assert stored.time_zone == "Asia/Taipei"  # the forum's zone by default
    assert stored.starts_at == at(2, 14)
    assert stored.starts_at.astimezone(TPE).hour == 14
    assert stored.status == MeetingStatus.PLANNED


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"ends_at": at(2, 14)}, "must end after it starts"),
        ({"ends_at": at(2, 12)}, "must end after it starts"),
        ({"ends_at": at(3, 15)}, "more than 24 hours"),
        ({"time_zone": "Taipei"}, "not a known time zone"),
        ({"starts_at": dt.datetime(2026, 3, 2, 14)}, "Start has no time zone"),
        ({"title": ""}, "Title cannot be empty"),
        ({"location": ""}, "needs a location"),
        ({"modality": Modality.REMOTE, "location": ""}, "needs a link"),
        ({"modality": "hybrid", "remote_link": "https://meet.example.tw/x", "location": ""},
         "needs a location"),
        ({"modality": "remote", "remote_link": "meet.example.tw"}, "should be a web address"),
        ({"kind": "party"}, "not a valid choice"),
    ],
)
def test_impossible_meetings_are_refused_and_nothing_saved(session, forum, kwargs, message):
    with pytest.raises(SecretariatError, match=message):
        _meeting(session, **kwargs)
    assert session.query(Meeting).count() == 0


def test_overlapping_meeting_of_the_same_kind_is_refused(session, forum):
    first = _meeting(session, day=2, start=14, end=16)
    session.commit()
    with pytest.raises(SecretariatError, match="overlaps “第2次論壇會議”.*Mar 2, 2026 14:00"):
        schedule_meeting(session, title="重複", location="別處", starts_at=at(2, 15),
                         ends_at=at(2, 17))
    # Same instant written in another zone is still an overlap.
    utc = dt.timezone.utc
    with pytest.raises(SecretariatError, match="overlaps"):
        schedule_meeting(session, title="重複", location="別處",
                         starts_at=dt.datetime(2026, 3, 2, 7, tzinfo=utc),
                         ends_at=dt.datetime(2026, 3, 2, 7, 30, tzinfo=utc))
    # Back to back is fine, another kind is fine, and a cancelled meeting frees its slot.
    _meeting(session, day=2, start=16, end=17, title="接續")
    _meeting(session, day=2, start=14, end=16, title="工作小組", kind=MeetingKind.WORKING_GROUP)
    cancel_meeting(session, first.id)
    _meeting(session, day=2, start=14, end=16, title="改期後")
    assert session.query(Meeting).count() == 4


@pytest.mark.parametrize("language, expected", [
    ("en", "overlaps “2nd Forum Meeting” (Mar 2, 2026 14:00 Taiwan Standard Time GMT+08:00)"),
    ("zh_TW", "「第2次論壇會議」（2026年3月2日 14:00 台北標準時間 GMT+08:00）"),
], ids=["en", "zh_TW"])
def test_overlap_message_names_the_meeting_and_its_zone_in_the_language(
        session, forum, language, expected):
    _meeting(session, day=2, start=14, end=16, title_en="2nd Forum Meeting")
    with language_override(language), pytest.raises(SecretariatError) as refused:
        schedule_meeting(session, title="重複", location="別處", starts_at=at(2, 15),
                         ends_at=at(2, 17))
    with language_override(language):
        message = str(refused.value)
    assert expected in message and "CST" not in message


def test_update_meeting_rechecks_and_changes_nothing_on_refusal(session, forum):
    first = _meeting(session, day=2)
    second = _meeting(session, day=9)
    session.commit()
    with pytest.raises(SecretariatError, match="overlaps"):
        update_meeting(session, second.id, starts_at=at(2, 15), ends_at=at(2, 17))
    assert session.get(Meeting, second.id).starts_at == at(9, 14)
    update_meeting(session, first.id, modality="hybrid", remote_link="https://meet.example.tw/ogp")
    session.commit()
    assert session.get(Meeting, first.id).modality == Modality.HYBRID


def test_reinstating_a_cancelled_meeting_checks_for_overlap(session, forum):
    first = _meeting(session, day=2)
    cancel_meeting(session, first.id)
    _meeting(session, day=2, title="取代")
    with pytest.raises(SecretariatError, match="overlaps"):
        update_meeting(session, first.id, status="planned")


def test_a_held_meeting_with_decisions_or_approved_minutes_cannot_be_cancelled(session):
    approved, deciding, drafted = (make_meeting(session) for _ in range(3))
    make_approved_minutes(session, approved, deciding)  # the decision is taken at `deciding`
    start_minutes(session, drafted.id)  # draft minutes alone do not prove it was held
    record_decision(session, meeting_id=deciding.id, text="另一項決議。")
    session.commit()
    for meeting in (approved, deciding):
        version = meeting.version
        for cancel in (lambda m: cancel_meeting(session, m.id),
                       lambda m: update_meeting(session, m.id, status="cancelled")):
            with pytest.raises(SecretariatError, match="cannot be cancelled") as refused:
                cancel(meeting)
            assert meeting.title in str(refused.value)
            session.rollback()
            assert session.get(Meeting, meeting.id).status != MeetingStatus.CANCELLED
            assert session.get(Meeting, meeting.id).version == version
    assert cancel_meeting(session, drafted.id).status == MeetingStatus.CANCELLED


def test_conflicting_meeting_edits(store):
    with store.session() as s:
        create_forum(s, name_zh_tw="論壇", name_en="Forum")
        meeting = _meeting(s)
        s.commit()
        meeting_id, opened = meeting.id, meeting.version
    with store.session() as theirs:
        update_meeting(theirs, meeting_id, location="新地點")
        theirs.commit()
    with store.session() as mine:
        with pytest.raises(ConflictError):
            update_meeting(mine, meeting_id, expected_version=opened, title="我的標題")


def test_list_meetings_upcoming_soonest_first_then_past_latest_first(session, forum):
    for day in (2, 9, 16, 23):
        _meeting(session, day=day)
    now = at(12, 0)
    rows = list_meetings(session, now=now)
    assert [r.starts_at.astimezone(TPE).day for r in rows] == [16, 23, 9, 2]
    assert next_meeting(session, now=now).title == "第16次論壇會議"
    cancel_meeting(session, rows[0].id)
    assert next_meeting(session, now=now).title == "第23次論壇會議"
    assert next_meeting(session, now=at(30, 0)) is None


def test_agenda_items_append_move_and_remove_keep_positions_contiguous(session, forum):
    m = _meeting(session)
    titles = ["確認議程", "確認上次會議紀錄", "行動方案進度報告", "臨時動議"]
    items = [add_agenda_item(session, m.id, title=t) for t in titles]
    assert [i.position for i in items] == [1, 2, 3, 4]
    move_agenda_item(session, items[3].id, 1)
    session.commit()
    session.expire_all()
    ordered = session.get(Meeting, m.id).agenda_items
    assert [i.title for i in ordered] == ["臨時動議", "確認議程", "確認上次會議紀錄", "行動方案進度報告"]
    remove_agenda_item(session, items[1].id)
    session.commit()
    session.expire_all()
    ordered = session.get(Meeting, m.id).agenda_items
    assert [(i.position, i.title) for i in ordered] == [
        (1, "臨時動議"), (2, "確認議程"), (3, "行動方案進度報告")]
    assert list_meetings(session, now=at(1, 0))[0].agenda_count == 3
    with pytest.raises(SecretariatError, match="from 1 to 3"):
        move_agenda_item(session, items[0].id, 4)


def test_agenda_item_validation(session, forum):
    m = _meeting(session)
    with pytest.raises(SecretariatError, match="Planned time"):
        add_agenda_item(session, m.id, title="太長", planned_minutes=0)
    item = add_agenda_item(session, m.id, title="報告", planned_minutes=20, purpose="information")
    with pytest.raises(SecretariatError, match="not a valid choice"):
        update_agenda_item(session, item.id, purpose="vote")
    update_agenda_item(session, item.id, purpose="decision", presenter="國發會")
    assert item.presenter == "國發會"


def test_delete_meeting_only_without_minutes(session, forum):
    m = _meeting(session)
    add_agenda_item(session, m.id, title="報告")
    session.commit()
    other = _meeting(session, day=9)
    session.add(Minutes(meeting_id=other.id))
    session.commit()
    with pytest.raises(SecretariatError, match="cancel it instead"):
        delete_meeting(session, other.id)
    delete_meeting(session, m.id)
    session.commit()
    assert [r.id for r in list_meetings(session)] == [other.id]


def test_attendance_upsert_quorum_and_balance(session, forum):
    # No terms of reference adopted: the default quorum of 50 %.
    start = dt.date(2026, 1, 1)
    gov = [add_member(session, name=n, sector_code="government_agency", role="member",
                      term_start=start) for n in ("張家豪", "李雅婷")]
    cso = [add_member(session, name=n, sector_code="civil_society", role="member",
                      term_start=start) for n in ("林美玲", "陳志明", "黃淑芬")]
    add_member(session, name="王大同", sector_code="civil_society", role="alternate",
               term_start=start)
    m = _meeting(session)
    set_attendance(session, m.id, person_id=gov[0].person_id, status="present")
    set_attendance(session, m.id, person_id=cso[0].person_id, status="remote")
    set_attendance(session, m.id, person_id=cso[1].person_id, status="apologies")
    set_attendance(session, m.id, guest_name="記者", status="present", capacity="guest")
    summary = attendance_summary(session, m.id)
    assert (summary.members_entitled, summary.quorum_required) == (5, 3)
    assert (summary.members_attending, summary.quorum_met) == (2, False)
    # Calling again for the same person updates their record instead of adding one.
    proxy = add_person(session, name="代理人甲")
    set_attendance(session, m.id, person_id=cso[1].person_id, status=AttendanceStatus.PROXY,
                   represented_by_id=proxy.id)
    summary = attendance_summary(session, m.id)
    assert (summary.present, summary.remote, summary.apologies, summary.proxy) == (2, 1, 0, 1)
    assert (summary.members_attending, summary.quorum_met) == (3, True)
    assert (summary.government, summary.non_government, summary.guests) == (1, 2, 1)


def test_an_observer_added_by_name_counts_once_as_an_observer(session, forum):
    m = _meeting(session)
    set_attendance(session, m.id, guest_name="美國在台協會代表", status="present",
                   capacity="observer")
    set_attendance(session, m.id, guest_name="記者", status="present", capacity="guest")
    summary = attendance_summary(session, m.id)
    assert (summary.observers, summary.guests) == (1, 1)


def test_attendance_bad_input(session, forum):
    m = _meeting(session)
    person = add_person(session, name="林美玲")
    with pytest.raises(SecretariatError, match="Choose a person"):
        set_attendance(session, m.id, status="present")
    with pytest.raises(SecretariatError, match="who represented"):
        set_attendance(session, m.id, person_id=person.id, status="proxy")
    with pytest.raises(SecretariatError, match="their own proxy"):
        set_attendance(session, m.id, person_id=person.id, status="proxy",
                       represented_by_id=person.id)
    cancel_meeting(session, m.id)
    with pytest.raises(SecretariatError, match="cancelled"):
        set_attendance(session, m.id, person_id=person.id, status="present")
