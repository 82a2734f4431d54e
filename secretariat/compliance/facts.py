"""The records the engine judges, as plain frozen data (no database, no ORM): what
``reading`` builds from the services, and what tests build by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from secretariat.vocabulary import Phase


@dataclass(frozen=True)
class CycleFacts:
    id: int
    name: str
    catalogue: str
    development: tuple[dt.date, dt.date]
    implementation: tuple[dt.date, dt.date]
    plan_submitted_on: dt.date | None = None
    # The last day of the previous cycle's implementation, if one is recorded.
    previous_end: dt.date | None = None

    def period(self, phase: str | Phase) -> tuple[dt.date, dt.date]:
        """First and last day of a phase (the whole cycle: both phases)."""
        phase = Phase(phase)
        if phase == Phase.DEVELOPMENT:
            return self.development
        if phase == Phase.IMPLEMENTATION:
            return self.implementation
        return self.development[0], self.implementation[1]


@dataclass(frozen=True)
class MeetingFact:
    id: int
    kind: str
    modality: str
    held: bool  # held (not planned, not cancelled)
    day: dt.date  # the meeting's local day
    notice_day: dt.date | None = None
    # The notice period of the terms of reference in force on the meeting's day.
    notice_days: int | None = None
    # (document id, kind, day added) of the papers on its agenda
    papers: tuple[tuple[int, str, dt.date], ...] = ()


@dataclass(frozen=True)
class PublicationFact:
    id: int
    subject: str
    day: dt.date


@dataclass(frozen=True)
class ConsultationFact:
    id: int
    subject: str
    opens_on: dt.date
    closes_on: dt.date
    channels: tuple[str, ...]

    @property
    def days(self) -> int:
        return (self.closes_on - self.opens_on).days + 1


class ContributionFact(NamedTuple):
    """A named tuple, not a dataclass: a cycle may hold 50,000 of them, built from rows as
    they come."""

    id: int
    received_on: dt.date
    responded_on: dt.date | None
    has_response: bool


@dataclass(frozen=True)
class ProposalFact:
    id: int
    outcome: str
    has_reason: bool
    decided_on: dt.date | None


@dataclass(frozen=True)
class CommitmentFact:
    id: int
    working_group: str


@dataclass(frozen=True)
class ProgressFact:
    id: int
    commitment_id: int
    reported_on: dt.date
    completion: str
    published_on: dt.date | None


@dataclass(frozen=True)
class OutreachFact:
    id: int
    day: dt.date
    kind: str
    channel: str
    audience: str


@dataclass(frozen=True)
class QuestionFact:
    id: int
    asked_on: dt.date
    answered_on: dt.date | None


@dataclass(frozen=True)
class AttestationFact:
    id: int
    requirement_id: str
    is_met: bool
    day: dt.date


@dataclass(frozen=True)
class MembershipFact:
    id: int
    side: str
    sector: str
    role: str
    high_level: bool
    starts_on: dt.date
    ends_on: dt.date | None

    def active_on(self, day: dt.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(frozen=True)
class DocumentFact:
    id: int
    kind: str
    is_public: bool
    day: dt.date


@dataclass(frozen=True)
class TermsFact:
    """An adopted version of the terms of reference (``services.terms``)."""

    version_no: int
    adopted_on: dt.date
    by_decision: bool  # adopted by a recorded decision of the forum
    published_on: dt.date | None


@dataclass(frozen=True)
class Facts:
    """Everything known about one cycle on the day it is judged."""

    cycle: CycleFacts
    forum_id: int = 1
    notice_days: int = 14
    website: str = ""
    contact_point: str = ""
    web_page_id: int | None = None
    meetings: tuple[MeetingFact, ...] = ()
    publications: tuple[PublicationFact, ...] = ()
    consultations: tuple[ConsultationFact, ...] = ()
    contributions: tuple[ContributionFact, ...] = ()
    proposals: tuple[ProposalFact, ...] = ()
    commitments: tuple[CommitmentFact, ...] = ()
    progress: tuple[ProgressFact, ...] = ()
    outreach: tuple[OutreachFact, ...] = ()
    questions: tuple[QuestionFact, ...] = ()
    attestations: tuple[AttestationFact, ...] = ()
    memberships: tuple[MembershipFact, ...] = ()
    documents: tuple[DocumentFact, ...] = field(default=())
    terms: tuple[TermsFact, ...] = ()  # adopted versions, by adoption date
