"""What a clerk does in the meeting editor: one function per action (worker thread, no Qt).

Each calls services only and returns ``Changes`` naming the meeting and the kind of
record touched (with what its undo needs, when it has one). Edits compare the form with
the values it was opened with, not with the database row at write time, and pass the
version they were read at, so a change made meanwhile on another workstation is refused
(``ConflictError``) instead of silently reverted. ``undo.py`` wraps these as commands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from secretariat.services import documents as document_service
from secretariat.services import meetings as meeting_service
from secretariat.services.meetings import actions as action_service
from secretariat.services.meetings import decisions as decision_service
from secretariat.services.meetings import editing
from secretariat.services.meetings import minutes as minutes_service
from secretariat.vocabulary import (
    ActionStatus, AttendanceStatus, AttendeeCapacity, DecisionMethod, DocumentKind,
    ItemPurpose, ProposedBy, VoteChoice,
)
from ui.changes import ChangeKind, Changes
from ui.form_values import FormValues
from ui.meeting_editor.data import DetailsForm

K = ChangeKind


# -- details and attendance -------------------------------------------------------------
def edit_details(s, meeting_id: int, opened: DetailsForm, new: DetailsForm, *,
                 expected_version: int | None) -> tuple[Changes, int]:
    """Write the fields the clerk changed since opening; returns the meeting's new version.
    Undo calls it with the two forms swapped."""
    changed = new.changes_from(opened)
    meeting = meeting_service.update_meeting(s, meeting_id, expected_version=expected_version,
                                             **changed)
    return Changes.of_meeting(K.MEETING, meeting_id), meeting.version


@dataclass(frozen=True)
class AttendanceState:
    """One attendee's record, or ``status=None`` for "no record" (what undo restores)."""

    person_id: int | None
    guest_name: str
    status: AttendanceStatus | None
    capacity: AttendeeCapacity = AttendeeCapacity.MEMBER
    represented_by_id: int | None = None


def set_attendance(s, meeting_id: int,
                   new: AttendanceState) -> tuple[Changes, AttendanceState]:
    """Write ``new`` (``status=None`` removes the record); returns the previous state."""
    now = editing.attendance_values(s, meeting_id, new.person_id, new.guest_name)
    old = AttendanceState(new.person_id, now.guest_name if now.status else new.guest_name,
                          now.status, now.capacity, now.represented_by_id)
    if new.status is None:
        if now.attendance_id is not None:
            meeting_service.remove_attendance(s, now.attendance_id)
    else:
        meeting_service.set_attendance(
            s, meeting_id, person_id=new.person_id, guest_name=new.guest_name,
            status=new.status, capacity=new.capacity, represented_by_id=new.represented_by_id)
    return Changes.of_meeting(K.ATTENDANCE, meeting_id), old


# -- agenda and papers ------------------------------------------------------------------
@dataclass(frozen=True)
class ItemForm(FormValues):
    title: str = ""
    title_en: str = ""
    purpose: ItemPurpose = ItemPurpose.DISCUSSION
    presenter: str = ""
    planned_minutes: int | None = None
    proposed_by: ProposedBy = ProposedBy.GOVERNMENT


@dataclass(frozen=True)
class RemovedItem:
    """What an undo of "remove item" re-creates."""

    meeting_id: int
    position: int
    form: ItemForm
    document_ids: tuple[int, ...]


def open_item_form(s, item_id: int) -> tuple[ItemForm, int]:
    """The Edit item dialog's values and the version they were read at."""
    values = editing.agenda_item_values(s, item_id)
    return ItemForm.read_from(values), values.version


def _agenda(meeting_id: int, *ids: int, papers: bool = False) -> Changes:
    return Changes.of_meeting(K.AGENDA | (K.DOCUMENT if papers else K(0)), meeting_id,
                              ids=ids)


