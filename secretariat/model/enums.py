"""The domain's closed vocabularies, defined in ``secretariat.vocabulary`` (importable
without SQLAlchemy) and re-exported here for the ORM classes."""

from secretariat.vocabulary import (
    LabelledEnum,
    Side,
    Role,
    Gender,
    MeetingKind,
    Phase,
    Modality,
    MeetingStatus,
    ItemPurpose,
    ProposedBy,
    AttendanceStatus,
    AttendeeCapacity,
    DocumentKind,
    MinutesStatus,
    DecisionMethod,
    VoteChoice,
    ActionStatus,
)

__all__ = [
    "LabelledEnum",
    "Side",
    "Role",
    "Gender",
    "MeetingKind",
    "Phase",
    "Modality",
    "MeetingStatus",
    "ItemPurpose",
    "ProposedBy",
    "AttendanceStatus",
    "AttendeeCapacity",
    "DocumentKind",
    "MinutesStatus",
    "DecisionMethod",
    "VoteChoice",
    "ActionStatus",
]
