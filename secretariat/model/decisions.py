"""The decision log and the action items that come out of meetings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from secretariat.model.base import Base, Timestamped, UTCDateTime, Versioned, str_enum
from secretariat.model.enums import ActionStatus, DecisionMethod, VoteChoice
from secretariat.model.people import Person


class Decision(Versioned, Timestamped, Base):
    """A decision of the forum with a stable number such as ``2026-S03-R02``
    (year - meeting of that year - decision within the meeting; see
    ``secretariat.decision_numbers``)."""

    __tablename__ = "decision"
    __table_args__ = (UniqueConstraint("forum_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[DecisionMethod] = mapped_column(
        str_enum(DecisionMethod), default=DecisionMethod.CONSENSUS
    )
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)
    rationale: Mapped[str] = mapped_column(Text, default="")
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)

    recusals: Mapped[list["Recusal"]] = relationship(
        back_populates="decision", cascade="all, delete-orphan"
    )
    votes: Mapped[list["Vote"]] = relationship(
        back_populates="decision", cascade="all, delete-orphan"
    )
    dissents: Mapped[list["Dissent"]] = relationship(
        back_populates="decision", cascade="all, delete-orphan"
    )


class Vote(Base):
    """A named vote, where the forum records who voted how (optional: counts alone are
    enough for a secret ballot)."""

    __tablename__ = "vote"
    __table_args__ = (UniqueConstraint("decision_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    choice: Mapped[VoteChoice] = mapped_column(str_enum(VoteChoice))

    decision: Mapped[Decision] = relationship(back_populates="votes")
    person: Mapped[Person] = relationship()


class Recusal(Base):
    __tablename__ = "recusal"
    __table_args__ = (UniqueConstraint("decision_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    reason: Mapped[str] = mapped_column(Text, default="")

    decision: Mapped[Decision] = relationship(back_populates="recusals")
    person: Mapped[Person] = relationship()


class Dissent(Base):
    """A dissenting statement a member asked to have recorded with the decision."""

    __tablename__ = "dissent"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    statement: Mapped[str] = mapped_column(Text)

    decision: Mapped[Decision] = relationship(back_populates="dissents")
    person: Mapped[Person | None] = relationship()


class ActionItem(Versioned, Timestamped, Base):
    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    description: Mapped[str] = mapped_column(Text)
    owner_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    # Free-text owner for an agency or unit that is not a person on record.
    owner_text: Mapped[str] = mapped_column(String(300), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[ActionStatus] = mapped_column(str_enum(ActionStatus), default=ActionStatus.OPEN)
    completed_on: Mapped[dt.date | None] = mapped_column(Date)

    owner: Mapped[Person | None] = relationship()
