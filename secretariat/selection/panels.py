"""From LEXIMIN panel types to a published list of panels of people, and the draw.

**Panels of people.** A panel type says how many members of each group sit on the panel;
its members are chosen by *rotation*, so that every member of a group is on the panel
equally often. Within a group of n people (in file order) needing c seats, window r
(r = 0 … L−1, L = n / gcd(n, c)) is the c people starting at position r·c, cyclically:
over the L windows each member appears exactly c / gcd(n, c) times. All the groups of a
type share one line: the type's probability is spread over [0, 1), group g uses window
⌊u·L_g⌋ at point u, and every stretch between two consecutive multiples of some 1/L_g is
one panel, with that stretch's share of the type's probability. So each person's
probability is exactly the LEXIMIN one, p·c/n summed over the types.

**The published lottery.** Panels are listed in canonical order (by their members' row
numbers, compared as ascending lists) and given whole *tickets* out of ``RESOLUTION``:
each panel's exact share, rounded down, then the tickets left over one each to the
largest remainders (ties: the earlier panel in the list). Panels left with no ticket are
not listed. Tickets are numbered consecutively from 1 in list order. The published
probabilities are tickets / RESOLUTION, exactly; a person's probability is the sum over
the panels they sit on.

**The draw.** The winning ticket is an RFC 3797 draw of one position from a pool of
RESOLUTION positions (the first random value divided by RESOLUTION, remainder + 1), so
``secretariat lottery --pool-size RESOLUTION --seats 1 --source …`` gives it too; the
panel whose ticket range holds it is selected.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from fractions import Fraction

from secretariat.selection import rfc3797
from secretariat.selection.leximin import GroupLottery

RESOLUTION = 10**12


@dataclass(frozen=True)
class Panel:
    members: tuple[int, ...]  # 0-based pool indices, ascending
    first_ticket: int
    tickets: int

    @property
    def last_ticket(self) -> int:
        return self.first_ticket + self.tickets - 1


@dataclass(frozen=True)
class PanelLottery:
    panels: tuple[Panel, ...]
    resolution: int
    pool_size: int

    def probability(self, panel: Panel) -> Fraction:
        return Fraction(panel.tickets, self.resolution)

    def person_probabilities(self) -> list[Fraction]:
        tickets = [0] * self.pool_size
        for panel in self.panels:
            for person in panel.members:
                tickets[person] += panel.tickets
        return [Fraction(t, self.resolution) for t in tickets]

    def panel_for_ticket(self, ticket: int) -> Panel:
        starts = [panel.first_ticket for panel in self.panels]
        return self.panels[bisect.bisect_right(starts, ticket) - 1]

    def winning_ticket(self, key: str, hash_name: str = rfc3797.DEFAULT_HASH) -> int:
        return rfc3797.select(self.resolution, 1, key, hash_name)[0].position


def expand(lottery: GroupLottery) -> dict[tuple[int, ...], Fraction]:
    """Every panel of people with its exact probability (rotation within groups)."""
    groups = lottery.problem.groups
    panels: dict[tuple[int, ...], Fraction] = {}
    for counts, probability in lottery.types:
        whole = [m for g, group in enumerate(groups) if counts[g] == group.size
                 for m in group.members]
        rotating = [(group.members, counts[g], group.size // math.gcd(group.size, counts[g]))
                    for g, group in enumerate(groups) if 0 < counts[g] < group.size]
        cuts = sorted({Fraction(r, windows) for _m, _c, windows in rotating
                       for r in range(windows)} | {Fraction(0), Fraction(1)})
        share = Fraction(probability)
        for start, end in zip(cuts, cuts[1:]):
            members = list(whole)
            for people, seats, windows in rotating:
                first = math.floor(start * windows) * seats
                members.extend(people[(first + j) % len(people)] for j in range(seats))
            panel = tuple(sorted(members))
            panels[panel] = panels.get(panel, Fraction(0)) + share * (end - start)
    return panels


def publish(lottery: GroupLottery, resolution: int = RESOLUTION) -> PanelLottery:
    """The canonical list of panels with their tickets (see the module's description)."""
    exact = expand(lottery)
    order = sorted(exact)
    total = sum(exact.values())
    shares = [exact[panel] * resolution / total for panel in order]
    tickets = [math.floor(share) for share in shares]
    left = resolution - sum(tickets)
    by_remainder = sorted(range(len(order)), key=lambda i: (-(shares[i] - tickets[i]), i))
    for i in by_remainder[:left]:
        tickets[i] += 1
    panels, first = [], 1
    for members, count in zip(order, tickets, strict=True):
        if count:
            panels.append(Panel(members=members, first_ticket=first, tickets=count))
            first += count
    return PanelLottery(panels=tuple(panels), resolution=resolution,
                        pool_size=lottery.problem.pool_size)
