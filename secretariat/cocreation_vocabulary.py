"""Closed vocabularies of the co-creation records (action-plan cycles, consultations,
contributions, commitments). Values are stored; labels are translated when shown.

Beside ``secretariat.vocabulary`` rather than in it, so the co-creation work touches no
shared module; like it, importable without SQLAlchemy (the command line offers these as
choices while it builds its parser).
"""

from __future__ import annotations

from secretariat.i18n import N_
from secretariat.vocabulary import LabelledEnum


class Channel(LabelledEnum):
    """How a consultation takes responses, or how a contribution arrived."""

    WRITTEN = "written", N_("Written submission")
    ONLINE_DISCUSSION = "online_discussion", N_("Online discussion")
    SURVEY = "survey", N_("Survey")
    IN_PERSON = "in_person", N_("In person")
    REMOTE = "remote", N_("Remote meeting")


class ConsultationSubject(LabelledEnum):
    DRAFT_COMMITMENTS = "draft_commitments", N_("Draft commitments")
    DRAFT_ACTION_PLAN = "draft_action_plan", N_("Draft action plan")
    ACTION_PLAN_INPUT = "action_plan_input", N_("Input to the action plan")
    SELF_ASSESSMENT = "self_assessment", N_("Self-assessment report")


class PublicationSubject(LabelledEnum):
    """What an entry of the publication log put on the national OGP web page."""

    WEBSITE = "website", N_("National OGP web page")
    REPOSITORY = "repository", N_("Document repository")
    FORUM_RECORD = "forum_record", N_("Forum records (minutes, decisions)")
    DEVELOPMENT_TIMELINE = "development_timeline", N_("Development timeline")
    DEVELOPMENT_UPDATE = "development_update", N_("Development update")
    CONTRIBUTIONS = "contributions", N_("Contributions and responses")
    SELF_ASSESSMENT = "self_assessment", N_("Self-assessment report")
    PROGRESS = "progress", N_("Commitment progress")
    PROPOSAL_REASONS = "proposal_reasons", N_("Reasons for commitment proposals")


class StakeholderKind(LabelledEnum):
    CIVIL_SOCIETY = "civil_society", N_("Civil society organisation")
    ACADEMIA = "academia", N_("Academia")
    PRIVATE_SECTOR = "private_sector", N_("Private sector")
    CITIZEN = "citizen", N_("Individual citizen")
    MEDIA = "media", N_("Media")
    GOVERNMENT = "government", N_("Government")
    OTHER = "other", N_("Other")


class ProposalOutcome(LabelledEnum):
    PENDING = "pending", N_("Under assessment")
    INCLUDED = "included", N_("Included")
    MERGED = "merged", N_("Merged into another")
    REJECTED = "rejected", N_("Rejected")


class Completion(LabelledEnum):
    """The IRM's completion scale for a commitment."""

    NOT_STARTED = "not_started", N_("Not started")
    LIMITED = "limited", N_("Limited")
    SUBSTANTIAL = "substantial", N_("Substantial")
    COMPLETE = "complete", N_("Complete")
    NO_EVIDENCE = "no_evidence", N_("No evidence available")


class OutreachKind(LabelledEnum):
    AWARENESS = "awareness", N_("Awareness raising")
    TARGETED = "targeted", N_("Targeted outreach")


class OutreachChannel(LabelledEnum):
    WEBSITE = "website", N_("Website")
    SOCIAL_MEDIA = "social_media", N_("Social media")
    EMAIL = "email", N_("E-mail or newsletter")
    EVENT = "event", N_("Event or workshop")
    PRESS = "press", N_("Press and broadcast")
    OTHER = "other", N_("Other")
