"""Plurality and approval counts: one tally per candidate, the highest win.

Plurality counts each ballot once, for its first preference (a BLT ballot file can be
counted this way too); approval counts each candidate a ballot approves, once however
they are listed. A tie at the last seat is never decided silently: the result names the
candidates tied for the remaining seats, and a lot is drawn only when a published seed is
given (see ``ties``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.selection import ties
from secretariat.selection.ballots import Election


@dataclass(frozen=True)
class Tally:
    method: str                       # "plurality" or "approval"
    candidates: tuple[str, ...]
    seats: int
    votes: tuple[int, ...]            # per candidate
    elected: tuple[int, ...]          # most votes first
    tied_for_last: tuple[int, ...] = ()   # non-empty when a lot decided the last seat(s)

    @property
    def elected_names(self) -> list[str]:
        return [self.candidates[c] for c in self.elected]


def plurality(election: Election, *, seed: str | None = None) -> Tally:
    votes = [0] * len(election.candidates)
    for ballot in election.effective_ballots():
        votes[ballot.ranking[0]] += ballot.weight
    return _winners("plurality", election.candidates, election.seats, votes,
                    election.standing(), seed)


def approval(candidates: Sequence[str], seats: int,
             ballots: Iterable[Iterable[str]], *, seed: str | None = None) -> Tally:
    """``ballots``: for each voter, the names of the candidates approved."""
    index = {name: i for i, name in enumerate(candidates)}
    votes = [0] * len(candidates)
    for number, ballot in enumerate(ballots, start=1):
        approved = set()
        for name in ballot:
            if name not in index:
                raise SecretariatError(N_("Ballot {number} approves “{name}”, who is not "
                                          "a candidate."), number=number, name=name)
            approved.add(index[name])
        for c in approved:
            votes[c] += 1
    return _winners("approval", tuple(candidates), seats, votes, range(len(candidates)), seed)


def _winners(method: str, candidates: Sequence[str], seats: int, votes: list[int],
             standing: Iterable[int], seed: str | None) -> Tally:
    order = sorted(standing, key=lambda c: (-votes[c], c))
    if len(order) <= seats:
        return Tally(method, tuple(candidates), seats, tuple(votes), tuple(order))
    boundary = votes[order[seats - 1]]
    sure = [c for c in order if votes[c] > boundary]
    tied = [c for c in order if votes[c] == boundary]
    chosen = list(sure)
    if len(sure) + len(tied) <= seats:
        return Tally(method, tuple(candidates), seats, tuple(votes), tuple(sure + tied))
    remaining = list(tied)
    while len(chosen) < seats:
        pick = ties.draw_lot(remaining, candidates, seed=seed, stage=len(chosen) + 1,
                             purpose=method)
        chosen.append(pick)
        remaining.remove(pick)
    return Tally(method, tuple(candidates), seats, tuple(votes), tuple(chosen), tuple(tied))
