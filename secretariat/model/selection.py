"""Selection rounds: a call for non-government members, its candidates, the method's
inputs (entropy sources, quotas, ballots, rubric and scores) and the result.

The method's inputs that are lists of values (quotas, rubric) and the computation record
are JSON text: they are published as they are and never queried by their parts.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from secretariat.model.base import Base, Timestamped, UTCDateTime, Versioned, str_enum, utcnow
from secretariat.model.forum import Sector
from secretariat.selection.round_vocabulary import RoundStatus, SelectionMethod


class SelectionRound(Versioned, Timestamped, Base):
    __tablename__ = "selection_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    # The seats it fills: how many, for which sector, for which term.
    sector_id: Mapped[int] = mapped_column(ForeignKey("sector.id"), index=True)
    seats: Mapped[int] = mapped_column(Integer)
    term_start: Mapped[dt.date] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)
    constituency: Mapped[str] = mapped_column(Text, default="")
    criteria_zh: Mapped[str] = mapped_column(Text, default="")
    criteria_en: Mapped[str] = mapped_column(Text, default="")
    call_opens: Mapped[dt.date | None] = mapped_column(Date)
    call_closes: Mapped[dt.date | None] = mapped_column(Date)
    decision_date: Mapped[dt.date | None] = mapped_column(Date)  # the draw or count
    method: Mapped[SelectionMethod] = mapped_column(str_enum(SelectionMethod))
    hash_name: Mapped[str] = mapped_column(String(16), default="md5")
    status: Mapped[RoundStatus] = mapped_column(str_enum(RoundStatus), default=RoundStatus.DRAFT)
    quotas_json: Mapped[str] = mapped_column(Text, default="[]")
    rubric_json: Mapped[str] = mapped_column(Text, default="[]")
    ballots_blt: Mapped[str] = mapped_column(Text, default="")
    result_json: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    sector: Mapped[Sector] = relationship()
    candidates: Mapped[list["SelectionCandidate"]] = relationship(
        back_populates="round", cascade="all, delete-orphan",
        order_by="SelectionCandidate.position")
    committee: Mapped[list["CommitteeMember"]] = relationship(
        back_populates="round", cascade="all, delete-orphan",
        order_by="CommitteeMember.position")
    sources: Mapped[list["EntropySource"]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="EntropySource.position")
    appointments: Mapped[list["SelectionAppointment"]] = relationship(
        back_populates="round", cascade="all, delete-orphan")


class SelectionCandidate(Versioned, Base):
    """An applicant, in pool order (``position``, 1-based: the published pool's numbers)."""

    __tablename__ = "selection_candidate"
    __table_args__ = (UniqueConstraint("round_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("selection_round.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    sector_code: Mapped[str] = mapped_column(String(64), default="")
    features_json: Mapped[str] = mapped_column(Text, default="{}")  # {"region": "north", ...}
    # None: not screened yet; False: excluded, with the reason the report publishes.
    eligible: Mapped[bool | None] = mapped_column(Boolean)
    exclusion_reason: Mapped[str] = mapped_column(Text, default="")
    selected_rank: Mapped[int | None] = mapped_column(Integer)

    round: Mapped[SelectionRound] = relationship(back_populates="candidates")


class CommitteeMember(Versioned, Base):
    """A member of the non-government selection committee and their conflict declaration."""

    __tablename__ = "selection_committee_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("selection_round.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    declaration: Mapped[str] = mapped_column(Text, default="")

    round: Mapped[SelectionRound] = relationship(back_populates="committee")
    recusals: Mapped[list["CommitteeRecusal"]] = relationship(
        back_populates="member", cascade="all, delete-orphan")


class CommitteeRecusal(Base):
    """The member stepped aside for this candidate (scores none, counts in no average)."""

    __tablename__ = "selection_recusal"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("selection_committee_member.id", ondelete="CASCADE"), primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("selection_candidate.id", ondelete="CASCADE"), primary_key=True)

    member: Mapped[CommitteeMember] = relationship(back_populates="recusals")


class EntropySource(Versioned, Base):
    """A random source announced before the draw; ``value`` is filled in once known."""

    __tablename__ = "selection_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("selection_round.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text, default="")
    announced_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    round: Mapped[SelectionRound] = relationship(back_populates="sources")


class AssessorScore(Base):
    __tablename__ = "selection_score"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("selection_committee_member.id", ondelete="CASCADE"), primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("selection_candidate.id", ondelete="CASCADE"), primary_key=True)
    criterion: Mapped[str] = mapped_column(String(200), primary_key=True)
    score: Mapped[int] = mapped_column(Integer)


class SelectionAppointment(Base):
    """What a decision created, so its undo removes exactly that and nothing else."""

    __tablename__ = "selection_appointment"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("selection_round.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("selection_candidate.id"))
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"))
    person_created: Mapped[bool] = mapped_column(Boolean, default=False)
    seat_created: Mapped[bool] = mapped_column(Boolean, default=False)

    round: Mapped[SelectionRound] = relationship(back_populates="appointments")
