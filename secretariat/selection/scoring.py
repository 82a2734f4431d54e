"""Scored assessment: a published rubric, each assessor's scores, recusals, and the order.

A candidate's total from one assessor is the weighted sum of that assessor's scores over
the rubric's criteria; the candidate's result is the average of those totals over the
assessors who did not step aside for them (exact fractions: no rounding decides a seat).
Candidates with equal results are ordered by an RFC 3797 draw over the tied candidates
(in pool order), with the round's announced sources; a tie that decides a seat without
sources is refused rather than broken silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.selection import rfc3797


@dataclass(frozen=True)
class Criterion:
    name: str
    weight: Fraction
    low: int
    high: int


@dataclass(frozen=True)
class ScoredCandidate:
    candidate: int                      # 0-based index in the pool
    average: Fraction
    assessors: int                      # how many assessors' totals make the average
    totals: Mapping[int, Fraction]      # assessor -> weighted total
    tie_draw: tuple[int, ...] = ()      # the tied group (pool indexes) a draw ordered


@dataclass(frozen=True)
class Assessment:
    ranking: tuple[ScoredCandidate, ...]   # best first
    selected: tuple[int, ...]


def assess(criteria: Sequence[Criterion], candidates: int, assessors: int,
           scores: Mapping[tuple[int, int, str], int], recused: set[tuple[int, int]],
           seats: int, *, key: str | None = None,
           hash_name: str = rfc3797.DEFAULT_HASH) -> Assessment:
    """``scores[(assessor, candidate, criterion name)]``; ``recused`` holds
    (assessor, candidate) pairs."""
    _check(criteria, candidates, assessors, scores, recused)
    scored = []
    for c in range(candidates):
        totals = {a: sum((criterion.weight * scores[(a, c, criterion.name)]
                          for criterion in criteria), Fraction(0))
                  for a in range(assessors) if (a, c) not in recused}
        if not totals:
            raise SecretariatError(N_("Every assessor stepped aside for candidate {number}: "
                                      "nobody can score them."), number=c + 1)
        scored.append(ScoredCandidate(c, sum(totals.values(), Fraction(0)) / len(totals),
                                      len(totals), totals))
    ranking = _order(scored, seats, key, hash_name)
    return Assessment(tuple(ranking), tuple(s.candidate for s in ranking[:seats]))


def _order(scored: list[ScoredCandidate], seats: int, key: str | None,
           hash_name: str) -> list[ScoredCandidate]:
    ranking: list[ScoredCandidate] = []
    for average in sorted({s.average for s in scored}, reverse=True):
        tied = [s for s in scored if s.average == average]
        if len(tied) > 1:
            decides = len(ranking) < seats < len(ranking) + len(tied)
            if key is None:
                if decides:
                    raise SecretariatError(N_("Candidates are tied for the last seat: "
                                              "record the announced sources so the tie "
                                              "is broken by a draw."))
            else:
                steps = rfc3797.select(len(tied), len(tied), key, hash_name)
                group = tuple(s.candidate for s in tied)
                tied = [ScoredCandidate(**{**tied[step.position - 1].__dict__,
                                           "tie_draw": group}) for step in steps]
        ranking.extend(tied)
    return ranking


def _check(criteria, candidates, assessors, scores, recused) -> None:
    if not criteria:
        raise SecretariatError(N_("The rubric has no criteria."))
    if not assessors:
        raise SecretariatError(N_("Nobody has scored the candidates."))
    missing, outside = [], []
    by_name = {criterion.name: criterion for criterion in criteria}
    for a in range(assessors):
        for c in range(candidates):
            if (a, c) in recused:
                continue
            for criterion in criteria:
                value = scores.get((a, c, criterion.name))
                if value is None:
                    missing.append(f"{a + 1}/{c + 1}/{criterion.name}")
    for (a, c, name), value in scores.items():
        criterion = by_name.get(name)
        if criterion is None or not criterion.low <= value <= criterion.high:
            outside.append(f"{a + 1}/{c + 1}/{name}={value}")
    if missing:
        raise SecretariatError(N_("Scores are missing (assessor/candidate/criterion): "
                                  "{missing}."), missing=", ".join(missing[:20]))
    if outside:
        raise SecretariatError(N_("Scores outside the rubric's scale or for no criterion "
                                  "(assessor/candidate/criterion=score): {scores}."),
                               scores=", ".join(outside[:20]))
