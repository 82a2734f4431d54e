"""The meeting side of conflicts of interest for the GUI (worker thread, no Qt): what the
meeting editor's tab shows, declaring at the meeting and taking it back, and the undo of
each. Changes are INTEREST and DECISION (a recusal may change) of the meeting."""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.interest_vocabulary import MeetingInterestAction
from secretariat.services.interests import flags, meeting_declare
from secretariat.services.members import people as people_service
from ui.changes import ChangeKind, Changes
from ui.interests.actions import PersonChoice


@dataclass(frozen=True)
class ItemChoice:
    id: int
    position: int
    title: str
    title_en: str


@dataclass(frozen=True)
class MeetingInterestsData:
    declarations: list  # services.interests.meeting_declare.MeetingInterestRow
    flags: list  # services.interests.flags.ConflictFlag
    items: list[ItemChoice]
    people: list[PersonChoice]


@dataclass(frozen=True)
class MeetingDeclarationForm:
    agenda_item_id: int
    person_id: int
    action: MeetingInterestAction
    nature: str


def _changed(meeting_id: int, declaration_id: int) -> Changes:
    return Changes.of_meeting(ChangeKind.INTEREST | ChangeKind.DECISION, meeting_id,
                              ids=(declaration_id,))


def load_meeting_interests(s, meeting_id: int) -> MeetingInterestsData:
    return MeetingInterestsData(
        declarations=meeting_declare.meeting_declarations(s, meeting_id),
        flags=flags.likely_conflicts(s, meeting_id),
        items=[ItemChoice(*row) for row in meeting_declare.agenda_choices(s, meeting_id)],
        people=[PersonChoice(p.id, p.name, p.name_en)
                for p in people_service.list_people(s)])


def declare(s, meeting_id: int, form: MeetingDeclarationForm):
    """Record the declaration; returns (Changes, what the person had declared on that
    item before: a form, or None) for the undo."""
    before = next((MeetingDeclarationForm(d.agenda_item_id, d.person_id, d.action, d.nature)
                   for d in meeting_declare.meeting_declarations(s, meeting_id)
                   if d.agenda_item_id == form.agenda_item_id
                   and d.person_id == form.person_id), None)
    declaration = meeting_declare.declare_at_meeting(
        s, meeting_id=meeting_id, agenda_item_id=form.agenda_item_id,
        person_id=form.person_id, nature=form.nature, action=form.action)
    return _changed(meeting_id, declaration.id), before


def withdraw(s, meeting_id: int, form: MeetingDeclarationForm) -> Changes:
    """Take back the person's declaration on the item (found by item and person, so the
    undo of a re-created declaration still finds it)."""
    found = next(d for d in meeting_declare.meeting_declarations(s, meeting_id)
                 if d.agenda_item_id == form.agenda_item_id and d.person_id == form.person_id)
    meeting_declare.withdraw_meeting_declaration(s, found.id)
    return _changed(meeting_id, found.id)
