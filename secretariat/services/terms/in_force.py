"""The version of the terms of reference in force on a day, and the meeting rules it
sets. Every check of a meeting (quorum, balance, notice) reads the version in force on
the meeting's own date, so a meeting held under earlier terms is judged by them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.model import Meeting, TermsOfReference
from secretariat.services.forum import get_forum
from secretariat.terms_vocabulary import TermsStatus

# A forum that has adopted no terms of reference yet: the defaults the forum row had.
DEFAULT_QUORUM_PERCENT = 50
DEFAULT_NOTICE_DAYS = 14


@dataclass(frozen=True)
class MeetingRules:
    version_no: int | None  # None: no terms of reference adopted by that day
    quorum_percent: int
    notice_days: int
    min_attending_per_side: int
    meetings_per_year_development: int
    meetings_per_year_implementation: int


DEFAULT_RULES = MeetingRules(None, DEFAULT_QUORUM_PERCENT, DEFAULT_NOTICE_DAYS, 0, 0, 0)


def terms_in_force(s: Session, day: dt.date) -> TermsOfReference | None:
    """The adopted version with the latest adoption date on or before ``day`` (the higher
    version number when two were adopted the same day)."""
    forum = get_forum(s)
    if forum is None:
        return None
    return s.scalars(
        select(TermsOfReference)
        .where(TermsOfReference.forum_id == forum.id,
               TermsOfReference.status != TermsStatus.DRAFT,
               TermsOfReference.adopted_on <= day)
        .order_by(TermsOfReference.adopted_on.desc(), TermsOfReference.version_no.desc())
        .limit(1)).first()


def rules_on(s: Session, day: dt.date) -> MeetingRules:
    terms = terms_in_force(s, day)
    if terms is None:
        return DEFAULT_RULES
    return MeetingRules(
        version_no=terms.version_no, quorum_percent=terms.quorum_percent,
        notice_days=terms.notice_days, min_attending_per_side=terms.min_attending_per_side,
        meetings_per_year_development=terms.meetings_per_year_development,
        meetings_per_year_implementation=terms.meetings_per_year_implementation)


def rules_for_meeting(s: Session, meeting: Meeting) -> MeetingRules:
    """The rules of the day the meeting starts, on its own clock."""
    return rules_on(s, meeting.starts_at.astimezone(ZoneInfo(meeting.time_zone)).date())
