"""One meeting and its agenda, read into plain frozen values for documents (agenda PDF,
calendar, and the head of the minutes)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from secretariat.errors import SecretariatError
from secretariat.export.document_language import person_name, pick
from secretariat.i18n import N_
from secretariat.model import (
    AgendaItem, Attendance, Forum, ItemPurpose, Meeting, MeetingKind, MeetingStatus, Modality,
    Person, Phase, ProposedBy,
)


def forum_slug(forum: Forum) -> str:
    """A stable ASCII name for the forum, used in calendar UIDs."""
    slug = re.sub(r"[^a-z0-9]+", "-", forum.name_en.lower()).strip("-")
    return slug or f"forum-{forum.id}"


@dataclass(frozen=True)
class ItemData:
    id: int
    number: int
    title: str
    purpose: ItemPurpose
    presenter: str
    planned_minutes: int | None
    proposed_by: ProposedBy
    papers: tuple[str, ...]


@dataclass(frozen=True)
class MeetingData:
    id: int
    language: str
    forum_name: str
    forum_slug: str
    title: str
    kind: MeetingKind
    phase: Phase
    modality: Modality
    status: MeetingStatus
    starts_at: dt.datetime  # in the meeting's own zone
    ends_at: dt.datetime
    time_zone: str
    location: str
    remote_link: str
    is_public: bool
    updated_at: dt.datetime  # UTC
    version: int
    items: tuple[ItemData, ...]

    @property
    def total_planned_minutes(self) -> int:
        return sum(item.planned_minutes or 0 for item in self.items)


def fetch_meeting(session: Session, meeting_id: int) -> Meeting:
    # Eager loads: a 20-item meeting otherwise costs a query per person and paper.
    items = selectinload(Meeting.agenda_items)
    attendance = selectinload(Meeting.attendance)
    meeting = session.execute(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            items.selectinload(AgendaItem.documents),
            items.selectinload(AgendaItem.presenter_person),
            attendance.selectinload(Attendance.person).selectinload(Person.organisation),
            attendance.selectinload(Attendance.represented_by),
        )
    ).scalar_one_or_none()
    if meeting is None:
        raise SecretariatError(N_("There is no meeting number {id}."), id=meeting_id)
    return meeting


def load_meeting(session: Session, meeting_id: int, *, language: str) -> MeetingData:
    """The meeting and its agenda; raises SecretariatError for an unknown id."""
    return read_meeting_data(session, fetch_meeting(session, meeting_id), language)


def read_meeting_data(session: Session, meeting: Meeting, language: str) -> MeetingData:
    """The values of a meeting already loaded by ``fetch_meeting``."""
    forum = session.get(Forum, meeting.forum_id)
    zone = ZoneInfo(meeting.time_zone)
    items = tuple(
        ItemData(
            id=item.id,
            number=number,
            title=pick(item.title, item.title_en, language),
            purpose=item.purpose,
            presenter=person_name(item.presenter_person, language) or item.presenter,
            planned_minutes=item.planned_minutes,
            proposed_by=item.proposed_by,
            papers=tuple(doc.title for doc in sorted(item.documents, key=lambda d: d.id)),
        )
        for number, item in enumerate(meeting.agenda_items, start=1)
    )
    return MeetingData(
        id=meeting.id,
        language=language,
        forum_name=pick(forum.name_zh_tw, forum.name_en, language),
        forum_slug=forum_slug(forum),
        title=pick(meeting.title, meeting.title_en, language),
        kind=meeting.kind,
        phase=meeting.phase,
        modality=meeting.modality,
        status=meeting.status,
        starts_at=meeting.starts_at.astimezone(zone),
        ends_at=meeting.ends_at.astimezone(zone),
        time_zone=meeting.time_zone,
        location=meeting.location,
        remote_link=meeting.remote_link,
        is_public=meeting.is_public,
        updated_at=meeting.updated_at,
        version=meeting.version,
        items=items,
    )
