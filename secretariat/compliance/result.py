"""What the engine says about one requirement: a status, an explanation and what would make
it met (messages translated when shown, in either language), and the evidence records
that decide it (kinds and ids, so a screen can open them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from secretariat import i18n
from secretariat.i18n import N_
from secretariat.vocabulary import LabelledEnum

# Evidence listed per requirement at most; the total is kept beside it (a cycle with
# 50,000 contributions lists the first overdue ones, not all).
MAX_EVIDENCE = 50


# The kinds of evidence record, with the words a reader sees for each.
EVIDENCE_KINDS: dict[str, str] = {
    "meeting": N_("Meeting"), "publication": N_("Publication"),
    "web_page": N_("National OGP web page"), "forum": N_("Forum record"),
    "consultation": N_("Consultation"), "contribution": N_("Contribution"),
    "proposal": N_("Commitment proposal"), "commitment": N_("Commitment"),
    "progress_update": N_("Progress update"), "outreach": N_("Outreach activity"),
    "question": N_("Question"), "attestation": N_("Attestation"),
    "membership": N_("Membership"), "document": N_("Document"),
    "terms_of_reference": N_("Terms of reference"),
}


class Status(LabelledEnum):
    MET = "met", N_("Met")
    PARTLY_MET = "partly_met", N_("Partly met")
    NOT_MET = "not_met", N_("Not met")
    NOT_YET_DUE = "not_yet_due", N_("Not yet due")
    ATTESTED = "attested", N_("Attested")
    CANNOT_TELL = "cannot_tell", N_("Cannot tell")


# Light grounds that dark text reads on, one per status: the report and the dashboard
# print the status word on them (never colour alone).
STATUS_GROUNDS = {
    Status.MET: "#d8f0dc", Status.ATTESTED: "#dbe8f7", Status.PARTLY_MET: "#fbefc8",
    Status.NOT_MET: "#f7d6d6", Status.NOT_YET_DUE: "#eeeeee", Status.CANNOT_TELL: "#e6e0f0",
}


@dataclass(frozen=True)
class Message:
    """An untranslated msgid with its ``str.format`` parameters; dates are formatted in
    the language the message is shown in."""

    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        if language is None:
            return self._render()
        with i18n.language_override(language):
            return self._render()

    def _render(self) -> str:
        params = {key: _shown(value) for key, value in self.params.items()}
        return i18n._(self.msgid).format(**params) if params else i18n._(self.msgid)

    def to_dict(self) -> dict[str, Any]:
        return {"msgid": self.msgid, "params": {
            key: _stored(value) for key, value in self.params.items()},
            "zh_TW": self.text("zh_TW"), "en": self.text("en")}


@dataclass(frozen=True)
class Label:
    """A msgid used as a message parameter (a meeting kind, a channel): translated with
    the message."""

    msgid: str


class Phrases(tuple):
    """Messages shown as one list ("A, B"); a plain tuple of messages reads as
    sentences one after another."""


def _shown(value: Any) -> Any:
    if isinstance(value, Message):  # a sentence inside a sentence
        return value._render()
    if isinstance(value, dt.date):
        return i18n.format_date(value)
    if isinstance(value, Label):
        return i18n._(value.msgid)
    if isinstance(value, Phrases):
        return i18n._(", ").join(item._render() for item in value)
    if isinstance(value, tuple) and all(isinstance(item, Message) for item in value):
        return " ".join(dict.fromkeys(item._render() for item in value))  # sentences
    if isinstance(value, tuple):  # labels listed: 論壇會議、公開會議 / forum meeting, open meeting
        return i18n._(", ").join(str(_shown(item)) for item in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return i18n.format_number(value)
    return value


def _stored(value: Any) -> Any:
    if isinstance(value, Message):
        return {"msgid": value.msgid,
                "params": {key: _stored(item) for key, item in value.params.items()}}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Label):
        return value.msgid
    if isinstance(value, tuple):
        return [_stored(item) for item in value]
    return value


@dataclass(frozen=True)
class Evidence:
    """A record that decides a requirement: ``kind`` names the table (``meeting``,
    ``publication``, ``consultation``, ``contribution``…), ``id`` its number; ``day`` the
    day that counts; ``ok`` whether it speaks for the requirement or against it."""

    kind: str
    id: int
    day: dt.date | None = None
    ok: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id,
                "day": self.day.isoformat() if self.day else None, "ok": self.ok}


@dataclass(frozen=True)
class Outcome:
    """One check's (or one rule part's) verdict."""

    status: Status
    explanation: Message
    remedy: Message | None = None
    evidence: tuple[Evidence, ...] = ()
    evidence_total: int = 0
    # The day the requirement next falls due (for the home screen's "due soon").
    due_on: dt.date | None = None

    @staticmethod
    def of(status: Status, explanation: Message, *, remedy: Message | None = None,
           evidence: list[Evidence] | tuple[Evidence, ...] = (),
           due_on: dt.date | None = None, total: int | None = None) -> Outcome:
        """``total``: how many records decide it, when ``evidence`` lists only some."""
        evidence = tuple(evidence)
        return Outcome(status, explanation, remedy, evidence[:MAX_EVIDENCE],
                       len(evidence) if total is None else total, due_on)


@dataclass(frozen=True)
class Result:
    """The verdict on one catalogue entry; ``parts`` are an ``all_of`` rule's verdicts."""

    entry_id: str
    level: str
    phase: str
    element: str
    outcome: Outcome
    parts: tuple[Outcome, ...] = ()

    @property
    def status(self) -> Status:
        return self.outcome.status

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.entry_id, "level": self.level, "phase": self.phase,
                "element": self.element, **_outcome_dict(self.outcome),
                "parts": [_outcome_dict(part) for part in self.parts]}


def _outcome_dict(outcome: Outcome) -> dict[str, Any]:
    return {"status": outcome.status.value,
            "explanation": outcome.explanation.to_dict(),
            "remedy": outcome.remedy.to_dict() if outcome.remedy else None,
            "evidence": [item.to_dict() for item in outcome.evidence],
            "evidence_total": outcome.evidence_total,
            "due_on": outcome.due_on.isoformat() if outcome.due_on else None}
