"""Minutes, decision and action-item operations of the meeting editor (worker thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from secretariat.model import (
    ActionItem, ActionStatus, DecisionMethod, Meeting, MeetingStatus, VoteChoice,
)
from secretariat.services.meetings import actions as action_service
from secretariat.services.meetings import decisions as decision_service
from secretariat.services import meetings as meeting_service
from secretariat.services.meetings import minutes as minutes_service
from secretariat.services.validation import get_or_error
from secretariat.i18n import N_
from ui.operations import MEETINGS, Change

DECISION = "decision"  # RecordIds topics
ACTION = "action"
LATER_MEETINGS_OFFERED = 12  # minutes are approved at one of the next few meetings


def _changed(meeting_id: int) -> Change:
    return Change(MEETINGS, (meeting_id,))


# -- minutes ------------------------------------------------------------------------------
def start_minutes(s: Session, meeting_id: int) -> Change:
    minutes_service.start_minutes(s, meeting_id)
    return _changed(meeting_id)


def read_texts(s: Session, minutes_id: int) -> dict[int | None, str]:
    """Agenda item id (None: general remarks) -> text of one version."""
    texts: dict[int | None, str] = {
        r.agenda_item_id: r.text for r in minutes_service.minutes_entries(s, minutes_id)}
    texts[None] = minutes_service.get_minutes(s, minutes_id).general_text
    return texts


def save_texts(s: Session, minutes_id: int,
               texts: dict[int | None, str]) -> tuple[Change, dict[int | None, str]]:
    """Write the texts that differ; returns the previous texts of those (for undo)."""
    old = read_texts(s, minutes_id)
    previous = {}
    for item_id, text in texts.items():
        if old.get(item_id, "") != text:
            previous[item_id] = old.get(item_id, "")
            minutes_service.set_minutes_text(s, minutes_id, agenda_item_id=item_id, text=text)
    return _changed(minutes_service.get_minutes(s, minutes_id).meeting_id), previous


def circulate(s: Session, minutes_id: int, at: dt.datetime, to: str) -> Change:
    minutes = minutes_service.circulate_minutes(s, minutes_id, circulated_at=at,
                                                circulated_to=to)
    return _changed(minutes.meeting_id)


def approve(s: Session, minutes_id: int, decision_id: int) -> Change:
    minutes = minutes_service.approve_minutes(s, minutes_id, decision_id=decision_id)
    decision = decision_service.get_decision(s, decision_id)
    return Change(MEETINGS, (minutes.meeting_id, decision.meeting_id))


def correct(s: Session, minutes_id: int, reason: str) -> Change:
    minutes = minutes_service.correct_minutes(s, minutes_id, reason=reason)
    return _changed(minutes.meeting_id)


def diff(s: Session, old_id: int, new_id: int):
    return minutes_service.minutes_diff(s, old_id, new_id)


def approval_candidates(s: Session, meeting_id: int) -> list:
    """Decisions of the next few meetings after this one (DecisionRow), nearest first.

    Only meetings held after the minutes were circulated can approve them (the service
    refuses the others), so those are the ones offered."""
    own = get_or_error(s, Meeting, meeting_id, N_("meeting"))
    minutes = minutes_service.latest_minutes(s, meeting_id)
    circulated = minutes.circulated_at if minutes is not None else None
    later = [row for row in reversed(meeting_service.list_meetings(s))
             if row.starts_at > own.starts_at and row.status != MeetingStatus.CANCELLED
             and (circulated is None or row.starts_at >= circulated)]
    later.sort(key=lambda row: row.starts_at)
    rows: list = []
    for meeting in later[:LATER_MEETINGS_OFFERED]:
        rows += decision_service.decision_rows(s, meeting_id=meeting.id, sort="number",
                                               descending=False)
    return rows


# -- decisions ----------------------------------------------------------------------------
@dataclass(frozen=True)
class DecisionForm:
    text: str = ""
    text_en: str = ""
    agenda_item_id: int | None = None
    method: DecisionMethod = DecisionMethod.CONSENSUS
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    named_votes: tuple[tuple[int, VoteChoice], ...] = ()  # (person id, vote): who voted how
    recused_person_ids: tuple[int, ...] = ()
    dissents: tuple[tuple[int | None, str], ...] = field(default_factory=tuple)
    rationale: str = ""
    is_public: bool = True


def record_decision(s: Session, meeting_id: int, form: DecisionForm) -> tuple[Change, int]:
    decision = decision_service.record_decision(
        s, meeting_id=meeting_id, agenda_item_id=form.agenda_item_id, text=form.text,
        text_en=form.text_en, method=form.method, votes_for=form.votes_for,
        votes_against=form.votes_against, votes_abstain=form.votes_abstain,
        named_votes=dict(form.named_votes), recused_person_ids=form.recused_person_ids,
        dissents=form.dissents,
        rationale=form.rationale, is_public=form.is_public)
    return _changed(meeting_id), decision.id


def delete_decision(s: Session, decision_id: int) -> Change:
    meeting_id = decision_service.get_decision(s, decision_id).meeting_id
    decision_service.delete_decision(s, decision_id)
    return _changed(meeting_id)


# -- action items -------------------------------------------------------------------------
@dataclass(frozen=True)
class ActionForm:
    description: str = ""
    owner_person_id: int | None = None
    owner_text: str = ""
    due_on: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN


def read_action(s: Session, action_id: int) -> ActionForm:
    a = get_or_error(s, ActionItem, action_id, N_("action item"))
    return ActionForm(a.description, a.owner_person_id, a.owner_text, a.due_on, a.status)


def add_action(s: Session, meeting_id: int, form: ActionForm) -> tuple[Change, int]:
    action = action_service.add_action(
        s, meeting_id=meeting_id, description=form.description,
        owner_person_id=form.owner_person_id, owner_text=form.owner_text, due_on=form.due_on)
    if form.status != ActionStatus.OPEN:
        action_service.update_action(s, action.id, status=form.status)
    return _changed(meeting_id), action.id


def edit_action(s: Session, action_id: int, form: ActionForm) -> tuple[Change, ActionForm]:
    old = read_action(s, action_id)
    action = action_service.update_action(
        s, action_id, description=form.description, owner_person_id=form.owner_person_id,
        owner_text=form.owner_text, due_on=form.due_on, status=form.status)
    return _changed(action.meeting_id), old


def remove_action(s: Session, action_id: int) -> Change:
    meeting_id = get_or_error(s, ActionItem, action_id, N_("action item")).meeting_id
    action_service.remove_action(s, action_id)
    return _changed(meeting_id)
