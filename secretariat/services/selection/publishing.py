"""Publishing a decided round: from then on its result and report are public and the
decision can no longer be undone."""

from __future__ import annotations

from sqlalchemy.orm import Session

from secretariat.i18n import N_
from secretariat.model import SelectionRound, utcnow
from secretariat.selection.round_vocabulary import RoundStatus
from secretariat.services.selection.rounds import check_move
from secretariat.services.validation import flush, lock_for_change


def publish_round(s: Session, round_id: int, *,
                  expected_version: int | None = None) -> SelectionRound:
    selection_round = lock_for_change(s, SelectionRound, round_id, N_("selection round"),
                                      expected_version=expected_version)
    check_move(selection_round, RoundStatus.PUBLISHED)
    selection_round.status = RoundStatus.PUBLISHED
    selection_round.published_at = utcnow()
    flush(s)
    return selection_round
