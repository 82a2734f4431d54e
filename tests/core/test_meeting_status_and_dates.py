"""Issue #11: a meeting's status set by hand follows the transitions a clerk expects;
meeting times, circulations and decisions keep to dates that can be true; a file a user
names is read at most up to its limit (``/dev/zero``, pipes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pytest

from secretariat.errors import SecretariatError
from secretariat.model import MeetingStatus, utcnow
from secretariat.services import meetings as meeting_service
from secretariat.services import user_files
from secretariat.services.meetings import decisions, minutes
from tests.core.factories import make_meeting, make_members


def _ago(days: float) -> dt.datetime:
    return (utcnow() - dt.timedelta(days=days)).replace(microsecond=0)


def test_held_only_once_started_and_not_left_once_records_show_it(session):
    people = make_members(session, 2)
    past = make_meeting(session, starts_at=_ago(30), attendees=people)
    future = make_meeting(session, starts_at=_ago(-15))
    with pytest.raises(SecretariatError, match="only once it has started"):
        meeting_service.update_meeting(session, future.id, status="held")
    # The same rule beside the status field of a form, before saving.
    form = dataclasses.replace(meeting_service.meeting_values(session, future.id),
                               status=MeetingStatus.HELD)
    assert [p.field for p in meeting_service.check_meeting(form)] == ["status"]
    meeting_service.update_meeting(session, future.id, status="cancelled")
    meeting_service.update_meeting(session, future.id, status="planned")  # re-planned
    assert future.status == MeetingStatus.PLANNED
    meeting_service.update_meeting(session, past.id, status="held")
    meeting_service.update_meeting(session, past.id, status="planned")  # marked by mistake
    meeting_service.update_meeting(session, past.id, status="held")
    decisions.record_decision(session, meeting_id=past.id, text="通過")
    with pytest.raises(SecretariatError, match="cannot be planned again"):
        meeting_service.update_meeting(session, past.id, status="planned")
    with pytest.raises(SecretariatError, match="cannot be cancelled"):
        meeting_service.update_meeting(session, past.id, status="cancelled")
    assert past.status == MeetingStatus.HELD


def test_meeting_times_outside_plausible_years_are_refused(session):
    for year in (1, 1911, 2201, 9999):
        start = dt.datetime(year, 6, 1, 10, tzinfo=dt.timezone.utc)
        with pytest.raises(SecretariatError, match="from 1912 to 2200"):
            make_meeting(session, starts_at=start)
    meeting = make_meeting(session, starts_at=_ago(3))
    with pytest.raises(SecretariatError, match="from 1912 to 2200"):
        meeting_service.update_meeting(
            session, meeting.id, notice_recipients="all",
            notice_sent_at=dt.datetime(9999, 1, 1, tzinfo=dt.timezone.utc))


def test_circulation_after_the_meeting_ended_and_not_on_a_day_to_come(session):
    meeting = make_meeting(session, starts_at=_ago(10))
    draft = minutes.start_minutes(session, meeting.id)
    with pytest.raises(SecretariatError, match="before the meeting ended"):
        minutes.circulate_minutes(session, draft.id, circulated_to="all",
                                  circulated_at=meeting.starts_at + dt.timedelta(minutes=30))
    with pytest.raises(SecretariatError, match="has not come yet"):
        minutes.circulate_minutes(session, draft.id, circulated_to="all",
                                  circulated_at=utcnow() + dt.timedelta(days=3))
    # Tomorrow is allowed: a workstation's clock or zone may be a little off.
    minutes.circulate_minutes(session, draft.id, circulated_to="all",
                              circulated_at=utcnow() + dt.timedelta(hours=20))


def test_decisions_only_for_a_meeting_that_has_started(session):
    future = make_meeting(session, starts_at=_ago(-15))
    with pytest.raises(SecretariatError, match="has not started yet"):
        decisions.record_decision(session, meeting_id=future.id, text="先決")
    started = make_meeting(session, starts_at=_ago(1 / 48))  # began half an hour ago
    assert decisions.record_decision(session, meeting_id=started.id, text="通過").number


@pytest.mark.parametrize("limit", [10, 1024 * 1024 + 5])
def test_reads_stop_after_the_limit_even_when_the_size_is_unknown(limit):
    with pytest.raises(SecretariatError, match=r"/dev/zero is larger than"):
        user_files.read_bytes("/dev/zero", limit)


def test_a_pipe_is_read_once_and_bounded(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer
        try:
            with open(fifo, "wb") as out:
                out.write("會議紀錄\n".encode() * 1000)
        finally:
            os._exit(0)
    try:
        assert user_files.read_text(fifo, limit=100_000) == "會議紀錄\n" * 1000
    finally:
        os.waitpid(pid, 0)


def test_the_limit_reads_in_the_users_language():
    from secretariat import i18n

    error = user_files.too_large("big.txt", 200 * 1024 * 1024)
    i18n.set_language("zh_TW")
    assert "200 MB" in str(error) and "big.txt" in str(error)
