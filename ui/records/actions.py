"""What the Minutes and decisions pages and the search do: plain functions over a session,
run on the database worker. They call services and return plain values (rows, counts,
paths) or ``Changes``; no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from secretariat.services import documents as document_service
from secretariat.services import forum as forum_service
from secretariat.services import meetings as meeting_service
from secretariat.services import search as search_service
from secretariat.services.meetings import actions as action_service
from secretariat.services.meetings import decisions as decision_service
from secretariat.services.meetings import editing
from secretariat.vocabulary import ActionStatus
from ui.changes import ChangeKind, Changes
from ui.records.viewing import viewing_copy
from ui.records.zones import DEFAULT_ZONE, local_date

@dataclass(frozen=True)
class DecisionQuery:
    """What the decision log shows: filters and the SQL sort key (services.decision_log)."""

    search: str = ""
    year: int | None = None
    method: str | None = None  # a DecisionMethod value
    is_public: bool | None = None
    meeting_id: int | None = None
    sort: str = "decided_at"
    descending: bool = True

    def filters(self) -> dict:
        return {"search": self.search or None, "year": self.year, "method": self.method,
                "is_public": self.is_public, "meeting_id": self.meeting_id}

    def sorted_by(self, sort: str, descending: bool) -> "DecisionQuery":
        return replace(self, sort=sort, descending=descending)


@dataclass(frozen=True)
class DecisionPage:
    total: int | None  # counted with the first page only
    rows: list  # DecisionRow, each with its meeting's time zone


def load_decisions(s, query: DecisionQuery, *, offset: int, limit: int,
                   with_count: bool) -> DecisionPage:
    rows = decision_service.decision_rows(s, **query.filters(), sort=query.sort,
                                          descending=query.descending, limit=limit,
                                          offset=offset)
    total = decision_service.decision_count(s, **query.filters()) if with_count else None
    return DecisionPage(total, rows)


def meeting_zones(s, meeting_ids) -> dict[int, str]:
    return editing.meeting_time_zones(s, meeting_ids)


@dataclass(frozen=True)
class MeetingChoice:
    id: int
    title: str
    title_en: str
    local_date: dt.date


def load_meeting_choices(s) -> list[MeetingChoice]:
    """Every meeting, newest first, for the decision log's meeting and year filters."""
    rows = meeting_service.list_meetings(s)
    choices = [MeetingChoice(r.id, r.title, r.title_en, local_date(r.starts_at, r.time_zone))
               for r in rows]
    return sorted(choices, key=lambda c: (c.local_date, c.id), reverse=True)


def forum_time_zone(s) -> str:
    forum = forum_service.get_forum(s)
    return forum.time_zone if forum else DEFAULT_ZONE


# -- action items -------------------------------------------------------------------

def load_actions(s, *, status: ActionStatus | None, overdue_on: dt.date | None):
    if overdue_on is not None:
        return [r for r in action_service.overdue_actions(s, overdue_on)
                if status is None or r.status == status]
    return action_service.action_rows(s, status=status)


def set_action_status(s, action_id: int, status: ActionStatus,
                      completed_on: dt.date | None = None,
                      expected_version: int | None = None) -> Changes:
    """The change names the action's meeting: its editor, if open, shows the action too."""
    action = action_service.update_action(s, action_id, status=status,
                                          completed_on=completed_on,
                                          expected_version=expected_version)
    return Changes.of_meeting(ChangeKind.ACTION_ITEM, action.meeting_id, ids=(action_id,))


# -- search -------------------------------------------------------------------------

@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list
    zones: dict[int, str]
    default_zone: str
    more: bool = False  # more records match than ``hits`` holds


def run_search(s, text: str, limit: int = 50) -> SearchResults:
    # One more than shown: tells "50 records contain" from "the first 50 of more".
    hits = search_service.search(s, text, limit=limit + 1)
    more = len(hits) > limit
    hits = hits[:limit]
    return SearchResults(text, hits, meeting_zones(s, (h.meeting_id for h in hits)),
                         forum_time_zone(s), more)


def document_path(s, documents_dir: Path, document_id: int) -> Path:
    """A viewable copy of a document's file, under its own name (see ``viewing``);
    SecretariatError when the record or the stored file is gone."""
    stored, file_name = document_service.stored_file(s, documents_dir, document_id)
    return viewing_copy(stored, file_name)
