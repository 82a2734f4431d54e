"""What an STV count produces, whichever method counted it: the elected candidates in
order of election and every stage, enough to print the count sheet or re-check it."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

FIRST = "first preferences"
SURPLUS = "surplus"
EXCLUSION = "exclusion"
ITERATION = "keep values"  # Meek: keep values recomputed until the surpluses settle


@dataclass(frozen=True)
class Stage:
    number: int
    action: str                         # FIRST, SURPLUS, EXCLUSION or ITERATION
    candidate: int | None               # whose surplus or whose papers were transferred
    votes: tuple[Fraction, ...]         # every candidate's votes at the end of the stage
    changes: tuple[Fraction, ...]       # what the stage added to (or took from) each
    non_transferable: Fraction          # papers with no further preference, this stage
    lost: Fraction                      # value lost by truncating transfer values
    quota: Fraction
    elected: tuple[int, ...] = ()       # deemed elected at the end of this stage
    excluded: tuple[int, ...] = ()
    tie: str = ""                       # "", "earlier stage" or "lot": how a tie was broken
    keep_values: tuple[Fraction, ...] = ()   # Meek only


@dataclass(frozen=True)
class CountResult:
    method: str
    candidates: tuple[str, ...]
    seats: int
    valid_votes: int
    elected: tuple[int, ...]            # in order of election
    stages: tuple[Stage, ...]
    withdrawn: frozenset[int] = frozenset()
    decimals: int = 5                   # places shown in the count sheet

    @property
    def elected_names(self) -> list[str]:
        return [self.candidates[c] for c in self.elected]

    @property
    def quota(self) -> Fraction:
        return self.stages[0].quota
