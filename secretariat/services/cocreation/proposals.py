"""Commitment proposals: record one, assess it, and decide it (included, merged into
another or rejected), each outcome with its reason."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from secretariat.cocreation_vocabulary import ProposalOutcome
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import ActionPlanCycle, Commitment, CommitmentProposal
from secretariat.services.cocreation.checks import check_day, check_order
from secretariat.services.validation import (
    coerce_enum,
    flush,
    get_for_update,
    get_or_error,
    optional_text,
    required_text,
)


def record_proposal(s: Session, cycle_id: int, *, title: str, submitted_on: dt.date,
                    proposed_by: str = "") -> CommitmentProposal:
    cycle = get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    proposal = CommitmentProposal(
        cycle_id=cycle.id, title=required_text(title, N_("Title")),
        submitted_on=check_day(submitted_on, N_("Date submitted")),
        proposed_by=optional_text(proposed_by, N_("Proposed by")))
    s.add(proposal)
    flush(s)
    return proposal


def decide_proposal(s: Session, proposal_id: int, *, outcome: ProposalOutcome | str,
                    reason: str, decided_on: dt.date, assessment: str = "",
                    commitment_id: int | None = None,
                    expected_version: int | None = None) -> CommitmentProposal:
    """The outcome with its reason; an included or merged proposal names its
    commitment."""
    proposal = get_for_update(s, CommitmentProposal, proposal_id, N_("commitment proposal"),
                              expected_version=expected_version)
    outcome = coerce_enum(ProposalOutcome, outcome, N_("Outcome"))
    if outcome == ProposalOutcome.PENDING:
        raise SecretariatError(N_("Choose included, merged or rejected."))
    reason = required_text(reason, N_("Reason"))
    day = check_day(decided_on, N_("Decision date"))
    check_order(proposal.submitted_on, day, first_field=N_("Date submitted"),
                second_field=N_("Decision date"))
    if commitment_id is not None:
        commitment = get_or_error(s, Commitment, commitment_id, N_("commitment"))
        if commitment.cycle_id != proposal.cycle_id:
            raise SecretariatError(N_("That commitment belongs to another cycle."))
    elif outcome == ProposalOutcome.MERGED:
        raise SecretariatError(N_("Name the commitment the proposal was merged into."))
    proposal.outcome, proposal.reason, proposal.decided_on = outcome, reason, day
    proposal.assessment = optional_text(assessment, N_("Assessment")) or proposal.assessment
    proposal.commitment_id = commitment_id if outcome != ProposalOutcome.REJECTED else None
    flush(s)
    return proposal
