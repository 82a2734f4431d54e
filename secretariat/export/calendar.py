"""Meetings as iCalendar (.ics) files for Outlook, Google Calendar, Apple Calendar…

Times are written in the meeting's own zone with a VTIMEZONE component, so a meeting in
Taipei shows at the right hour for a reader in any zone. Each meeting keeps one UID and
its record version as SEQUENCE, so importing an updated file moves or cancels the event
instead of adding a second one.

Calendar files are passed on (mail, chat, websites), so a closed meeting's online link
is left out unless ``with_link`` asks for it: the meeting is read through the public
projection, which keeps an open meeting's link (how the public joins) and nothing else
of the calendar changes.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat import i18n
from secretariat.export.meeting_data import MeetingData, load_meeting, pick, rendering_language
from secretariat.i18n import _
from secretariat.model import Forum, Meeting, MeetingStatus, Modality

PRODID = "-//Forum Secretariat//secretariat//EN"


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
    with rendering_language(language):
        meeting = load_meeting(session, meeting_id, language=language, public=not with_link)
        return _calendar(session, [meeting], language)


def upcoming_to_ics(
    session: Session, *, now: dt.datetime | None = None, language: str | None = None,
    with_link: bool = False,
) -> bytes:
    """Every meeting not yet over at ``now`` (default: the present), soonest first,
    cancelled ones included so calendars that imported them drop them; ``with_link``:
    closed meetings' online links too."""
    language = language or i18n.current_language()
    now = now or dt.datetime.now(dt.timezone.utc)
    ids = session.execute(
        select(Meeting.id).where(Meeting.ends_at > now).order_by(Meeting.starts_at, Meeting.id)
    ).scalars().all()
    with rendering_language(language):
        meetings = [load_meeting(session, meeting_id, language=language, public=not with_link)
                    for meeting_id in ids]
        return _calendar(session, meetings, language)
