"""Closed vocabularies of the terms of reference (職權範圍) and the ethics statement.

Beside ``secretariat.vocabulary`` (and importable without SQLAlchemy, for the command
line's choices); kept in their own module so the terms of reference can grow without
touching the vocabulary every capability shares.
"""

from __future__ import annotations

from secretariat.i18n import N_
from secretariat.vocabulary import LabelledEnum


class TermsStatus(LabelledEnum):
    DRAFT = "draft", N_("Draft")
    ADOPTED = "adopted", N_("Adopted")
    PUBLISHED = "published", N_("Published")


class DecisionRule(LabelledEnum):
    CONSENSUS = "consensus", N_("Consensus")
    MAJORITY = "majority", N_("Simple majority")
    QUALIFIED_MAJORITY = "qualified_majority", N_("Qualified majority")


class MinutesDetail(LabelledEnum):
    DECISIONS_ONLY = "decisions_only", N_("Decisions only")
    SUMMARY = "summary", N_("Summary of discussion and decisions")
    FULL = "full", N_("Full record of who said what")


class SigningMethod(LabelledEnum):
    PAPER = "paper", N_("On paper")
    ELECTRONIC = "electronic", N_("Electronically")
    IN_MEETING = "in_meeting", N_("In a meeting")


# The topics of a terms of reference, in the order they are printed. Each has free text
# in every official language beside the structured values; ``ethics`` holds the ethics
# statement members sign.
TOPICS: tuple[tuple[str, str], ...] = (
    ("mandate", N_("Mandate")),
    ("composition", N_("Composition")),
    ("selection", N_("Selection of non-government members")),
    ("terms", N_("Terms of office")),
    ("meetings", N_("Meetings")),
    ("notice", N_("Notice of meetings")),
    ("agenda", N_("Agenda")),
    ("decisions", N_("Decision-making and quorum")),
    ("conflicts", N_("Conflicts of interest")),
    ("minutes", N_("Minutes")),
    ("powers", N_("Decision powers")),
    ("co_chairs", N_("Co-chairs")),
    ("publication", N_("Publication")),
    ("ethics", N_("Ethics statement")),
)
TOPIC_KEYS = tuple(key for key, _label in TOPICS)
TOPIC_LABELS = dict(TOPICS)
