"""Everything a round's method needs, read from the database into plain values, so the
computation (which may take a while for a lottery with quotas) runs outside any
transaction and can be repeated by anyone from the published data."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import AssessorScore, CommitteeRecusal, SelectionRound
from secretariat.selection import rfc3797
from secretariat.selection.round_vocabulary import RoundStatus, SelectionMethod
from secretariat.services.forum import require_forum
from secretariat.services.selection.candidates import features_of
from secretariat.services.validation import get_or_error


@dataclass(frozen=True)
class PoolMember:
    number: int          # 1-based in the eligible pool: the published pool's numbering
    candidate_id: int
    name: str
    name_en: str
    organisation: str
    features: dict[str, str]


@dataclass(frozen=True)
class RoundInputs:
    round_id: int
    version: int
    method: SelectionMethod
    seats: int
    hash_name: str
    pool: tuple[PoolMember, ...]
    sources: tuple[str, ...]
    quotas: tuple[dict, ...]
    ballots_blt: str
    rubric: tuple[dict, ...]
    assessors: tuple[int, ...]                       # committee member ids, in order
    scores: dict[tuple[int, int, str], int]          # (member id, candidate id, criterion)
    recused: frozenset[tuple[int, int]]              # (member id, candidate id)

    @property
    def key(self) -> str | None:
        return rfc3797.key_string(self.sources) if self.sources else None


def method_inputs(s: Session, round_id: int) -> RoundInputs:
    r = get_or_error(s, SelectionRound, round_id, N_("selection round"))
    if r.status != RoundStatus.CLOSED:
        raise SecretariatError(N_("Close the call before running the method: the pool must "
                               "not change any more."))
    unscreened = [c.name for c in r.candidates if c.eligible is None]
    if unscreened:
        raise SecretariatError(N_("Screen every candidate first; not screened yet: {names}."),
                               names=", ".join(unscreened))
    pool = tuple(PoolMember(number, c.id, c.name, c.name_en, c.organisation, features_of(c))
                 for number, c in enumerate((c for c in r.candidates if c.eligible), start=1))
    if len(pool) < r.seats and r.method in (SelectionMethod.DRAW, SelectionMethod.LEXIMIN):
        raise SecretariatError(N_("Only {count} eligible candidates for {seats} seats: there "
                                  "is nothing to draw."), count=len(pool), seats=r.seats)
    sources = _sources(s, r)
    member_ids = tuple(m.id for m in r.committee)
    scores = {(row.member_id, row.candidate_id, row.criterion): row.score
              for row in s.scalars(select(AssessorScore)
                                   .where(AssessorScore.member_id.in_(member_ids)))}
    recused = frozenset((row.member_id, row.candidate_id) for row in s.scalars(
        select(CommitteeRecusal).where(CommitteeRecusal.member_id.in_(member_ids))))
    return RoundInputs(r.id, r.version, r.method, r.seats, r.hash_name, pool, sources,
                       tuple(json.loads(r.quotas_json or "[]")), r.ballots_blt or "",
                       tuple(json.loads(r.rubric_json or "[]")), member_ids, scores, recused)


def _sources(s: Session, r: SelectionRound) -> tuple[str, ...]:
    """The sources' values, refused if any was recorded on or after the draw's day (in
    the forum's time zone): a source announced after the draw could have been chosen
    knowing the result."""
    if not r.sources:
        if r.method.uses_sources:
            raise SecretariatError(N_("Record the announced random sources before the draw."))
        return ()
    if r.decision_date is None:
        raise SecretariatError(N_("Set the draw or count date: the sources must have been "
                                  "announced before it."))
    zone = ZoneInfo(require_forum(s).time_zone or "Asia/Taipei")
    start = dt.datetime.combine(r.decision_date, dt.time(), zone)
    late = [src.description for src in r.sources if src.announced_at >= start]
    if late:
        raise SecretariatError(N_("These sources were recorded on or after the draw date "
                                  "{day}, so the draw cannot use them: {sources}."),
                               day=r.decision_date, sources="; ".join(late))
    missing = [src.description for src in r.sources if not src.value]
    if missing:
        raise SecretariatError(N_("The value of these sources is not known yet: {sources}."),
                               sources="; ".join(missing))
    return tuple(src.value for src in r.sources)
