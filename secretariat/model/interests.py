"""Conflicts of interest (利益衝突): declarations of interests with their items, interests
declared on agenda items at meetings, and the log of breaches and sanctions.

An item is public or private. The private ones never leave the program: the public
register (``services.interests.register``) reads public items only.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from secretariat.interest_vocabulary import (
    DeclarationOccasion,
    InterestKind,
    MeetingInterestAction,
)
from secretariat.model.base import Base, Timestamped, Versioned, str_enum
from secretariat.model.people import Organisation, Person


class InterestDeclaration(Versioned, Timestamped, Base):
    """What a person declared on one day (at appointment, yearly, or an update). A
    declaration with no items says "nothing to declare"; it still counts as made."""

    __tablename__ = "interest_declaration"
    __table_args__ = (UniqueConstraint("person_id", "declared_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    declared_on: Mapped[dt.date] = mapped_column(Date, index=True)
    occasion: Mapped[DeclarationOccasion] = mapped_column(
        str_enum(DeclarationOccasion), default=DeclarationOccasion.YEARLY)

    person: Mapped[Person] = relationship()
    items: Mapped[list["InterestItem"]] = relationship(
        back_populates="declaration", cascade="all, delete-orphan",
        order_by="InterestItem.id")


class InterestItem(Versioned, Base):
    """One declared interest. ``organisation_id`` names an organisation on record;
    ``organisation_name`` one that is not (either may be empty)."""

    __tablename__ = "interest_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("interest_declaration.id", ondelete="CASCADE"), index=True)
    kind: Mapped[InterestKind] = mapped_column(str_enum(InterestKind))
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"),
                                                        index=True)
    organisation_name: Mapped[str] = mapped_column(String(300), default="")
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)

    declaration: Mapped[InterestDeclaration] = relationship(back_populates="items")
    organisation: Mapped[Organisation | None] = relationship()


class MeetingInterest(Versioned, Timestamped, Base):
    """An interest a person declared on an agenda item at a meeting, and what they did.
    "Recused" flows into the item's decisions as a recusal (services.meetings.decisions)."""

    __tablename__ = "meeting_interest"
    __table_args__ = (UniqueConstraint("agenda_item_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"),
                                            index=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    nature: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[MeetingInterestAction] = mapped_column(
        str_enum(MeetingInterestAction), default=MeetingInterestAction.DECLARED_ONLY)

    person: Mapped[Person] = relationship()


class InterestBreach(Versioned, Timestamped, Base):
    """A breach of the conflict-of-interest rules and the sanction decided, by a decision
    on record (``decision_id``) or on a day (``decided_on``)."""

    __tablename__ = "interest_breach"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[dt.date] = mapped_column(Date, index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    sanction: Mapped[str] = mapped_column(Text, default="")
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship()
