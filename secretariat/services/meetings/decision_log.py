"""The decision log across all meetings: one query per page, counts aggregated in SQL,
so a log of 10,000 decisions opens, filters and pages quickly (no per-row queries)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from secretariat.decision_numbers import parse_decision_number
from secretariat.i18n import localized

from secretariat.model import (
    AgendaItem,
    AuditEntry,
    Decision,
    DecisionMethod,
    Dissent,
    Meeting,
    Recusal,
)


@dataclass(frozen=True)
class DecisionRow:
    id: int
    number: str
    meeting_id: int
    meeting_title: str
    meeting_title_en: str
    meeting_starts_at: dt.datetime
    agenda_item_id: int | None
    agenda_item_title: str
    decided_at: dt.datetime
    text: str
    text_en: str
    method: DecisionMethod
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    recusal_count: int
    dissent_count: int
    is_public: bool
    # True once the decision is in the audit chain (its minutes approved): read-only.
    locked: bool
    version: int
    # The meeting's IANA zone: a decision's date is the meeting's local day.
    meeting_time_zone: str = ""
    agenda_item_title_en: str = ""

    def shown_agenda_item_title(self, language: str | None = None) -> str:
        """The agenda item's English title in English when it has one, else its title."""
        return localized(self.agenda_item_title, self.agenda_item_title_en, language)


# Columns the log can be sorted by (the GUI sorts in SQL so paging stays correct).
SORT_KEYS = ("number", "decided_at", "meeting", "method", "text", "recusals", "dissents",
             "is_public")


def _filters(query: Select, *, search, meeting_id, method, year, is_public) -> Select:
    if search and search.strip():
        term = search.strip()
        # A whole number as typed (``2026-s3-r2``, or the earlier ``2026-03-02``) finds it.
        typed = parse_decision_number(term)
        query = query.where(
            Decision.number.icontains(term, autoescape=True)
            | (Decision.number == (typed or term))
            | Decision.text.icontains(term, autoescape=True)
            | Decision.text_en.icontains(term, autoescape=True)
            | Decision.rationale.icontains(term, autoescape=True)
        )
    if meeting_id is not None:
        query = query.where(Decision.meeting_id == meeting_id)
    if method is not None:
        query = query.where(Decision.method == DecisionMethod(method))
    if year is not None:
        # The number starts with the meeting's local year; the unique index covers it.
        query = query.where(Decision.number.startswith(f"{int(year):04d}-"))
    if is_public is not None:
        query = query.where(Decision.is_public == bool(is_public))
    return query


def decision_rows(
    s: Session, *, search: str | None = None, meeting_id: int | None = None,
    method: DecisionMethod | None = None, year: int | None = None,
    is_public: bool | None = None, limit: int | None = None, offset: int = 0,
    sort: str = "decided_at", descending: bool = True,
) -> list[DecisionRow]:
    """Decisions filtered as given, newest first unless ``sort`` (one of SORT_KEYS) and
    ``descending`` say otherwise; ``limit``/``offset`` page the list."""
    recusals = (select(Recusal.decision_id, func.count().label("n"))
                .group_by(Recusal.decision_id).subquery())
    dissents = (select(Dissent.decision_id, func.count().label("n"))
                .group_by(Dissent.decision_id).subquery())
    # EXISTS uses the record_id index; an outer join on a DISTINCT subquery made SQLite
    # scan the whole audit log once per decision.
    chained = (select(AuditEntry.id).where(AuditEntry.record_id == Decision.id,
                                           AuditEntry.record_type == "decision")
               .exists())
    query = (
        select(
            Decision.id, Decision.number, Decision.meeting_id, Meeting.title, Meeting.title_en,
            Meeting.starts_at, Decision.agenda_item_id, func.coalesce(AgendaItem.title, ""),
            Decision.decided_at, Decision.text, Decision.text_en, Decision.method,
            Decision.votes_for, Decision.votes_against, Decision.votes_abstain,
            func.coalesce(recusals.c.n, 0), func.coalesce(dissents.c.n, 0),
            Decision.is_public, chained, Decision.version, Meeting.time_zone,
            func.coalesce(AgendaItem.title_en, ""),
        )
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .outerjoin(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .outerjoin(recusals, recusals.c.decision_id == Decision.id)
        .outerjoin(dissents, dissents.c.decision_id == Decision.id)
    )
    query = _filters(query, search=search, meeting_id=meeting_id, method=method, year=year,
                     is_public=is_public)
    sort_columns = {
        "number": Decision.number, "decided_at": Decision.decided_at,
        "meeting": Meeting.starts_at, "method": Decision.method, "text": Decision.text,
        "recusals": func.coalesce(recusals.c.n, 0), "dissents": func.coalesce(dissents.c.n, 0),
        "is_public": Decision.is_public,
    }
    if sort not in sort_columns:
        raise ValueError(f"unknown sort key {sort!r}; expected one of {SORT_KEYS}")
    order = [sort_columns[sort], Decision.number, Decision.id]
    query = query.order_by(*[c.desc() if descending else c.asc() for c in order])
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    # SQLite returns the EXISTS-like flag as 0/1.
    return [DecisionRow(*row[:18], bool(row[18]), row[19], row[20], row[21])
            for row in s.execute(query)]


def decision_count(
    s: Session, *, search: str | None = None, meeting_id: int | None = None,
    method: DecisionMethod | None = None, year: int | None = None,
    is_public: bool | None = None,
) -> int:
    query = _filters(select(func.count(Decision.id)), search=search, meeting_id=meeting_id,
                     method=method, year=year, is_public=is_public)
    return s.scalar(query) or 0
