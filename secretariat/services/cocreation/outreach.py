"""The outreach and communications log: awareness and targeted activities, and the direct
questions stakeholders asked with the answers and when they were given."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from secretariat.cocreation_vocabulary import OutreachChannel, OutreachKind
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import ActionPlanCycle, OutreachActivity, StakeholderQuestion
from secretariat.services.cocreation.checks import check_day, check_order
from secretariat.services.validation import (
    coerce_enum,
    flush,
    get_for_update,
    get_or_error,
    optional_text,
    required_text,
)


def record_outreach(s: Session, cycle_id: int, *, held_on: dt.date,
                    kind: OutreachKind | str, channel: OutreachChannel | str,
                    description: str, audience: str = "") -> OutreachActivity:
    cycle = get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    kind = coerce_enum(OutreachKind, kind, N_("Kind"))
    audience = optional_text(audience, N_("Audience"))
    if kind == OutreachKind.TARGETED and not audience:
        raise SecretariatError(N_("Targeted outreach names its audience."))
    activity = OutreachActivity(
        cycle_id=cycle.id, held_on=check_day(held_on, N_("Date")), kind=kind,
        channel=coerce_enum(OutreachChannel, channel, N_("Channel")), audience=audience,
        description=required_text(description, N_("Description")))
    s.add(activity)
    flush(s)
    return activity


def record_question(s: Session, cycle_id: int, *, asked_on: dt.date, question: str,
                    asked_by: str = "") -> StakeholderQuestion:
    cycle = get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    entry = StakeholderQuestion(
        cycle_id=cycle.id, asked_on=check_day(asked_on, N_("Date asked")),
        question=required_text(question, N_("Question")),
        asked_by=optional_text(asked_by, N_("Asked by")))
    s.add(entry)
    flush(s)
    return entry


def answer_question(s: Session, question_id: int, *, answer: str, answered_on: dt.date,
                    expected_version: int | None = None) -> StakeholderQuestion:
    entry = get_for_update(s, StakeholderQuestion, question_id, N_("question"),
                           expected_version=expected_version)
    text = required_text(answer, N_("Answer"))
    day = check_day(answered_on, N_("Date answered"))
    check_order(entry.asked_on, day, first_field=N_("Date asked"),
                second_field=N_("Date answered"))
    entry.answer, entry.answered_on = text, day
    flush(s)
    return entry
