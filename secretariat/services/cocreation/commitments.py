"""Commitments of an action plan (lead agency, working group, milestones) and their
progress updates on the IRM completion scale, with delays, reasons and next steps."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from secretariat.cocreation_vocabulary import Completion
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import ActionPlanCycle, Commitment, CommitmentMilestone, ProgressUpdate
from secretariat.services.cocreation.checks import check_day, check_optional_day, check_order
from secretariat.services.validation import (
    coerce_enum,
    flush,
    get_or_error,
    optional_text,
    required_text,
)


def add_commitment(s: Session, cycle_id: int, *, title: str, lead_agency: str,
                   working_group: str = "") -> Commitment:
    cycle = get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    commitment = Commitment(cycle_id=cycle.id, title=required_text(title, N_("Title")),
                            lead_agency=required_text(lead_agency, N_("Lead agency")),
                            working_group=optional_text(working_group, N_("Working group")))
    s.add(commitment)
    flush(s)
    return commitment


def add_commitment_milestone(s: Session, commitment_id: int, *, title: str, due_on: dt.date,
                             completed_on: dt.date | None = None) -> CommitmentMilestone:
    commitment = get_or_error(s, Commitment, commitment_id, N_("commitment"))
    milestone = CommitmentMilestone(
        commitment_id=commitment.id, title=required_text(title, N_("Title")),
        due_on=check_day(due_on, N_("Due date")),
        completed_on=check_optional_day(completed_on, N_("Completion date")))
    s.add(milestone)
    flush(s)
    return milestone


def record_progress(s: Session, commitment_id: int, *, reported_on: dt.date,
                    completion: Completion | str, delayed: bool = False,
                    delay_reason: str = "", next_steps: str = "",
                    published_on: dt.date | None = None) -> ProgressUpdate:
    commitment = get_or_error(s, Commitment, commitment_id, N_("commitment"))
    reported = check_day(reported_on, N_("Report date"))
    published = check_optional_day(published_on, N_("Publication date"))
    if published is not None:
        check_order(reported, published, first_field=N_("Report date"),
                    second_field=N_("Publication date"))
    reason = optional_text(delay_reason, N_("Reason for the delay"))
    if delayed and not reason:
        raise SecretariatError(N_("Say why the commitment is delayed."))
    update = ProgressUpdate(
        commitment_id=commitment.id, reported_on=reported,
        completion=coerce_enum(Completion, completion, N_("Completion")),
        delayed=bool(delayed), delay_reason=reason,
        next_steps=optional_text(next_steps, N_("Next steps")), published_on=published)
    s.add(update)
    flush(s)
    return update
