"""What the command line and the application show of rounds: plain rows, no ORM."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.i18n import N_
from secretariat.model import SelectionRound
from secretariat.selection.round_vocabulary import RoundStatus, SelectionMethod
from secretariat.services.selection.candidates import features_of
from secretariat.services.validation import get_or_error


@dataclass(frozen=True)
class RoundRow:
    id: int
    title: str
    title_en: str
    sector_code: str
    sector_zh: str
    sector_en: str
    seats: int
    term_start: dt.date
    term_end: dt.date | None
    method: SelectionMethod
    status: RoundStatus
    candidates: int
    eligible: int
    decision_date: dt.date | None
    version: int


@dataclass(frozen=True)
class CandidateRow:
    id: int
    position: int
    name: str
    name_en: str
    organisation: str
    features: dict[str, str]
    eligible: bool | None
    exclusion_reason: str
    selected_rank: int | None
    version: int


@dataclass(frozen=True)
class RoundDetail:
    row: RoundRow
    constituency: str
    criteria_zh: str
    criteria_en: str
    call_opens: dt.date | None
    call_closes: dt.date | None
    hash_name: str
    candidates: tuple[CandidateRow, ...]
    committee: tuple[dict, ...]
    sources: tuple[dict, ...]
    quotas: tuple[dict, ...]
    rubric: tuple[dict, ...]
    ballots_blt: str
    result: dict | None
    published_at: dt.datetime | None


def round_rows(s: Session) -> list[RoundRow]:
    rounds = s.scalars(select(SelectionRound).order_by(SelectionRound.id.desc()))
    return [_row(r) for r in rounds]


def round_detail(s: Session, round_id: int) -> RoundDetail:
    r = get_or_error(s, SelectionRound, round_id, N_("selection round"))
    names = {c.id: c.name for c in r.candidates}
    return RoundDetail(
        row=_row(r), constituency=r.constituency, criteria_zh=r.criteria_zh,
        criteria_en=r.criteria_en, call_opens=r.call_opens, call_closes=r.call_closes,
        hash_name=r.hash_name,
        candidates=tuple(CandidateRow(c.id, c.position, c.name, c.name_en, c.organisation,
                                      features_of(c), c.eligible, c.exclusion_reason,
                                      c.selected_rank, c.version) for c in r.candidates),
        committee=tuple({"id": m.id, "position": m.position, "name": m.name,
                         "name_en": m.name_en, "organisation": m.organisation,
                         "declaration": m.declaration,
                         "stepped_aside_for": [names[x.candidate_id] for x in m.recusals]}
                        for m in r.committee),
        sources=tuple({"id": x.id, "position": x.position, "description": x.description,
                       "value": x.value, "announced_at": x.announced_at} for x in r.sources),
        quotas=tuple(json.loads(r.quotas_json or "[]")),
        rubric=tuple(json.loads(r.rubric_json or "[]")),
        ballots_blt=r.ballots_blt or "",
        result=json.loads(r.result_json) if r.result_json else None,
        published_at=r.published_at)


def _row(r: SelectionRound) -> RoundRow:
    return RoundRow(r.id, r.title, r.title_en, r.sector.code, r.sector.name_zh_tw,
                    r.sector.name_en, r.seats, r.term_start, r.term_end, r.method, r.status,
                    len(r.candidates), sum(1 for c in r.candidates if c.eligible),
                    r.decision_date, r.version)