def add_item(s, meeting_id: int, form: ItemForm) -> tuple[Changes, int]:
    item = meeting_service.add_agenda_item(s, meeting_id, **form.as_fields())
    return _agenda(meeting_id, item.id), item.id


def edit_item(s, item_id: int, opened: ItemForm, new: ItemForm, *,
              expected_version: int | None = None) -> Changes:
    """Write the fields changed since the dialog opened (undo: the forms swapped)."""
    values = editing.agenda_item_values(s, item_id)
    changed = new.changes_from(opened)
    if changed:
        meeting_service.update_agenda_item(s, item_id, expected_version=expected_version,
                                           **changed)
    return _agenda(values.meeting_id, item_id)


def remove_item(s, item_id: int) -> tuple[Changes, RemovedItem]:
    values = editing.agenda_item_values(s, item_id)
    removed = RemovedItem(values.meeting_id, values.position, ItemForm.read_from(values),
                          values.document_ids)
    meeting_service.remove_agenda_item(s, item_id)
    return _agenda(removed.meeting_id, item_id), removed


def restore_item(s, removed: RemovedItem) -> tuple[Changes, int]:
    """Undo of ``remove_item``: the same fields, papers and position (new id)."""
    item = meeting_service.add_agenda_item(s, removed.meeting_id, **removed.form.as_fields())
    for document_id in removed.document_ids:
        document_service.attach_document(s, item.id, document_id)
    meeting_service.move_agenda_item(s, item.id, removed.position)
    return _agenda(removed.meeting_id, item.id), item.id


def move_item(s, item_id: int, new_position: int) -> tuple[Changes, int]:
    """Returns the change and the old position (for undo)."""
    old = editing.agenda_item_values(s, item_id).position
    item = meeting_service.move_agenda_item(s, item_id, new_position)
    return _agenda(item.meeting_id, item_id), old


def add_paper(s, documents_dir: Path, item_id: int, source: Path, title: str,
              is_public: bool, language: str) -> tuple[Changes, int]:
    """Copy a file into the document repository and attach it to the item."""
    meeting_id = editing.agenda_item_values(s, item_id).meeting_id
    document = document_service.add_document(
        s, documents_dir=documents_dir, source=source, title=title, kind=DocumentKind.PAPER,
        language=language, is_public=is_public)
    document_service.attach_document(s, item_id, document.id)
    return _agenda(meeting_id, item_id, papers=True), document.id


def attach_paper(s, item_id: int, document_id: int) -> Changes:
    document_service.attach_document(s, item_id, document_id)
    return _agenda(editing.agenda_item_values(s, item_id).meeting_id, item_id, papers=True)


def detach_paper(s, item_id: int, document_id: int) -> Changes:
    document_service.detach_document(s, item_id, document_id)
    return _agenda(editing.agenda_item_values(s, item_id).meeting_id, item_id, papers=True)


# -- minutes ------------------------------------------------------------------------------
def _minutes(*meeting_ids: int, also: ChangeKind = K(0)) -> Changes:
    return Changes.of_meeting(K.MINUTES | also, *meeting_ids)


def start_minutes(s, meeting_id: int) -> Changes:
    minutes_service.start_minutes(s, meeting_id)
    return _minutes(meeting_id)


def save_texts(s, minutes_id: int, opened: dict[int | None, str], new: dict[int | None, str],
               *, expected_version: int | None) -> tuple[Changes, int]:
    """Write the texts that differ from those the tab opened with; returns the minutes'
    new version. The first write checks the version (later ones are in the same
    transaction, after the version moved on)."""
    meeting_id = minutes_service.get_minutes(s, minutes_id).meeting_id
    version = expected_version
    for item_id, text in new.items():
        if opened.get(item_id, "") != text:
            minutes_service.set_minutes_text(s, minutes_id, agenda_item_id=item_id, text=text,
                                             expected_version=version)
            version = None
    return _minutes(meeting_id), editing.minutes_texts(s, minutes_id).version


