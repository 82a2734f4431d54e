"""The forum's terms of reference (職權範圍), kept as numbered versions, and the members'
signatures of each version's ethics statement.

A version is drafted, adopted (by a recorded decision, or on a date while no decision log
exists) and published. Once adopted it never changes — ``secretariat.store.terms_guard``
refuses it even for code that bypasses the services — and a new version supersedes it
from its own adoption date. The rules the program enforces (quorum, notice, meeting
frequency, balance) are read from the version in force on the day in question.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from secretariat.model.base import Base, Timestamped, Versioned, str_enum
from secretariat.model.forum import Sector
from secretariat.terms_vocabulary import DecisionRule, MinutesDetail, SigningMethod, TermsStatus


class TermsOfReference(Versioned, Timestamped, Base):
    __tablename__ = "terms_of_reference"
    __table_args__ = (UniqueConstraint("forum_id", "version_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    status: Mapped[TermsStatus] = mapped_column(str_enum(TermsStatus), default=TermsStatus.DRAFT)
    adopted_on: Mapped[dt.date | None] = mapped_column(Date)
    # The forum decision that adopted this version (None: adopted on a date before the
    # decision log was kept).
    adopted_by_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    published_on: Mapped[dt.date | None] = mapped_column(Date)
    change_note: Mapped[str] = mapped_column(Text, default="")

    # Structured rules the program applies.
    quorum_percent: Mapped[int] = mapped_column(Integer, default=50)
    notice_days: Mapped[int] = mapped_column(Integer, default=14)
    decision_rule: Mapped[DecisionRule] = mapped_column(
        str_enum(DecisionRule), default=DecisionRule.CONSENSUS)
    # Share of the votes cast a qualified majority needs (None unless that rule applies).
    majority_percent: Mapped[int | None] = mapped_column(Integer)
    # Members needed from each side (government, non-government) for a balanced meeting.
    min_attending_per_side: Mapped[int] = mapped_column(Integer, default=0)
    term_months: Mapped[int] = mapped_column(Integer, default=24)
    co_chair_term_months: Mapped[int] = mapped_column(Integer, default=24)
    meetings_per_year_development: Mapped[int] = mapped_column(Integer, default=4)
    meetings_per_year_implementation: Mapped[int] = mapped_column(Integer, default=2)
    alternates_allowed: Mapped[bool] = mapped_column(Boolean, default=True)
    # OGP standard: non-government members choose their own representatives.
    selection_led_by_non_government: Mapped[bool] = mapped_column(Boolean, default=True)
    agenda_set_by_co_chairs: Mapped[bool] = mapped_column(Boolean, default=True)
    co_chaired: Mapped[bool] = mapped_column(Boolean, default=True)
    recusal_required: Mapped[bool] = mapped_column(Boolean, default=True)
    minutes_detail: Mapped[MinutesDetail] = mapped_column(
        str_enum(MinutesDetail), default=MinutesDetail.SUMMARY)
    minutes_publish_days: Mapped[int] = mapped_column(Integer, default=30)

    clauses: Mapped[list["TermsClause"]] = relationship(
        back_populates="terms", cascade="all, delete-orphan", order_by="TermsClause.id")
    seats: Mapped[list["TermsSeats"]] = relationship(
        back_populates="terms", cascade="all, delete-orphan", order_by="TermsSeats.id")

    @property
    def is_adopted(self) -> bool:
        return self.status != TermsStatus.DRAFT


class TermsClause(Base):
    """The free text of one topic (``terms_vocabulary.TOPICS``) in both languages."""

    __tablename__ = "terms_clause"
    __table_args__ = (UniqueConstraint("terms_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    terms_id: Mapped[int] = mapped_column(
        ForeignKey("terms_of_reference.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str] = mapped_column(String(32))
    text_zh_tw: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")

    terms: Mapped[TermsOfReference] = relationship(back_populates="clauses")


class TermsSeats(Base):
    """Composition: how many seats (and alternates) a sector holds under a version."""

    __tablename__ = "terms_seats"
    __table_args__ = (UniqueConstraint("terms_id", "sector_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    terms_id: Mapped[int] = mapped_column(
        ForeignKey("terms_of_reference.id", ondelete="CASCADE"), index=True)
    sector_id: Mapped[int] = mapped_column(ForeignKey("sector.id"))
    seats: Mapped[int] = mapped_column(Integer)
    alternates: Mapped[int] = mapped_column(Integer, default=0)

    terms: Mapped[TermsOfReference] = relationship(back_populates="seats")
    sector: Mapped[Sector] = relationship()


class EthicsSignature(Timestamped, Base):
    """A member's signature of the ethics statement of one terms-of-reference version."""

    __tablename__ = "ethics_signature"
    __table_args__ = (UniqueConstraint("terms_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    terms_id: Mapped[int] = mapped_column(ForeignKey("terms_of_reference.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    signed_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[SigningMethod] = mapped_column(str_enum(SigningMethod))
    # The meeting it was signed in (method "in a meeting").
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
