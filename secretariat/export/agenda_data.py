"""One meeting and its agenda as documents show them (agenda PDF, calendar, the head of the
minutes), in the document's language, from the meeting record (``meeting_record``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from secretariat.export.document_language import pick
from secretariat.services.meetings import MeetingRecord, meeting_record, public_projection
from secretariat.vocabulary import (
    ItemPurpose, MeetingKind, MeetingStatus, Modality, Phase, ProposedBy,
)


def forum_slug(name_en: str, forum_id: int) -> str:
    """A stable ASCII name for the forum (from its English name), used in calendar UIDs."""
    slug = re.sub(r"[^a-z0-9]+", "-", name_en.lower()).strip("-")
    return slug or f"forum-{forum_id}"


@dataclass(frozen=True)
class PaperData:
    title: str
    is_public: bool  # False: restricted, marked so in internal documents


@dataclass(frozen=True)
class ItemData:
    id: int
    number: int
    title: str
    purpose: ItemPurpose
    presenter: str
    planned_minutes: int | None
    proposed_by: ProposedBy
    papers: tuple[PaperData, ...]


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
    public: bool = False  # read through the public projection: a copy for publication

    @property
    def total_planned_minutes(self) -> int:
        return sum(item.planned_minutes or 0 for item in self.items)


def load_meeting(session: Session, meeting_id: int, *, language: str,
                 public: bool = False) -> MeetingData:
    """The meeting and its agenda; raises SecretariatError for an unknown id.
    ``public``: only what may be published (``public_projection``)."""
    record = meeting_record(session, meeting_id)
    return meeting_data(public_projection(record) if public else record, language)


def meeting_data(record: MeetingRecord, language: str) -> MeetingData:
    """The values a document shows of a meeting record, in ``language``."""
    details = record.details
    zone = ZoneInfo(details.time_zone)
    items = tuple(
        ItemData(
            id=item.id,
            number=number,
            title=pick(item.title, item.title_en, language),
            purpose=item.purpose,
            presenter=pick(item.presenter_name, item.presenter_name_en, language)
            or item.presenter,
            planned_minutes=item.planned_minutes,
            proposed_by=item.proposed_by,
            papers=tuple(PaperData(paper.title, paper.is_public)  # in the order attached
                         for paper in item.papers),
        )
        for number, item in enumerate(record.agenda, start=1)
    )
    return MeetingData(
        id=details.id,
        language=language,
        forum_name=pick(details.forum_name, details.forum_name_en, language),
        forum_slug=forum_slug(details.forum_name_en, details.forum_id),
        title=pick(details.title, details.title_en, language),
        kind=details.kind,
        phase=details.phase,
        modality=details.modality,
        status=details.status,
        starts_at=details.starts_at.astimezone(zone),
        ends_at=details.ends_at.astimezone(zone),
        time_zone=details.time_zone,
        location=details.location,
        remote_link=details.remote_link,
        is_public=details.is_public,
        updated_at=details.updated_at,
        version=details.version,
        items=items,
        public=record.public,
    )
