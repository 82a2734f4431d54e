"""Which stage a round must be at for each kind of change (shared by the services)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import SelectionRound
from secretariat.selection.round_vocabulary import RoundStatus
from secretariat.services.validation import lock_for_change

_OPEN = (RoundStatus.DRAFT, RoundStatus.CALL_OPEN, RoundStatus.CLOSED)


def round_for_change(s: Session, round_id: int, *, expected_version: int | None = None,
                     keeps_result: bool = False) -> SelectionRound:
    """The round, locked, if its inputs may still change (not decided or published).

    A change to the inputs drops the result computed from the earlier ones (unless
    ``keeps_result``: storing or deciding the result itself), so no decision can rest on
    a pool, ballots or sources other than those published with it."""
    selection_round = lock_for_change(s, SelectionRound, round_id, N_("selection round"),
                                      expected_version=expected_version)
    if selection_round.status not in _OPEN:
        raise SecretariatError(N_("This round has been decided; undo the decision before "
                                  "changing its candidates or the method's inputs."))
    if not keeps_result and selection_round.result_json:
        selection_round.result_json = ""
        for candidate in selection_round.candidates:
            candidate.selected_rank = None
    return selection_round


def round_taking_applications(s: Session, round_id: int) -> SelectionRound:
    """The round, if candidates may still be added: a draft or an open call."""
    selection_round = round_for_change(s, round_id)
    if selection_round.status == RoundStatus.CLOSED:
        raise SecretariatError(N_("The call is closed: no more candidates can be added. "
                                  "Reopen the call to add one."))
    return selection_round
