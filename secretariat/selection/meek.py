"""Single transferable vote by Meek's method (Hill, Wichmann and Woodall, "Algorithm 123",
The Computer Journal 30 (1987); the form New Zealand adopted in Schedule 1A of its Local
Electoral Regulations 2001, and the Electoral Reform Society's reference Meek).

Every candidate has a keep value: 1 while hopeful, 0 once excluded, and for an elected
candidate the share of each vote reaching them that they keep. A ballot gives each
candidate it names, in order, its remaining value × that candidate's keep value, and passes
the rest on; what is left after the last preference is non-transferable (excess). After
each pass (an iteration):

* the quota is recomputed from the votes still in play (NZ clause 5):
  (valid votes − excess) ÷ (seats + 1) + 0.000000001, truncated to 9 decimal places;
* an elected candidate's keep value becomes keep × quota ÷ votes, rounded *up* to 9
  decimal places (so rounding never leaves a candidate below the quota);
* hopeful candidates whose votes reach the quota are elected.

Iteration stops when the elected candidates' surpluses together are at most
``tolerance`` (default 0.00001 of a vote, as in Algorithm 123), or when an iteration no
longer reduces them. If nobody new was elected, the hopeful candidate with the fewest
votes is excluded (ties: the most recent earlier stage where they differed, else by lot,
see ``ties``), and iteration resumes.

Arithmetic is in integers of 10⁻⁹ (nine decimal places, as Schedule 1A); a candidate's
share of a ballot is truncated and the remainder passed on, so no value is lost.
"""

from __future__ import annotations

from fractions import Fraction

from secretariat.selection import ties
from secretariat.selection.ballots import Election
from secretariat.selection.stv_result import EXCLUSION, FIRST, ITERATION, CountResult, Stage

UNIT = 10**9
DEFAULT_TOLERANCE = Fraction(1, 100_000)
MAX_ITERATIONS = 10_000


