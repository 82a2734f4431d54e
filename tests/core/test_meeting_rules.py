"""``check_meeting``: the meeting rules a form shows beside its fields are the very rules
``schedule_meeting`` and ``update_meeting`` enforce (one list, in the service)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from secretariat.errors import SecretariatError
from secretariat.services import forum as forum_service
from secretariat.services import meetings as meeting_service
from secretariat.vocabulary import Modality

TAIPEI = ZoneInfo("Asia/Taipei")
START = dt.datetime(2026, 3, 2, 14, tzinfo=TAIPEI)


def values(**changes):
    base = dict(title="論壇會議", starts_at=START, ends_at=START + dt.timedelta(hours=2),
                time_zone="Asia/Taipei", modality=Modality.IN_PERSON, location="國發會",
                remote_link="", notice_sent_at=None, notice_recipients="")
    return SimpleNamespace(**{**base, **changes})


CASES = [
    ({"title": " "}, "title", "Enter the meeting's title."),
    ({"time_zone": "Asia/Taipe"}, "time_zone", "Choose a time zone"),
    ({"ends_at": START}, "ends_at", "must end after it starts"),
    ({"ends_at": START + dt.timedelta(hours=25)}, "ends_at", "more than 24 hours"),
    ({"location": ""}, "location", "needs a location"),
    ({"modality": Modality.REMOTE, "location": ""}, "remote_link", "needs a link"),
    ({"remote_link": "meet.example.tw"}, "remote_link", "should be a web address"),
    ({"notice_sent_at": START - dt.timedelta(days=14)}, "notice_recipients",
     "to whom the notice was sent"),
]


def test_valid_values_have_no_problems():
    assert meeting_service.check_meeting(values()) == []


@pytest.mark.parametrize(("changes", "field", "message"), CASES)
def test_each_problem_names_its_field(changes, field, message):
    problems = meeting_service.check_meeting(values(**changes))
    assert [p.field for p in problems] == [field]
    assert message in problems[0].error.translated()


@pytest.mark.parametrize(("changes", "field", "message"),
                         [c for c in CASES if c[1] not in ("title", "time_zone")])
def test_the_service_refuses_what_the_check_reports(session, changes, field, message):
    forum_service.create_forum(session, name_zh_tw="測試論壇", name_en="Test Forum")
    meeting = meeting_service.schedule_meeting(
        session, title="論壇會議", starts_at=START, ends_at=START + dt.timedelta(hours=2),
        location="國發會")
    with pytest.raises(SecretariatError, match=message):
        meeting_service.update_meeting(session, meeting.id, **changes)


def test_meeting_values_carry_the_version_read(session):
    forum_service.create_forum(session, name_zh_tw="測試論壇", name_en="Test Forum")
    meeting = meeting_service.schedule_meeting(
        session, title="論壇會議", starts_at=START, ends_at=START + dt.timedelta(hours=2),
        location="國發會")
    before = meeting_service.meeting_values(session, meeting.id)
    meeting_service.update_meeting(session, meeting.id, location="行政院")
    after = meeting_service.meeting_values(session, meeting.id)
    assert (before.location, after.location) == ("國發會", "行政院")
    assert after.version == before.version + 1
