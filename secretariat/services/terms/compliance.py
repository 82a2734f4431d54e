"""The rules of the terms of reference applied to the record: was a meeting's notice
given early enough, and did the forum meet as often as its terms require in a year.
Each is judged by the version in force on the meeting's date (notice), or at the end of
the year (or today, for the current year: frequency)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.model import Meeting, MeetingKind, MeetingStatus, Phase
from secretariat.services.terms.in_force import rules_for_meeting, rules_on


@dataclass(frozen=True)
class NoticeCheck:
    terms_version: int | None
    required_days: int
    given_days: int | None  # None: no notice recorded
    met: bool


@dataclass(frozen=True)
class FrequencyRow:
    phase: Phase
    required: int
    held: int

    @property
    def met(self) -> bool:
        return self.held >= self.required


@dataclass(frozen=True)
class Frequency:
    year: int
    terms_version: int | None
    rows: list[FrequencyRow]


def notice_check(s: Session, meeting: Meeting) -> NoticeCheck:
    """Whole days between the notice and the meeting, on the meeting's clock."""
    rules = rules_for_meeting(s, meeting)
    if meeting.notice_sent_at is None:
        return NoticeCheck(rules.version_no, rules.notice_days, None, rules.notice_days == 0)
    zone = ZoneInfo(meeting.time_zone)
    given = (meeting.starts_at.astimezone(zone).date()
             - meeting.notice_sent_at.astimezone(zone).date()).days
    return NoticeCheck(rules.version_no, rules.notice_days, given, given >= rules.notice_days)


def notice_check_of(s: Session, meeting_id: int) -> NoticeCheck:
    from secretariat.i18n import N_
    from secretariat.services.validation import get_or_error

    return notice_check(s, get_or_error(s, Meeting, meeting_id, N_("meeting")))


def meeting_frequency(s: Session, year: int, *, today: dt.date | None = None) -> Frequency:
    """Forum meetings held (or planned, not cancelled) in ``year`` by phase; a meeting
    for the whole cycle counts for both phases."""
    day = min(dt.date(year, 12, 31), today or dt.date.today())
    rules = rules_on(s, max(day, dt.date(year, 1, 1)))
    meetings = s.scalars(select(Meeting).where(
        Meeting.kind == MeetingKind.FORUM, Meeting.status != MeetingStatus.CANCELLED))
    counts = {Phase.DEVELOPMENT: 0, Phase.IMPLEMENTATION: 0}
    for meeting in meetings:
        if meeting.starts_at.astimezone(ZoneInfo(meeting.time_zone)).year != year:
            continue
        for phase in counts:
            if meeting.phase in (phase, Phase.WHOLE_CYCLE):
                counts[phase] += 1
    return Frequency(year, rules.version_no, [
        FrequencyRow(Phase.DEVELOPMENT, rules.meetings_per_year_development,
                     counts[Phase.DEVELOPMENT]),
        FrequencyRow(Phase.IMPLEMENTATION, rules.meetings_per_year_implementation,
                     counts[Phase.IMPLEMENTATION]),
    ])
