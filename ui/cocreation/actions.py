"""What the co-creation page does: plain functions over a session, run on the database
worker; they call the co-creation services and return plain values. No Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from secretariat.services.cocreation.contributions import (
    ContributionRow,
    contribution_count,
    contribution_list,
    overdue_contributions,
)
from secretariat.services.cocreation.cycles import cycle_on, list_cycles

PAGE_ROWS = 500  # a list shows the newest; the search finds the others


@dataclass(frozen=True)
class ContributionsView:
    cycles: list[tuple[int, str]]
    cycle_id: int | None
    rows: list[ContributionRow]
    total: int
    overdue: int


def load_contributions(s, *, cycle_id: int | None, search: str,
                       today: dt.date) -> ContributionsView:
    cycles = [(cycle.id, cycle.name) for cycle in list_cycles(s)]
    if cycle_id is None:
        running = cycle_on(s, today)
        cycle_id = running.id if running else None
    if cycle_id is None:
        return ContributionsView([], None, [], 0, 0)
    return ContributionsView(
        cycles, cycle_id, contribution_list(s, cycle_id, search=search, limit=PAGE_ROWS),
        contribution_count(s, cycle_id),
        len(overdue_contributions(s, today, cycle_id=cycle_id)))
