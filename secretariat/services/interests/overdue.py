"""Which members owe a declaration of interests, on a given day.

A member (any active membership but an observer's) must declare within
``APPOINTMENT_DECLARATION_DAYS`` of the start of their current term, and again at least
every ``YEARLY_DECLARATION_MONTHS``. "Within 30 days" counts the day after the term
starts as day 1: a term starting on 1 March is still fine on 31 March (day 30) and
overdue from 1 April (day 31). A declaration made on 1 March 2026 lasts until 1 March
2027; from 2 March 2027 a new one is overdue.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.i18n import N_
from secretariat.model import InterestDeclaration, Membership, Person, Role

# Fixed here for now; later the forum's terms of reference will set both periods.
APPOINTMENT_DECLARATION_DAYS = 30
YEARLY_DECLARATION_MONTHS = 12

AT_APPOINTMENT = N_("no declaration since appointment on {date}")
YEARLY = N_("last declaration on {date}, more than 12 months ago")


@dataclass(frozen=True)
class OverdueDeclaration:
    person_id: int
    person_name: str
    person_name_en: str
    appointed_on: dt.date  # start of the current term
    last_declared_on: dt.date | None
    due_on: dt.date  # the last day it could have been made in time
    reason: str  # msgid with {date}: AT_APPOINTMENT (appointed_on) or YEARLY (last)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when it is shorter (29
    February plus 12 months is 28 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _appointments(s: Session, day: dt.date) -> dict[int, dt.date]:
    """Person id → start of their current term, for members active on ``day``."""
    started: dict[int, dt.date] = {}
    for membership in s.scalars(select(Membership).where(
            Membership.role != Role.OBSERVER, Membership.term_start <= day)):
        if membership.is_active_on(day):
            previous = started.get(membership.person_id)
            if previous is None or membership.term_start > previous:
                started[membership.person_id] = membership.term_start
    return started


def overdue_declarations(s: Session, on: dt.date | None = None) -> list[OverdueDeclaration]:
    day = on or dt.date.today()
    appointed = _appointments(s, day)
    if not appointed:
        return []
    last = dict(s.execute(
        select(InterestDeclaration.person_id, func.max(InterestDeclaration.declared_on))
        .where(InterestDeclaration.person_id.in_(list(appointed)),
               InterestDeclaration.declared_on <= day)
        .group_by(InterestDeclaration.person_id)).all())
    people = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_(list(appointed))))}
    found = []
    for person_id, start in appointed.items():
        declared = last.get(person_id)
        if declared is None or declared < start:
            due, reason = start + dt.timedelta(days=APPOINTMENT_DECLARATION_DAYS), AT_APPOINTMENT
        else:
            due, reason = add_months(declared, YEARLY_DECLARATION_MONTHS), YEARLY
        if day > due:
            person = people[person_id]
            found.append(OverdueDeclaration(
                person_id=person_id, person_name=person.name, person_name_en=person.name_en,
                appointed_on=start, last_declared_on=declared, due_on=due, reason=reason))
    return sorted(found, key=lambda row: (row.due_on, row.person_name, row.person_id))


def overdue_count(s: Session, on: dt.date | None = None) -> int:
    return len(overdue_declarations(s, on))
