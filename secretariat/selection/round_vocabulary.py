"""The closed vocabularies of a selection round: its method and its status.

Kept with the pure methods (no SQLAlchemy) so the command line can offer them as choices
while building its parser, as ``secretariat.vocabulary`` does for the other records.
"""

from __future__ import annotations

from secretariat.i18n import N_
from secretariat.vocabulary import LabelledEnum


class SelectionMethod(LabelledEnum):
    DRAW = "rfc3797", N_("Random draw (RFC 3797)")
    LEXIMIN = "leximin", N_("Lottery with quotas (LEXIMIN)")
    STV_SCOTTISH = "stv_scottish", N_("Election: single transferable vote (Scottish rules)")
    STV_MEEK = "stv_meek", N_("Election: single transferable vote (Meek)")
    APPROVAL = "approval", N_("Election: approval vote")
    PLURALITY = "plurality", N_("Election: plurality vote")
    SCORED = "scored", N_("Scored assessment")

    @property
    def uses_ballots(self) -> bool:
        return self in BALLOT_METHODS

    @property
    def uses_sources(self) -> bool:
        # Draws need their sources; elections and assessments only to break ties by lot.
        return self in (SelectionMethod.DRAW, SelectionMethod.LEXIMIN)


BALLOT_METHODS = (SelectionMethod.STV_SCOTTISH, SelectionMethod.STV_MEEK,
                  SelectionMethod.APPROVAL, SelectionMethod.PLURALITY)


class RoundStatus(LabelledEnum):
    DRAFT = "draft", N_("Draft")
    CALL_OPEN = "call_open", N_("Call open")
    CLOSED = "closed", N_("Call closed")
    DECIDED = "decided", N_("Decided")
    PUBLISHED = "published", N_("Published")


# The only moves a round may make. "decided -> closed" is the undo of a decision;
# nothing leaves "published": a published result is corrected by a new round.
TRANSITIONS = {
    RoundStatus.DRAFT: (RoundStatus.CALL_OPEN,),
    RoundStatus.CALL_OPEN: (RoundStatus.CLOSED, RoundStatus.DRAFT),
    RoundStatus.CLOSED: (RoundStatus.DECIDED, RoundStatus.CALL_OPEN),
    RoundStatus.DECIDED: (RoundStatus.PUBLISHED, RoundStatus.CLOSED),
    RoundStatus.PUBLISHED: (),
}


def can_move(current: RoundStatus, target: RoundStatus) -> bool:
    return target in TRANSITIONS[current]
