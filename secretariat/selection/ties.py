"""Breaking ties the way the Scottish rules do: look back, then draw lots reproducibly.

Rules 49(2) and 51(2) of Schedule 1 to the Scottish Local Government Elections Order 2007
look at "the most recent preceding stage … at which they had unequal numbers of votes";
only if the candidates were equal at every stage does the returning officer "decide, by
lot". A count run by a program must be repeatable by anyone, so the lot here is not a
hidden random number: it is drawn from a seed the secretariat publishes before the count
(for instance the RFC 3797 draw of the selection round, or the numbers of a public
lottery), as

    SHA-256( "<seed>|<stage>|<purpose>|<name 1>|<name 2>|…" )  read as an integer,
    modulo the number of candidates tied

with the tied candidates' names in ballot-file order. Anyone with the seed and the ballot
file gets the same draw. Without a seed the count stops and says which lot is needed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from secretariat.errors import SecretariatError
from secretariat.i18n import N_

MOST = "most"
FEWEST = "fewest"


class LotNeeded(SecretariatError):
    """A tie that only a drawing of lots can break, and no seed was given."""


def look_back(tied: Sequence[int], history: Sequence[Sequence[int]], want: str) -> list[int]:
    """Narrow ``tied`` by the most recent earlier stage at which they differed.

    ``history`` holds the votes of every candidate at the end of each earlier stage,
    oldest first. At each stage going back, only the candidates with the most (or fewest)
    votes among those still tied stay; the search stops when one is left.
    """
    remaining = list(tied)
    for votes in reversed(history):
        values = [votes[c] for c in remaining]
        best = max(values) if want == MOST else min(values)
        remaining = [c for c in remaining if votes[c] == best]
        if len(remaining) == 1:
            break
    return remaining


def draw_lot(tied: Sequence[int], names: Sequence[str], *, seed: str | None, stage: int,
             purpose: str) -> int:
    """One of ``tied`` (candidate indexes, kept in ballot-file order), by lot."""
    ordered = sorted(tied)
    if seed is None:
        raise LotNeeded(N_("At stage {stage} the count needs a drawing of lots between "
                           "{names}. Give a published seed (--seed) so that the draw can "
                           "be repeated by anyone."),
                        stage=stage, names=", ".join(names[c] for c in ordered))
    text = "|".join([seed, str(stage), purpose, *(names[c] for c in ordered)])
    number = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest(), "big")
    return ordered[number % len(ordered)]


def break_tie(tied: Sequence[int], history: Sequence[Sequence[int]], want: str,
              names: Sequence[str], *, seed: str | None, stage: int,
              purpose: str) -> tuple[int, str]:
    """The candidate chosen and how: ``"votes"`` (no tie), ``"earlier stage"`` or
    ``"lot"``."""
    if len(tied) == 1:
        return tied[0], "votes"
    remaining = look_back(tied, history, want)
    if len(remaining) == 1:
        return remaining[0], "earlier stage"
    return draw_lot(remaining, names, seed=seed, stage=stage, purpose=purpose), "lot"
