"""ORM classes, one module per aggregate. Import from here."""

from secretariat.model.audit import AuditEntry
from secretariat.model.base import Base, UTCDateTime, utcnow
from secretariat.model.cocreation import (
    ActionPlanCycle,
    Attestation,
    Commitment,
    CommitmentMilestone,
    CommitmentProposal,
    Consultation,
    Contribution,
    CycleMilestone,
    OgpWebPage,
    OutreachActivity,
    ProgressUpdate,
    PublicationEntry,
    StakeholderQuestion,
)
from secretariat.model.decisions import ActionItem, Decision, Dissent, Recusal, Vote
from secretariat.model.documents import Document
from secretariat.model.enums import (
    ActionStatus,
    AttendanceStatus,
    DecisionMethod,
    MinutesStatus,
    VoteChoice,
    AttendeeCapacity,
    DocumentKind,
    ItemPurpose,
    MeetingKind,
    MeetingStatus,
    Modality,
    Phase,
    ProposedBy,
    Role,
    Side,
)
from secretariat.model.forum import Forum, Sector
from secretariat.interest_vocabulary import (
    DeclarationOccasion,
    InterestKind,
    MeetingInterestAction,
)
from secretariat.model.interests import (
    InterestBreach,
    InterestDeclaration,
    InterestItem,
    MeetingInterest,
)
from secretariat.model.minutes import Minutes, MinutesEntry
from secretariat.model.meetings import AgendaItem, Attendance, Meeting, agenda_item_document
from secretariat.model.people import Organisation, Person, PersonContact
from secretariat.model.seats import Membership, Seat
from secretariat.model.terms import EthicsSignature, TermsClause, TermsOfReference, TermsSeats
from secretariat.model.selection import (
    AssessorScore,
    CommitteeMember,
    CommitteeRecusal,
    EntropySource,
    SelectionAppointment,
    SelectionCandidate,
    SelectionRound,
)

__all__ = [
    "ActionPlanCycle", "Attestation", "Commitment", "CommitmentMilestone",
    "CommitmentProposal", "Consultation", "Contribution", "CycleMilestone", "OgpWebPage",
    "OutreachActivity", "ProgressUpdate", "PublicationEntry", "StakeholderQuestion",
    "ActionItem", "ActionStatus", "AuditEntry", "Decision", "DecisionMethod", "Dissent",
    "Minutes", "MinutesEntry", "MinutesStatus", "Recusal", "Vote", "VoteChoice",
    "AgendaItem", "Attendance", "AttendanceStatus", "AttendeeCapacity", "Base", "Document",
    "DocumentKind", "Forum", "ItemPurpose", "Meeting", "MeetingKind", "MeetingStatus",
    "Membership", "Modality", "Organisation", "Person", "PersonContact", "Phase",
    "ProposedBy", "Role", "Seat", "Sector", "Side", "UTCDateTime", "agenda_item_document",
    "utcnow",
    "DeclarationOccasion", "InterestBreach", "InterestDeclaration", "InterestItem",
    "InterestKind", "MeetingInterest", "MeetingInterestAction",
    "EthicsSignature", "TermsClause", "TermsOfReference", "TermsSeats",
    "AssessorScore", "CommitteeMember", "CommitteeRecusal", "EntropySource",
    "SelectionAppointment", "SelectionCandidate", "SelectionRound",
]
