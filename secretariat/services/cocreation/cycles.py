"""Record an action-plan cycle (its phases' dates and the catalogue it is judged by) and
the milestones of its published timeline; read cycles back."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import ActionPlanCycle, CycleMilestone
from secretariat.services.cocreation.checks import check_day, check_optional_day, check_order
from secretariat.services.forum import require_forum
from secretariat.services.validation import flush, get_or_error, required_text
from secretariat.standards.catalogue import CATALOGUES


def create_cycle(s: Session, *, name: str, development_starts_on: dt.date,
                 development_ends_on: dt.date, implementation_starts_on: dt.date,
                 implementation_ends_on: dt.date, catalogue: str = "seed",
                 plan_submitted_on: dt.date | None = None) -> ActionPlanCycle:
    forum = require_forum(s)
    name = required_text(name, N_("Cycle name"))
    if catalogue not in CATALOGUES:
        raise SecretariatError(N_("“{value}” is not a standards catalogue; choose one of "
                                  "{choices}."), value=catalogue,
                               choices=", ".join(CATALOGUES))
    days = [check_day(development_starts_on, N_("Development start")),
            check_day(development_ends_on, N_("Development end")),
            check_day(implementation_starts_on, N_("Implementation start")),
            check_day(implementation_ends_on, N_("Implementation end"))]
    fields = [N_("Development start"), N_("Development end"), N_("Implementation start"),
              N_("Implementation end")]
    for (first, second), (first_field, second_field) in zip(
            zip(days, days[1:]), zip(fields, fields[1:])):
        check_order(first, second, first_field=first_field, second_field=second_field)
    submitted = check_optional_day(plan_submitted_on, N_("Action plan submitted"))
    cycle = ActionPlanCycle(
        forum_id=forum.id, name=name, catalogue=catalogue, development_starts_on=days[0],
        development_ends_on=days[1], implementation_starts_on=days[2],
        implementation_ends_on=days[3], plan_submitted_on=submitted)
    s.add(cycle)
    flush(s)
    return cycle


def add_milestone(s: Session, cycle_id: int, *, title: str, due_on: dt.date,
                  done_on: dt.date | None = None) -> CycleMilestone:
    cycle = get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    milestone = CycleMilestone(cycle_id=cycle.id, title=required_text(title, N_("Title")),
                               due_on=check_day(due_on, N_("Due date")),
                               done_on=check_optional_day(done_on, N_("Completion date")))
    s.add(milestone)
    flush(s)
    return milestone


def list_cycles(s: Session) -> list[ActionPlanCycle]:
    """Every cycle, the latest first."""
    return list(s.scalars(select(ActionPlanCycle).order_by(
        ActionPlanCycle.development_starts_on.desc(), ActionPlanCycle.id.desc())))


def cycle_on(s: Session, day: dt.date) -> ActionPlanCycle | None:
    """The cycle running on ``day`` (the latest that has begun), else the latest one."""
    cycles = list_cycles(s)
    for cycle in cycles:
        if cycle.development_starts_on <= day:
            return cycle
    return cycles[0] if cycles else None


def get_cycle(s: Session, cycle_id: int) -> ActionPlanCycle:
    return get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