def circulate(s, minutes_id: int, at: dt.datetime, to: str, *,
              expected_version: int | None = None) -> Changes:
    minutes = minutes_service.circulate_minutes(s, minutes_id, circulated_at=at,
                                                circulated_to=to,
                                                expected_version=expected_version)
    return _minutes(minutes.meeting_id)


def approve(s, minutes_id: int, decision_id: int, *,
            expected_version: int | None = None) -> Changes:
    """Irreversible: the minutes lock and their meeting's decisions enter the audit chain."""
    minutes = minutes_service.approve_minutes(s, minutes_id, decision_id=decision_id,
                                              expected_version=expected_version)
    decision = decision_service.get_decision(s, decision_id)
    return _minutes(minutes.meeting_id, decision.meeting_id, also=K.DECISION)


def correct(s, minutes_id: int, reason: str) -> Changes:
    """Irreversible: a correction is a new version; the approved one stays on record."""
    minutes = minutes_service.correct_minutes(s, minutes_id, reason=reason)
    return _minutes(minutes.meeting_id)


def diff(s, old_id: int, new_id: int):
    return minutes_service.minutes_diff(s, old_id, new_id)


def approval_candidates(s, meeting_id: int) -> list:
    return editing.approval_candidates(s, meeting_id)


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


def record_decision(s, meeting_id: int, form: DecisionForm) -> tuple[Changes, int]:
    decision = decision_service.record_decision(
        s, meeting_id=meeting_id, agenda_item_id=form.agenda_item_id, text=form.text,
        text_en=form.text_en, method=form.method, votes_for=form.votes_for,
        votes_against=form.votes_against, votes_abstain=form.votes_abstain,
        named_votes=dict(form.named_votes), recused_person_ids=form.recused_person_ids,
        dissents=form.dissents, rationale=form.rationale, is_public=form.is_public)
    return Changes.of_meeting(K.DECISION, meeting_id, ids=(decision.id,)), decision.id


def delete_decision(s, decision_id: int) -> Changes:
    """Undo of ``record_decision``; refused once the decision is in the audit chain."""
    meeting_id = decision_service.get_decision(s, decision_id).meeting_id
    decision_service.delete_decision(s, decision_id)
    return Changes.of_meeting(K.DECISION, meeting_id, ids=(decision_id,))


# -- action items -------------------------------------------------------------------------
@dataclass(frozen=True)
class ActionForm:
    description: str = ""
    owner_person_id: int | None = None
    owner_text: str = ""
    due_on: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN


def _action(meeting_id: int, action_id: int) -> Changes:
    return Changes.of_meeting(K.ACTION_ITEM, meeting_id, ids=(action_id,))


def add_action(s, meeting_id: int, form: ActionForm) -> tuple[Changes, int]:
    action = action_service.add_action(
        s, meeting_id=meeting_id, description=form.description,
        owner_person_id=form.owner_person_id, owner_text=form.owner_text, due_on=form.due_on)
    if form.status != ActionStatus.OPEN:
        action_service.update_action(s, action.id, status=form.status)
    return _action(meeting_id, action.id), action.id


def edit_action(s, action_id: int, form: ActionForm, *,
                expected_version: int | None = None) -> tuple[Changes, ActionForm]:
    """Returns the change and the values it replaced (for undo)."""
    now = editing.action_values(s, action_id)
    old = ActionForm(now.description, now.owner_person_id, now.owner_text, now.due_on,
                     now.status)
    action_service.update_action(
        s, action_id, description=form.description, owner_person_id=form.owner_person_id,
        owner_text=form.owner_text, due_on=form.due_on, status=form.status,
        expected_version=expected_version)
    return _action(now.meeting_id, action_id), old


def remove_action(s, action_id: int) -> Changes:
    meeting_id = editing.action_values(s, action_id).meeting_id
    action_service.remove_action(s, action_id)
    return _action(meeting_id, action_id)
