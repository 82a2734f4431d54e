"""Removing a round entered by mistake (the undo of creating one): only a draft, whose
call was never opened, so nothing about it can have been published or relied on."""

from __future__ import annotations

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import SelectionRound
from secretariat.selection.round_vocabulary import RoundStatus
from secretariat.services.validation import flush, lock_for_change


def delete_round(s: Session, round_id: int) -> None:
    selection_round = lock_for_change(s, SelectionRound, round_id, N_("selection round"))
    if selection_round.status != RoundStatus.DRAFT:
        raise SecretariatError(N_("Only a draft round can be removed; this one's call has "
                                  "been opened."))
    s.delete(selection_round)
    flush(s)