class _Meek:
    def __init__(self, election: Election, seed: str | None, tolerance: Fraction):
        self.names = election.candidates
        self.seats = election.seats
        self.seed = seed
        self.tolerance = int(tolerance * UNIT)
        self.ballots = [(b.weight, b.ranking) for b in election.countable_ballots()]
        self.valid = sum(weight for weight, _ranking in self.ballots)
        n = len(self.names)
        self.keep = [0 if c in election.withdrawn else UNIT for c in range(n)]
        self.hopeful = set(election.standing())
        self.withdrawn = election.withdrawn
        self.elected: list[int] = []
        self.excluded: list[int] = []
        self.history: list[list[int]] = []
        self.stages: list[Stage] = []
        self.previous_votes = [0] * n
        self.previous_excess = 0

    def distribute(self) -> tuple[list[int], int]:
        votes = [0] * len(self.names)
        excess = 0
        keep = self.keep
        for weight, ranking in self.ballots:
            remaining = UNIT
            for c in ranking:
                k = keep[c]
                if k == 0:
                    continue
                share = remaining if k == UNIT else remaining * k // UNIT
                votes[c] += weight * share
                remaining -= share
                if remaining == 0:
                    break
            excess += weight * remaining
        return votes, excess

    def quota(self, excess: int) -> int:
        # NZ Schedule 1A clause 5: q = (v − vnt) ÷ (n + 1) + 0.000000001, truncated.
        return (self.valid * UNIT - excess) // (self.seats + 1) + 1

    def run(self) -> CountResult:
        tie = ""
        excluded_now: int | None = None
        action = FIRST
        while True:
            votes, excess, quota, _iterations = self.converge()
            newly = self.elect_reaching(votes, quota)
            room = self.seats - len(self.elected)
            if room > 0 and len(self.hopeful) <= room:
                # Counting is complete when successful and hopeful candidates together
                # are no more than the vacancies (NZ clause 3).
                newly += self.elect_in_order(sorted(self.hopeful), votes)
            excluded_this = None
            if not newly and len(self.elected) < self.seats:
                excluded_this, tie = self.exclude_lowest(votes)
            self.record(action, excluded_now, votes, excess, quota, newly,
                        excluded_this, tie)
            tie, excluded_now = "", excluded_this
            action = EXCLUSION if excluded_this is not None else ITERATION
            if len(self.elected) >= self.seats or not self.hopeful:
                break
        return CountResult("meek", self.names, self.seats, self.valid, tuple(self.elected),
                           tuple(self.stages), self.withdrawn, decimals=5)

    def converge(self) -> tuple[list[int], int, int, int]:
        last_surplus = None
        for iteration in range(1, MAX_ITERATIONS + 1):
            votes, excess = self.distribute()
            quota = self.quota(excess)
            surplus = sum(max(0, votes[c] - quota) for c in self.elected)
            reaching = any(votes[c] >= quota for c in self.hopeful)
            if (reaching or surplus <= self.tolerance
                    or (last_surplus is not None and surplus >= last_surplus)):
                return votes, excess, quota, iteration
            last_surplus = surplus
            for c in self.elected:
                # keep × quota ÷ votes, rounded up to nine places.
                # (Never above 1: a candidate below the quota keeps the whole vote.)
                self.keep[c] = (min(UNIT, -(-self.keep[c] * quota // votes[c]))
                                if votes[c] else UNIT)
        return votes, excess, quota, MAX_ITERATIONS

    def elect_reaching(self, votes: list[int], quota: int) -> list[int]:
        reached = [c for c in self.hopeful if votes[c] >= quota]
        return self.elect_in_order(reached, votes)

    def elect_in_order(self, candidates: list[int], votes: list[int]) -> list[int]:
        order = []
        candidates = list(candidates)
        while candidates and len(self.elected) < self.seats:
            highest = max(votes[c] for c in candidates)
            tied = sorted(c for c in candidates if votes[c] == highest)
            chosen, _how = ties.break_tie(tied, self.history, ties.MOST, self.names,
                                          seed=self.seed, stage=len(self.stages) + 1,
                                          purpose="order of election")
            candidates.remove(chosen)
            self.hopeful.discard(chosen)
            self.elected.append(chosen)
            order.append(chosen)
        return order

    def exclude_lowest(self, votes: list[int]) -> tuple[int, str]:
        lowest = min(votes[c] for c in self.hopeful)
        tied = sorted(c for c in self.hopeful if votes[c] == lowest)
        chosen, how = ties.break_tie(tied, self.history, ties.FEWEST, self.names,
                                     seed=self.seed, stage=len(self.stages) + 1,
                                     purpose="exclusion")
        self.hopeful.discard(chosen)
        self.excluded.append(chosen)
        self.keep[chosen] = 0
        return chosen, how

    def record(self, action, transferred, votes, excess, quota, newly, excluded, tie):
        changes = ([0] * len(votes) if action == FIRST else
                   [v - p for v, p in zip(votes, self.previous_votes, strict=True)])
        self.stages.append(Stage(
            len(self.stages) + 1, action, transferred,
            tuple(Fraction(v, UNIT) for v in votes),
            tuple(Fraction(v, UNIT) for v in changes),
            Fraction(excess - self.previous_excess, UNIT), Fraction(0), Fraction(quota, UNIT),
            elected=tuple(newly), excluded=() if excluded is None else (excluded,),
            tie=tie, keep_values=tuple(Fraction(k, UNIT) for k in self.keep)))
        self.previous_votes, self.previous_excess = votes, excess
        self.history.append(votes)


def count(election: Election, *, seed: str | None = None,
          tolerance: Fraction = DEFAULT_TOLERANCE) -> CountResult:
    """Count ``election`` by Meek's method; ``seed`` decides lots (see ``ties``)."""
    return _Meek(election, seed, Fraction(tolerance)).run()
