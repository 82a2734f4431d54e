""".ics calendars: parsed back with icalendar, as a calendar program would read them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from secretariat.errors import SecretariatError
from secretariat.export import meeting_to_ics, upcoming_to_ics
from secretariat.model import Meeting
from tests.core.export_helpers import START, build_meeting

UID_DOMAIN = "@taiwan-ogp-multi-stakeholder-forum.secretariat"


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_one_meeting_round_trips_with_its_time_zone(session):
    meeting_id = build_meeting(session, with_minutes=False)
    data = meeting_to_ics(session, meeting_id, language="en")
    calendar = Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{meeting_id}{UID_DOMAIN}"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == START and end == START + dt.timedelta(hours=2, minutes=30)
    assert start.utcoffset() == dt.timedelta(hours=8)
    assert event["DTSTART"].params["TZID"] == "Asia/Taipei"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Taipei"]
    assert str(event["SUMMARY"]) == "Third forum meeting"
    assert str(event["LOCATION"]) == "國家發展委員會 B1 大禮堂"
    assert str(event["URL"]) == "https://meet.example.tw/ogp-3"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "DTSTAMP" in event
    description = str(event["DESCRIPTION"])
    assert "https://meet.example.tw/ogp-3" in description
    assert "2. 第二期國家行動方案執行進度報告" in description


def test_chinese_calendar_uses_chinese_titles_and_is_reproducible(session):
    meeting_id = build_meeting(session, with_minutes=False)
    data = meeting_to_ics(session, meeting_id, language="zh_TW")
    assert str(events(data)[0]["SUMMARY"]) == "第3次論壇會議"
    assert Calendar.from_ical(data)["X-WR-CALNAME"] == "開放政府國家行動方案多方利害關係人論壇"
    assert meeting_to_ics(session, meeting_id, language="zh_TW") == data


def test_daylight_saving_zone_keeps_local_wall_time(session):
    summer = dt.datetime(2026, 7, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    meeting_id = build_meeting(session, with_minutes=False, starts_at=summer)
    session.get(Meeting, meeting_id).time_zone = "Europe/London"
    session.commit()
    calendar = Calendar.from_ical(meeting_to_ics(session, meeting_id))
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == summer
    assert event.decoded("DTSTART").hour == 10
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_cancelled_meeting_is_marked_cancelled(session):
    meeting_id = build_meeting(session, with_minutes=False, cancelled=True)
    assert str(events(meeting_to_ics(session, meeting_id))[0]["STATUS"]) == "CANCELLED"


def test_upcoming_lists_meetings_not_yet_over_soonest_first(session):
    past = build_meeting(session, with_minutes=False, starts_at=START - dt.timedelta(days=30))
    later = build_meeting(session, with_minutes=False, starts_at=START + dt.timedelta(days=60))
    soon = build_meeting(session, with_minutes=False, starts_at=START)
    cancelled = build_meeting(session, with_minutes=False, cancelled=True,
                              starts_at=START + dt.timedelta(days=90))
    now = START - dt.timedelta(days=1)
    uids = [str(e["UID"]) for e in events(upcoming_to_ics(session, now=now))]
    assert uids == [f"meeting-{i}{UID_DOMAIN}" for i in (soon, later, cancelled)]
    assert f"meeting-{past}{UID_DOMAIN}" not in uids
    # A meeting under way is still upcoming until it ends.
    during = START + dt.timedelta(hours=1)
    assert str(events(upcoming_to_ics(session, now=during))[0]["UID"]) == f"meeting-{soon}{UID_DOMAIN}"


def test_no_upcoming_meetings_gives_an_empty_valid_calendar(session):
    build_meeting(session, with_minutes=False)
    data = upcoming_to_ics(session, now=START + dt.timedelta(days=1))
    assert Calendar.from_ical(data).walk("VEVENT") == []
    assert data.startswith(b"BEGIN:VCALENDAR")


def test_unknown_meeting_is_a_clear_error(session):
    with pytest.raises(SecretariatError):
        meeting_to_ics(session, 12345)


# Dated before the input checks refused impossible years: the last minutes of 9999 in UTC
# are already the year 10000 on Taipei's clock.
YEAR_9999 = dt.datetime(9999, 12, 31, 22, 0, tzinfo=dt.timezone.utc)


def test_a_meeting_in_an_impossible_year_is_left_out_and_the_others_exported(session):
    from secretariat.export.calendar import LeftOut

    soon = build_meeting(session, with_minutes=False, starts_at=START)
    odd = build_meeting(session, with_minutes=False, starts_at=START + dt.timedelta(days=9))
    stored = session.get(Meeting, odd)
    stored.starts_at, stored.ends_at = YEAR_9999, YEAR_9999 + dt.timedelta(hours=1)
    session.flush()
    left_out: list = []
    data = upcoming_to_ics(session, now=START - dt.timedelta(days=1), language="en",
                           left_out=left_out)
    assert [str(e["UID"]) for e in events(data)] == [f"meeting-{soon}{UID_DOMAIN}"]
    assert left_out == [LeftOut(odd, "Third forum meeting", 9999)]
    assert events(upcoming_to_ics(session, now=START - dt.timedelta(days=1)))  # no list: fine
    with pytest.raises(SecretariatError) as refused:
        meeting_to_ics(session, odd)
    assert "9999" in str(refused.value) and f"meeting update {odd}" in str(refused.value)
