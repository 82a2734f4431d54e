"""Closed vocabularies of conflicts of interest (利益衝突), importable without SQLAlchemy
so the command line can offer them as choices (like ``secretariat.vocabulary``)."""

from __future__ import annotations

from secretariat.i18n import N_
from secretariat.vocabulary import LabelledEnum


class InterestKind(LabelledEnum):
    """What a declared interest is."""

    EMPLOYMENT = "employment", N_("Employment")
    BOARD_SEAT = "board_seat", N_("Board seat")
    FUNDING = "funding", N_("Funding")
    SHAREHOLDING = "shareholding", N_("Shareholding")
    FAMILY_TIE = "family_tie", N_("Family tie")
    GIFT = "gift", N_("Gift or hospitality")
    OTHER = "other", N_("Other interest")


class DeclarationOccasion(LabelledEnum):
    """Why a declaration of interests was made."""

    APPOINTMENT = "appointment", N_("On appointment")
    YEARLY = "yearly", N_("Yearly declaration")
    UPDATE = "update", N_("Update")


class MeetingInterestAction(LabelledEnum):
    """What a member did about an interest declared on an agenda item."""

    RECUSED = "recused", N_("Recused")
    ABSTAINED = "abstained", N_("Abstained")
    DECLARED_ONLY = "declared_only", N_("Declared only")
