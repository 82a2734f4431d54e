"""What an edit reads before it writes: a record's current values as plain frozen data.

The GUI's actions and undo commands fill their forms from these (the field names are
the record's and the update services' keyword arguments), remember the ``version`` they
were read at, and put them back on undo. None of it is a view for display: that is the
meeting record and the list rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.i18n import N_
from secretariat.model import (
    ActionItem, ActionStatus, AgendaItem, Attendance, AttendanceStatus, AttendeeCapacity,
    ItemPurpose, Meeting, MeetingStatus, ProposedBy,
)
from secretariat.services.meetings import decisions as decision_service
from secretariat.services.meetings import minutes as minutes_service
from secretariat.services.meetings.schedule import list_meetings
from secretariat.services.validation import get_or_error

LATER_MEETINGS_OFFERED = 12  # minutes are approved at one of the next few meetings


@dataclass(frozen=True)
class AgendaItemValues:
    id: int
    meeting_id: int
    version: int
    position: int
    title: str
    title_en: str
    purpose: ItemPurpose
    presenter: str
    planned_minutes: int | None
    proposed_by: ProposedBy
    document_ids: tuple[int, ...]


def agenda_item_values(s: Session, item_id: int) -> AgendaItemValues:
    i = get_or_error(s, AgendaItem, item_id, N_("agenda item"))
    return AgendaItemValues(i.id, i.meeting_id, i.version, i.position, i.title, i.title_en,
                            i.purpose, i.presenter, i.planned_minutes, i.proposed_by,
                            tuple(d.id for d in i.documents))


@dataclass(frozen=True)
class AttendanceValues:
    """One attendee's record at a meeting, or ``status=None``: nothing recorded."""

    attendance_id: int | None
    person_id: int | None
    guest_name: str
    status: AttendanceStatus | None
    capacity: AttendeeCapacity = AttendeeCapacity.MEMBER
    represented_by_id: int | None = None


def attendance_values(s: Session, meeting_id: int, person_id: int | None,
                      guest_name: str = "") -> AttendanceValues:
    """The record of a member (``person_id``) or of a guest (by name), as it is now."""
    get_or_error(s, Meeting, meeting_id, N_("meeting"))
    match = (Attendance.person_id == person_id if person_id is not None
             else Attendance.person_id.is_(None) & (Attendance.guest_name == guest_name))
    record = s.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                                match)).first()
    if record is None:
        return AttendanceValues(None, person_id, guest_name, None)
    return AttendanceValues(record.id, person_id, record.guest_name, record.status,
                            record.capacity, record.represented_by_id)


@dataclass(frozen=True)
class ActionValues:
    id: int
    meeting_id: int
    version: int
    description: str
    owner_person_id: int | None
    owner_text: str
    due_on: dt.date | None
    status: ActionStatus
    completed_on: dt.date | None


def action_values(s: Session, action_id: int) -> ActionValues:
    a = get_or_error(s, ActionItem, action_id, N_("action item"))
    return ActionValues(a.id, a.meeting_id, a.version, a.description, a.owner_person_id,
                        a.owner_text, a.due_on, a.status, a.completed_on)


@dataclass(frozen=True)
class MinutesTexts:
    """One minutes version's texts: agenda item id (None: general remarks) -> text."""

    minutes_id: int
    meeting_id: int
    version: int
    texts: dict[int | None, str]


def minutes_texts(s: Session, minutes_id: int) -> MinutesTexts:
    minutes = minutes_service.get_minutes(s, minutes_id)
    texts: dict[int | None, str] = {
        r.agenda_item_id: r.text for r in minutes_service.minutes_entries(s, minutes_id)}
    texts[None] = minutes.general_text
    return MinutesTexts(minutes.id, minutes.meeting_id, minutes.version, texts)


def meeting_time_zones(s: Session, meeting_ids: Iterable[int | None]) -> dict[int, str]:
    """Time zones of a few meetings (the identity map makes repeats free)."""
    zones = {}
    for meeting_id in set(meeting_ids):
        if meeting_id is not None and (meeting := s.get(Meeting, meeting_id)) is not None:
            zones[meeting_id] = meeting.time_zone
    return zones


def approval_candidates(s: Session, meeting_id: int) -> list:
    """Decisions (``DecisionRow``) of the next few meetings after this one, nearest first.

    Only meetings held after the minutes were circulated can approve them (the service
    refuses the others), so those are the ones offered."""
    own = get_or_error(s, Meeting, meeting_id, N_("meeting"))
    minutes = minutes_service.latest_minutes(s, meeting_id)
    circulated = minutes.circulated_at if minutes is not None else None
    later = [row for row in list_meetings(s)
             if row.starts_at > own.starts_at and row.status != MeetingStatus.CANCELLED
             and (circulated is None or row.starts_at >= circulated)]
    later.sort(key=lambda row: row.starts_at)
    rows: list = []
    for meeting in later[:LATER_MEETINGS_OFFERED]:
        rows += decision_service.decision_rows(s, meeting_id=meeting.id, sort="number",
                                               descending=False)
    return rows
