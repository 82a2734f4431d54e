"""Meetings as iCalendar (.ics) files for Outlook, Google Calendar, Apple Calendar…

Times are written in the meeting's own zone with a VTIMEZONE component, so a meeting in
Taipei shows at the right hour for a reader in any zone. Each meeting keeps one UID and
its record version as SEQUENCE, so importing an updated file moves or cancels the event
instead of adding a second one.

A meeting dated outside the years the program accepts (``EARLIEST_YEAR``..``LATEST_YEAR``
of ``services.validation``; an older database may hold one, such as a year 9999 typed by
mistake) cannot go into a calendar: ``upcoming_to_ics`` leaves it out and says so through
``left_out``, so one bad date does not stop the calendar for everyone; ``meeting_to_ics``
refuses it with a message.

Calendar files are passed on (mail, chat, websites), so a closed meeting's online link
is left out unless ``with_link`` asks for it: the meeting is read through the public
projection, which keeps an open meeting's link (how the public joins) and nothing else
of the calendar changes.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat import i18n
from secretariat.export.meeting_data import MeetingData, load_meeting, pick, rendering_language
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.model import Forum, Meeting, MeetingStatus, Modality
from secretariat.services.validation import EARLIEST_YEAR, LATEST_YEAR

PRODID = "-//Forum Secretariat//secretariat//EN"


class LeftOut(NamedTuple):
    """A meeting ``upcoming_to_ics`` could not write: its number, title and odd year."""

    meeting_id: int
    title: str
    year: int


def _odd_year(starts_at: dt.datetime, ends_at: dt.datetime) -> int | None:
    """The year of a stored (UTC) start or end outside the years a calendar holds, or
    None. Read before any conversion to the meeting's zone, which would overflow near the
    year 9999."""
    for moment in (starts_at, ends_at):
        if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            return moment.year
    return None


def meeting_uid(meeting: MeetingData) -> str:
    return f"meeting-{meeting.id}@{meeting.forum_slug}.secretariat"


def _description(meeting: MeetingData) -> str:
    lines = [f"{_(meeting.kind.label)} · {_(meeting.modality.label)}"]
    if meeting.remote_link:
        lines.append(_("Online link: {url}").format(url=meeting.remote_link))
    if meeting.items:
        lines += ["", _("Agenda")]
        lines += [f"{item.number}. {item.title}" for item in meeting.items]
    return "\n".join(lines)


def _event(meeting: MeetingData) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    # The record's last change, not the export time: the same data gives the same file.
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", max(meeting.version - 1, 0))
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", meeting.title)
    location = meeting.location if meeting.modality != Modality.REMOTE else meeting.remote_link
    if location:
        event.add("location", location)
    if meeting.remote_link:
        event.add("url", meeting.remote_link)
    event.add("description", _description(meeting))
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def _calendar(session: Session, meetings: list[MeetingData], language: str) -> bytes:
    forum = session.execute(select(Forum).limit(1)).scalar_one_or_none()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if forum is not None:
        calendar.add("x-wr-calname", pick(forum.name_zh_tw, forum.name_en, language))
    for meeting in meetings:
        calendar.add_component(_event(meeting))
    if meetings:
        # VTIMEZONE for every TZID used, built from zoneinfo (icalendar >= 6.1), with the
        # transitions of the years around the meetings (the default stops in 2038).
        first = min(m.starts_at for m in meetings).date()
        last = max(m.ends_at for m in meetings).date()
        calendar.add_missing_timezones(
            first_date=first.replace(year=first.year - 1, month=1, day=1),
            last_date=last.replace(year=last.year + 2, month=1, day=1),
        )
    return calendar.to_ical()


def meeting_to_ics(session: Session, meeting_id: int, *, language: str | None = None,
                   with_link: bool = False) -> bytes:
    """One meeting as an .ics file (``language``: titles and labels; default the current);
    ``with_link``: a closed meeting's online link too."""
    language = language or i18n.current_language()
    stored = session.get(Meeting, meeting_id)
    year = _odd_year(stored.starts_at, stored.ends_at) if stored is not None else None
    if year is not None:
        raise SecretariatError(
            N_("Meeting {id} is dated in the year {year}, outside {first}–{last}, so it "
               "cannot go into a calendar: correct its date first (secretariat meeting "
               "update {id} --start … --end …)."),
            id=meeting_id, year=str(year), first=str(EARLIEST_YEAR), last=str(LATEST_YEAR))
    with rendering_language(language):
        meeting = load_meeting(session, meeting_id, language=language, public=not with_link)
        return _calendar(session, [meeting], language)


def upcoming_to_ics(
    session: Session, *, now: dt.datetime | None = None, language: str | None = None,
    with_link: bool = False, left_out: list[LeftOut] | None = None,
) -> bytes:
    """Every meeting not yet over at ``now`` (default: the present), soonest first,
    cancelled ones included so calendars that imported them drop them; ``with_link``:
    closed meetings' online links too. A meeting dated in an impossible year is not
    written; it is appended to ``left_out`` when given."""
    language = language or i18n.current_language()
    now = now or dt.datetime.now(dt.timezone.utc)
    rows = session.execute(
        select(Meeting.id, Meeting.title, Meeting.title_en, Meeting.starts_at, Meeting.ends_at)
        .where(Meeting.ends_at > now).order_by(Meeting.starts_at, Meeting.id)
    ).all()
    ids = []
    for row in rows:
        year = _odd_year(row.starts_at, row.ends_at)
        if year is None:
            ids.append(row.id)
        elif left_out is not None:
            left_out.append(LeftOut(row.id, pick(row.title, row.title_en, language), year))
    with rendering_language(language):
        meetings = [load_meeting(session, meeting_id, language=language, public=not with_link)
                    for meeting_id in ids]
        return _calendar(session, meetings, language)
