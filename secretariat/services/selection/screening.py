"""Eligibility screening: each candidate found eligible, or excluded with the reason the
round report publishes."""

from __future__ import annotations

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import SelectionCandidate
from secretariat.services.selection.guards import round_for_change
from secretariat.services.validation import flush, get_for_update, optional_text


def screen_candidate(s: Session, candidate_id: int, *, eligible: bool | None,
                     reason: str = "", expected_version: int | None = None
                     ) -> SelectionCandidate:
    """``eligible=None`` takes the screening back (not screened yet)."""
    candidate = get_for_update(s, SelectionCandidate, candidate_id, N_("candidate"),
                               expected_version=expected_version)
    round_for_change(s, candidate.round_id)
    text = optional_text(reason, N_("Reason"))
    if eligible is False and not text:
        raise SecretariatError(N_("Give the reason for excluding {name}: it is published "
                                  "with the result."), name=candidate.name)
    candidate.eligible = eligible
    candidate.exclusion_reason = text if eligible is False else ""
    flush(s)
    return candidate
