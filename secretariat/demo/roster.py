"""Who sits on the demo forums: seats, terms and roles, as plain data.

Both generators draw their composition from here, so the small demo (built through the
services) and the large one (bulk inserts) have the same shape: one seat per body of
``texts.GOVERNMENT_BODIES`` and ``texts.NON_GOVERNMENT_BODIES``, two co-chairs (one
government, one civil society), two-year terms, some members reappointed, alternates for
about half the seats and a few observers.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from secretariat.demo import texts
from secretariat.model import Role

TERM_YEARS = 2
CO_CHAIR_SEATS = (0, len(texts.GOVERNMENT_BODIES))  # the NDC seat and the first CSO seat


@dataclass(frozen=True)
class SeatPlan:
    index: int
    label: str  # Chinese
    label_en: str
    sector_code: str
    organisation: str  # zh_TW name; "" for a citizen seat
    organisation_en: str
    government: bool


@dataclass(frozen=True)
class TermPlan:
    """One person (by index into the generator's people) holding a seat for a term."""

    seat: int
    person: int
    role: Role
    term_start: dt.date
    term_end: dt.date
    high_level: bool = False
    alternate_for: int | None = None  # index into the list of TermPlans


def seats() -> list[SeatPlan]:
    plans = []
    bodies = [(b, True) for b in texts.GOVERNMENT_BODIES]
    bodies += [(b, False) for b in texts.NON_GOVERNMENT_BODIES]
    counters: dict[bool, int] = {True: 0, False: 0}
    for index, ((name, name_en, sector), government) in enumerate(bodies):
        counters[government] += 1
        prefix, prefix_en = texts.SEAT_PREFIXES[government]
        number = counters[government]
        plans.append(SeatPlan(index, f"{prefix} {number}", f"{prefix_en} {number}", sector,
                              name, name_en, government))
    return plans


def term_starts(current_start: dt.date, count: int) -> list[dt.date]:
    """Start dates of ``count`` consecutive terms, the last one being ``current_start``
    (the first of a month, so adding whole years is always a valid date)."""
    return [current_start.replace(year=current_start.year - TERM_YEARS * back)
            for back in range(count - 1, -1, -1)]


def term_end(start: dt.date) -> dt.date:
    """The last day served: the day before the same date ``TERM_YEARS`` later."""
    return start.replace(year=start.year + TERM_YEARS) - dt.timedelta(days=1)


class PeoplePool:
    """Hands out fresh person indices up to ``size``; afterwards returns None."""

    def __init__(self, size: int):
        self.size = size
        self.used = 0

    def take(self) -> int | None:
        if self.used >= self.size:
            return None
        self.used += 1
        return self.used - 1


def terms(rng: random.Random, seat_plans: list[SeatPlan], starts: list[dt.date],
          pool: PeoplePool, *, alternate_share: float = 0.5, reappoint_share: float = 0.35,
          observers: int = 3) -> list[TermPlan]:
    """Members (and co-chairs), their alternates, and observers for every term."""
    plans: list[TermPlan] = []
    holder: dict[int, int] = {}
    for start in starts:
        end = term_end(start)
        for seat in seat_plans:
            previous = holder.get(seat.index)
            person = previous if previous is not None and rng.random() < reappoint_share else None
            person = person if person is not None else pool.take()
            if person is None:
                person = previous if previous is not None else 0
            holder[seat.index] = person
            role = Role.CO_CHAIR if seat.index in CO_CHAIR_SEATS else Role.MEMBER
            high_level = seat.government and (seat.index in CO_CHAIR_SEATS or rng.random() < 0.3)
            plans.append(TermPlan(seat.index, person, role, start, end, high_level))
            if rng.random() < alternate_share:
                alternate = pool.take()
                if alternate is not None:
                    plans.append(TermPlan(seat.index, alternate, Role.ALTERNATE, start, end,
                                          alternate_for=len(plans) - 1))
        for number in range(observers):
            observer = pool.take()
            if observer is not None:
                seat = seat_plans[-1 - number % 3]  # observers sit with non-government seats
                plans.append(TermPlan(seat.index, observer, Role.OBSERVER, start, end))
    return plans
