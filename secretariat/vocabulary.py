"""Closed vocabularies of the domain. Values are stored; labels are translated in the UI.

Kept outside ``secretariat.model`` (which re-exports them from ``model.enums``) so the
command line can offer them as choices while building its parser without importing
SQLAlchemy and the ORM classes.
"""

from __future__ import annotations

import enum

from secretariat.i18n import N_


class LabelledEnum(str, enum.Enum):
    """A string enum whose members carry an untranslated label (msgid)."""

    label: str

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj


class Side(LabelledEnum):
    GOVERNMENT = "government", N_("Government")
    NON_GOVERNMENT = "non_government", N_("Non-government")


class Role(LabelledEnum):
    CO_CHAIR = "co_chair", N_("Co-chair")
    MEMBER = "member", N_("Member")
    ALTERNATE = "alternate", N_("Alternate")
    OBSERVER = "observer", N_("Observer")


class Gender(LabelledEnum):
    """A person's gender as the forum records it for its balance reports: optional, and
    "not recorded" (the empty value) unless the person has given it."""

    NOT_RECORDED = "", N_("Not recorded")
    FEMALE = "female", N_("Female")
    MALE = "male", N_("Male")
    OTHER = "other", N_("Other")


class MeetingKind(LabelledEnum):
    FORUM = "forum_meeting", N_("Forum meeting")
    WORKING_GROUP = "working_group", N_("Working group")
    OPEN = "open_meeting", N_("Open meeting")
    CONSULTATION = "public_consultation", N_("Public consultation session")
    MINISTERIAL = "ministerial_meeting", N_("Ministerial meeting")


class Phase(LabelledEnum):
    WHOLE_CYCLE = "whole_cycle", N_("Whole cycle")
    DEVELOPMENT = "development", N_("Action plan development")
    IMPLEMENTATION = "implementation", N_("Implementation")


class Modality(LabelledEnum):
    IN_PERSON = "in_person", N_("In person")
    REMOTE = "remote", N_("Remote")
    HYBRID = "hybrid", N_("Hybrid")


class MeetingStatus(LabelledEnum):
    PLANNED = "planned", N_("Planned")
    HELD = "held", N_("Held")
    CANCELLED = "cancelled", N_("Cancelled")


class ItemPurpose(LabelledEnum):
    INFORMATION = "information", N_("Information")
    DISCUSSION = "discussion", N_("Discussion")
    DECISION = "decision", N_("Decision")


class ProposedBy(LabelledEnum):
    GOVERNMENT = "government", N_("Government")
    NON_GOVERNMENT = "non_government", N_("Non-government")
    PUBLIC = "public", N_("Members of the public")


class AttendanceStatus(LabelledEnum):
    PRESENT = "present", N_("Present")
    REMOTE = "remote", N_("Remote")
    APOLOGIES = "apologies", N_("Apologies")
    PROXY = "proxy", N_("Represented by proxy")
    ABSENT = "absent", N_("Absent")


class AttendeeCapacity(LabelledEnum):
    MEMBER = "member", N_("Member")
    ALTERNATE = "alternate", N_("Alternate")
    OBSERVER = "observer", N_("Observer")
    GUEST = "guest", N_("Guest")


class DocumentKind(LabelledEnum):
    PAPER = "paper", N_("Meeting paper")
    AGENDA = "agenda", N_("Agenda")
    MINUTES = "minutes", N_("Minutes")
    TERMS_OF_REFERENCE = "terms_of_reference", N_("Terms of reference")
    REPORT = "report", N_("Report")
    ACTION_PLAN = "action_plan", N_("Action plan")
    EVIDENCE = "evidence", N_("Evidence")
    OTHER = "other", N_("Other")


class MinutesStatus(LabelledEnum):
    DRAFT = "draft", N_("Draft")
    CIRCULATED = "circulated", N_("Circulated")
    APPROVED = "approved", N_("Approved")
    LOCKED = "locked", N_("Locked")


class DecisionMethod(LabelledEnum):
    CONSENSUS = "consensus", N_("Consensus")
    VOTE = "vote", N_("Vote")


class VoteChoice(LabelledEnum):
    FOR = "for", N_("For")
    AGAINST = "against", N_("Against")
    ABSTAIN = "abstain", N_("Abstain")


class ActionStatus(LabelledEnum):
    OPEN = "open", N_("Open")
    IN_PROGRESS = "in_progress", N_("In progress")
    DONE = "done", N_("Done")
    CANCELLED = "cancelled", N_("Cancelled")


# The kinds of record search finds, with the words a clerk reads for each (command line
# and desktop search alike; the desktop reads them before the database layer is loaded).
SEARCH_KIND_LABELS: dict[str, str] = {
    "agenda_item": N_("Agenda item"),
    "minutes": N_("Minutes"),
    "decision": N_("Decision"),
    "document": N_("Document"),
}
