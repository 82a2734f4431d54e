"""An election as the counting methods see it: candidates, seats, weighted ballots."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from secretariat.errors import SecretariatError
from secretariat.i18n import N_


@dataclass(frozen=True)
class Ballot:
    """``weight`` identical ballot papers ranking ``ranking`` (0-based candidate indexes)."""

    weight: int
    ranking: tuple[int, ...]


@dataclass(frozen=True)
class Election:
    """What a ballot file holds. ``withdrawn`` candidates are skipped wherever ranked."""

    candidates: tuple[str, ...]
    seats: int
    ballots: tuple[Ballot, ...]
    withdrawn: frozenset[int] = field(default_factory=frozenset)
    title: str = ""

    def standing(self) -> list[int]:
        """Indexes of the candidates who did not withdraw, in ballot-file order."""
        return [i for i in range(len(self.candidates)) if i not in self.withdrawn]

    def effective_ballots(self) -> list[Ballot]:
        """Ballots with withdrawn candidates removed, identical rankings merged, empty
        ones (only withdrawn candidates) left out; first-seen order is kept."""
        merged: dict[tuple[int, ...], int] = {}
        for ballot in self.ballots:
            ranking = tuple(c for c in ballot.ranking if c not in self.withdrawn)
            if ranking:
                merged[ranking] = merged.get(ranking, 0) + ballot.weight
        return [Ballot(weight, ranking) for ranking, weight in merged.items()]

    def countable_ballots(self) -> list[Ballot]:
        """``effective_ballots``, refusing an election that has none to count."""
        ballots = self.effective_ballots()
        if not ballots:
            raise SecretariatError(N_("There is nothing to count: no ballot ranks a "
                                      "candidate who is still standing."))
        return ballots


def election(candidates: Sequence[str], seats: int,
             ballots: Iterable[tuple[int, Sequence[str]]], *,
             withdrawn: Iterable[str] = (), title: str = "") -> Election:
    """An election from names rather than numbers (for tests and generated data)."""
    index = {name: i for i, name in enumerate(candidates)}
    return Election(tuple(candidates), seats,
                    tuple(Ballot(w, tuple(index[n] for n in ranking)) for w, ranking in ballots),
                    frozenset(index[n] for n in withdrawn), title)
