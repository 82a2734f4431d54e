"""The compliance service: judge a cycle's chosen catalogue on a day, from the records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from secretariat.compliance.engine import evaluate_catalogue
from secretariat.compliance.facts import Facts
from secretariat.compliance.reading import read_facts
from secretariat.compliance.result import Result
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.services.cocreation.cycles import cycle_on, get_cycle
from secretariat.standards.catalogue import Catalogue, load


@dataclass(frozen=True)
class Report:
    cycle_id: int
    cycle_name: str
    day: dt.date
    catalogue: Catalogue
    results: tuple[Result, ...]
    facts: Facts

    def to_dict(self) -> dict:
        return {"cycle": {"id": self.cycle_id, "name": self.cycle_name},
                "date": self.day.isoformat(), "catalogue": self.catalogue.name,
                "results": [result.to_dict() for result in self.results]}


def check_cycle(s: Session, *, cycle_id: int | None = None,
                day: dt.date | None = None) -> Report:
    """Every entry of the cycle's catalogue judged on ``day`` (today); without
    ``cycle_id`` the cycle running that day."""
    day = day or dt.date.today()
    cycle = get_cycle(s, cycle_id) if cycle_id is not None else cycle_on(s, day)
    if cycle is None:
        raise SecretariatError(N_("No action-plan cycle is recorded yet; record one "
                                  "first."))
    catalogue = load(cycle.catalogue)
    facts = read_facts(s, cycle, day)
    return Report(cycle.id, cycle.name, day, catalogue,
                  tuple(evaluate_catalogue(catalogue, facts, day)), facts)
