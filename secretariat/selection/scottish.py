"""Single transferable vote by the Scottish rules.

The rules are those of Schedule 1 to the Scottish Local Government Elections Order 2007
(SSI 2007/42), rules 45 to 52 (the counting rules kept, renumbered 46 to 53, by the 2011
Order, SSI 2011/399). Quoted passages are from the Order as made (legislation.gov.uk).

Arithmetic is exact: every value is an integer number of hundred-thousandths of a vote,
because rule 48(3) makes each transfer value "to five decimal places (any remainder being
ignored)". Votes are sums of such values, so they need no rounding at all.

Surpluses are transferred as the Order says: rule 48(1) sorts "the ballot papers received
by that candidate" — all of them, not only the last parcel received — each at the value
surplus × (value of the paper) ÷ (total votes of the candidate), truncated. (Counting only
the last parcel is the rule of Northern Ireland and of the ERS manual, not of Scotland.)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from secretariat.selection import ties
from secretariat.selection.ballots import Election
from secretariat.selection.stv_result import EXCLUSION, FIRST, SURPLUS, CountResult, Stage

UNIT = 100_000  # rule 48(3): five decimal places


@dataclass
class _Parcel:
    """``weight`` ballot papers with the same ranking, each now worth ``value`` units."""

    ranking: tuple[int, ...]
    position: int  # index in ranking of the candidate now holding the papers
    weight: int
    value: int


class _Count:
    def __init__(self, election: Election, seed: str | None):
        self.names = election.candidates
        self.seats = election.seats
        self.seed = seed
        n = len(self.names)
        ballots = election.countable_ballots()
        self.valid = sum(b.weight for b in ballots)
        # Rule 46: valid papers ÷ (seats + 1), "ignoring any decimal places", plus one.
        self.quota = (self.valid // (self.seats + 1) + 1) * UNIT
        self.continuing = set(election.standing())
        self.withdrawn = election.withdrawn
        self.elected: list[int] = []
        self.transferred: set[int] = set()  # elected candidates whose surplus has gone
        self.piles: list[list[_Parcel]] = [[] for _ in range(n)]
        self.votes = [0] * n
        # Rule 45: parcels by first preference, one vote for each paper.
        for ballot in ballots:
            first = ballot.ranking[0]
            self.piles[first].append(_Parcel(ballot.ranking, 0, ballot.weight, UNIT))
            self.votes[first] += ballot.weight * UNIT
        self.history: list[list[int]] = []
        self.stages: list[Stage] = []

    # --- stages ---------------------------------------------------------------------

    def run(self) -> CountResult:
        self._record(FIRST, None, [0] * len(self.names), 0, 0, "")
        while not self._finished():
            surplus = [c for c in self.elected
                       if c not in self.transferred and self.votes[c] > self.quota]
            if surplus:
                self._transfer_surplus(surplus)
            else:
                self._exclude_lowest()
        return CountResult("scottish", self.names, self.seats, self.valid,
                           tuple(self.elected), tuple(self.stages), self.withdrawn, decimals=5)

    def _finished(self) -> bool:
        vacancies = self.seats - len(self.elected)
        if vacancies <= 0:
            return True  # rule 48(1): transfers only while "vacancies remain to be filled"
        if len(self.continuing) <= vacancies:
            # Rule 52(1): as many continuing candidates as vacancies: all are elected;
            # 52(2): "no further transfer shall be made".
            self._elect(sorted(self.continuing, key=lambda c: -self.votes[c]),
                        into=self.stages[-1])
            return True
        return False

    def _transfer_surplus(self, candidates: list[int]) -> None:
        # Rule 49(1): the highest surplus first; (2) equal surpluses: the candidate with
        # more votes at the most recent preceding stage where they differed; (3) by lot.
        highest = max(self.votes[c] for c in candidates)
        tied = sorted(c for c in candidates if self.votes[c] == highest)
        chosen, how = ties.break_tie(tied, self.history, ties.MOST, self.names,
                                     seed=self.seed, stage=len(self.stages) + 1,
                                     purpose="surplus")
        total = self.votes[chosen]
        surplus = total - self.quota
        changes = [0] * len(self.names)
        non_transferable = 0
        for parcel in self.piles[chosen]:
            # Rule 48(3)-(4): transfer value = surplus × value of the paper when received
            # (one for a first preference) ÷ total votes of the candidate, truncated to
            # five decimal places; in units that is an integer division.
            value = surplus * parcel.value // total
            non_transferable += self._move(parcel, value, changes)
        self.piles[chosen] = []
        moved = sum(changes)
        changes[chosen] = -surplus
        self.votes[chosen] = self.quota
        self.transferred.add(chosen)
        self._record(SURPLUS, chosen, changes, non_transferable,
                     surplus - moved - non_transferable, how)

    def _exclude_lowest(self) -> None:
        # Rule 50(1): exclude "the candidate with the then lowest number of votes";
        # rule 51(2): ties by the most recent preceding stage where they differed (fewest
        # is excluded), else by lot.
        lowest = min(self.votes[c] for c in self.continuing)
        tied = sorted(c for c in self.continuing if self.votes[c] == lowest)
        chosen, how = ties.break_tie(tied, self.history, ties.FEWEST, self.names,
                                     seed=self.seed, stage=len(self.stages) + 1,
                                     purpose="exclusion")
        self.continuing.discard(chosen)
        changes = [0] * len(self.names)
        non_transferable = 0
        for parcel in self.piles[chosen]:
            # Rule 50(4): value one, or the transfer value with which it was received.
            non_transferable += self._move(parcel, parcel.value, changes)
        self.piles[chosen] = []
        changes[chosen] = -self.votes[chosen]
        self.votes[chosen] = 0
        self._record(EXCLUSION, chosen, changes, non_transferable, 0, how, excluded=chosen)

    def _move(self, parcel: _Parcel, value: int, changes: list[int]) -> int:
        """Give the parcel to its next continuing preference at ``value`` a paper; the
        value that goes nowhere (rule 48(1)(b), 50(2)(b): non-transferable) is returned."""
        ranking = parcel.ranking
        for position in range(parcel.position + 1, len(ranking)):
            candidate = ranking[position]
            if candidate in self.continuing:
                amount = parcel.weight * value
                self.piles[candidate].append(_Parcel(ranking, position, parcel.weight, value))
                self.votes[candidate] += amount
                changes[candidate] += amount
                return 0
        return parcel.weight * value

    # --- bookkeeping ----------------------------------------------------------------

    def _record(self, action: str, candidate: int | None, changes: list[int],
                non_transferable: int, lost: int, tie: str, *, excluded: int | None = None
                ) -> None:
        stage = Stage(len(self.stages) + 1, action, candidate,
                      tuple(Fraction(v, UNIT) for v in self.votes),
                      tuple(Fraction(v, UNIT) for v in changes),
                      Fraction(non_transferable, UNIT), Fraction(lost, UNIT),
                      Fraction(self.quota, UNIT),
                      excluded=() if excluded is None else (excluded,), tie=tie)
        self.stages.append(stage)
        self._elect_with_quota()
        self.history.append(list(self.votes))

    def _elect_with_quota(self) -> None:
        # Rule 47(1): a candidate whose votes equal or exceed the quota is deemed elected.
        reached = [c for c in self.continuing if self.votes[c] >= self.quota]
        order = []
        while reached:  # most votes first; equal votes by the earlier stages, then lot
            highest = max(self.votes[c] for c in reached)
            tied = sorted(c for c in reached if self.votes[c] == highest)
            chosen, _how = ties.break_tie(tied, self.history, ties.MOST, self.names,
                                          seed=self.seed, stage=len(self.stages),
                                          purpose="order of election")
            order.append(chosen)
            reached.remove(chosen)
        self._elect(order, into=self.stages[-1])

    def _elect(self, candidates: list[int], *, into: Stage) -> None:
        if not candidates:
            return
        room = self.seats - len(self.elected)
        candidates = candidates[:room]
        for c in candidates:
            self.continuing.discard(c)
            self.elected.append(c)
        self.stages[into.number - 1] = replace(into, elected=into.elected + tuple(candidates))


def count(election: Election, *, seed: str | None = None) -> CountResult:
    """Count ``election`` by the Scottish rules. ``seed`` decides lots (see ``ties``);
    without one a count that needs a lot raises ``ties.LotNeeded``."""
    return _Count(election, seed).run()
