"""Co-creation records of an action-plan cycle: its phases and milestones, the national
OGP web page and what was published on it, consultations and the contributions they
received with the government's responses, commitment proposals and commitments with their
progress, outreach and the questions stakeholders asked, and attestations.

Dates are calendar days (``Date``): the standards count days, and a day is what a clerk
types. Every table is new in revision ``0011_cocreation``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from secretariat.cocreation_vocabulary import (
    Channel,
    Completion,
    ConsultationSubject,
    OutreachChannel,
    OutreachKind,
    ProposalOutcome,
    PublicationSubject,
    StakeholderKind,
)
from secretariat.model.base import Base, Timestamped, Versioned, str_enum


class ActionPlanCycle(Versioned, Timestamped, Base):
    """One action plan from its development to the end of its implementation, judged by
    the standards catalogue ``catalogue`` (``seed`` or ``2021``)."""

    __tablename__ = "action_plan_cycle"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    catalogue: Mapped[str] = mapped_column(String(16), default="seed")
    development_starts_on: Mapped[dt.date] = mapped_column(Date)
    development_ends_on: Mapped[dt.date] = mapped_column(Date)
    implementation_starts_on: Mapped[dt.date] = mapped_column(Date)
    implementation_ends_on: Mapped[dt.date] = mapped_column(Date)
    # The day the action plan was submitted to OGP (None: not yet).
    plan_submitted_on: Mapped[dt.date | None] = mapped_column(Date)

    milestones: Mapped[list["CycleMilestone"]] = relationship(
        back_populates="cycle", order_by="CycleMilestone.due_on",
        cascade="all, delete-orphan")


class CycleMilestone(Versioned, Timestamped, Base):
    """A milestone or deadline on the cycle's published timeline."""

    __tablename__ = "cycle_milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan_cycle.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    due_on: Mapped[dt.date] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)

    cycle: Mapped[ActionPlanCycle] = relationship(back_populates="milestones")


class OgpWebPage(Versioned, Timestamped, Base):
    """The national OGP web page: where it is and who answers for it."""

    __tablename__ = "ogp_web_page"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id"), unique=True)
    address: Mapped[str] = mapped_column(String(1000))
    contact_point: Mapped[str] = mapped_column(Text, default="")


class PublicationEntry(Versioned, Timestamped, Base):
    """What was published on the national OGP web page, when, and about what."""

    __tablename__ = "publication_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id"), index=True)
    cycle_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_plan_cycle.id", ondelete="CASCADE"), index=True)
    subject: Mapped[PublicationSubject] = mapped_column(str_enum(PublicationSubject))
    published_on: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(500))
    address: Mapped[str] = mapped_column(String(1000), default="")


class Consultation(Versioned, Timestamped, Base):
    """A window during which the public could respond; ``closes_on`` is its last day.
    ``channels`` is a comma-separated list of ``Channel`` values."""

    __tablename__ = "consultation"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan_cycle.id", ondelete="CASCADE"), index=True)
    subject: Mapped[ConsultationSubject] = mapped_column(str_enum(ConsultationSubject))
    title: Mapped[str] = mapped_column(String(500))
    opens_on: Mapped[dt.date] = mapped_column(Date)
    closes_on: Mapped[dt.date] = mapped_column(Date)
    channels: Mapped[str] = mapped_column(String(200))
    materials: Mapped[str] = mapped_column(Text, default="")

    def channel_list(self) -> list[Channel]:
        return [Channel(value) for value in self.channels.split(",") if value]


class Contribution(Versioned, Timestamped, Base):
    """A contribution from the public or civil society, and the government's reasoned
    response (due within ``RESPONSE_DAYS`` of receipt)."""

    __tablename__ = "contribution"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan_cycle.id", ondelete="CASCADE"), index=True)
    consultation_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation.id", ondelete="SET NULL"), index=True)
    stakeholder_kind: Mapped[StakeholderKind] = mapped_column(str_enum(StakeholderKind))
    contributor: Mapped[str] = mapped_column(String(300), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    channel: Mapped[Channel] = mapped_column(str_enum(Channel))
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    topic: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text)
    response: Mapped[str] = mapped_column(Text, default="")
    responded_on: Mapped[dt.date | None] = mapped_column(Date)


class CommitmentProposal(Versioned, Timestamped, Base):
    """A proposal for a commitment, its assessment and the outcome with its reason."""

    __tablename__ = "commitment_proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan_cycle.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    proposed_by: Mapped[str] = mapped_column(String(300), default="")
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    assessment: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[ProposalOutcome] = mapped_column(
        str_enum(ProposalOutcome), default=ProposalOutcome.PENDING)
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    # The commitment it became (included) or was merged into.
    commitment_id: Mapped[int | None] = mapped_column(
        ForeignKey("commitment.id", ondelete="SET NULL"), index=True)


class Commitment(Versioned, Timestamped, Base):
    __tablename__ = "commitment"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan_cycle.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    lead_agency: Mapped[str] = mapped_column(String(300))
    working_group: Mapped[str] = mapped_column(String(300), default="")

    milestones: Mapped[list["CommitmentMilestone"]] = relationship(
        order_by="CommitmentMilestone.due_on", cascade="all, delete-orphan")


class CommitmentMilestone(Versioned, Timestamped, Base):
    __tablename__ = "commitment_milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitment.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    due_on: Mapped[dt.date] = mapped_column(Date)
    completed_on: Mapped[dt.date | None] = mapped_column(Date)


class ProgressUpdate(Versioned, Timestamped, Base):
    """A commitment's progress on the IRM completion scale, as reported on a day."""

    __tablename__ = "progress_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitment.id", ondelete="CASCADE"), index=True)
    reported_on: Mapped[dt.date] = mapped_column(Date, index=True)
    completion: Mapped[Completion] = mapped_column(str_enum(Completion))
    delayed: Mapped[bool] = mapped_column(Boolean, default=False)
    delay_reason: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    published_on: Mapped[dt.date | None] = mapped_column(Date)


class OutreachActivity(Versioned, Timestamped, Base):
    __tablename__ = "outreach_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan_cycle.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[OutreachKind] = mapped_column(str_enum(OutreachKind))
    channel: Mapped[OutreachChannel] = mapped_column(str_enum(OutreachChannel))
    audience: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text)


class StakeholderQuestion(Versioned, Timestamped, Base):
    """A direct question from a stakeholder and the secretariat's answer."""

    __tablename__ = "stakeholder_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan_cycle.id", ondelete="CASCADE"), index=True)
    asked_on: Mapped[dt.date] = mapped_column(Date)
    asked_by: Mapped[str] = mapped_column(String(300), default="")
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[dt.date | None] = mapped_column(Date)


class Attestation(Versioned, Timestamped, Base):
    """A person's statement that a requirement the records cannot decide is met (or not),
    with the evidence: a document of the repository or a link."""

    __tablename__ = "attestation"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan_cycle.id", ondelete="CASCADE"), index=True)
    requirement_id: Mapped[str] = mapped_column(String(64), index=True)
    is_met: Mapped[bool] = mapped_column(Boolean, default=True)
    statement: Mapped[str] = mapped_column(Text)
    attested_by: Mapped[str] = mapped_column(String(300), default="")
    attested_on: Mapped[dt.date] = mapped_column(Date)
    evidence_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    evidence_link: Mapped[str] = mapped_column(String(1000), default="")
