"""The log of breaches of the conflict-of-interest rules and the sanctions decided."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Decision, InterestBreach, Person
from secretariat.services.validation import check_date, get_or_error, optional_text


@dataclass(frozen=True)
class BreachRow:
    id: int
    occurred_on: dt.date
    person_id: int
    person_name: str
    description: str
    sanction: str
    decision_number: str | None
    decided_on: dt.date | None
    version: int


def record_breach(s: Session, *, person_id: int, occurred_on: dt.date | str,
                  description: str, sanction: str = "", decision_id: int | None = None,
                  decided_on: dt.date | str | None = None,
                  decision_number: str | None = None) -> InterestBreach:
    """A breach, with the sanction decided by a decision on record (by id, or by the number
    a clerk types, ``2026-S03-R02``) or on a day."""
    get_or_error(s, Person, person_id, N_("person"))
    if decision_number and decision_number.strip():
        decision_id = _decision_numbered(s, decision_number.strip())
    day = check_date(occurred_on, N_("Date of the breach"))
    description = optional_text(description, N_("Description"))
    if not description:
        raise SecretariatError(N_("Describe the breach."))
    sanction = optional_text(sanction, N_("Sanction"))
    decided = check_date(decided_on, N_("Date of the sanction")) if decided_on else None
    if decision_id is not None:
        get_or_error(s, Decision, decision_id, N_("decision"))
    if sanction and decided is None and decision_id is None:
        raise SecretariatError(N_("Say who decided the sanction: the decision's number or "
                                  "the date it was decided."))
    if decided is not None and decided < day:
        raise SecretariatError(N_("The sanction ({decided}) cannot be decided before the "
                                  "breach ({day})."), decided=decided, day=day)
    breach = InterestBreach(person_id=person_id, occurred_on=day, description=description,
                            sanction=sanction, decision_id=decision_id, decided_on=decided)
    s.add(breach)
    s.flush()
    return breach


def _decision_numbered(s: Session, typed: str) -> int:
    from secretariat.decision_numbers import parse_decision_number

    found = s.scalar(select(Decision.id).where(
        Decision.number == (parse_decision_number(typed) or typed)))
    if found is None:
        raise SecretariatError(N_("There is no decision numbered {number}."), number=typed)
    return found


def remove_breach(s: Session, breach_id: int) -> None:
    """Take back a breach recorded by mistake (the undo of ``record_breach``)."""
    s.delete(get_or_error(s, InterestBreach, breach_id, N_("breach")))
    s.flush()


def breach_rows(s: Session) -> list[BreachRow]:
    rows = s.execute(
        select(InterestBreach, Person.name, Decision.number)
        .join(Person, Person.id == InterestBreach.person_id)
        .outerjoin(Decision, Decision.id == InterestBreach.decision_id)
        .order_by(InterestBreach.occurred_on.desc(), InterestBreach.id)).all()
    return [BreachRow(id=b.id, occurred_on=b.occurred_on, person_id=b.person_id,
                      person_name=name, description=b.description, sanction=b.sanction,
                      decision_number=number, decided_on=b.decided_on, version=b.version)
            for b, name, number in rows]
