"""Action items that come out of meetings: owner, due date, status, the overdue list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, localized
from secretariat.model import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    Person,
)
from secretariat.services.validation import (
    check_optional_date,
    coerce_enum,
    flush,
    get_for_update,
    get_or_error,
)
from secretariat.services.meetings.decisions import meeting_local_date

OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
_UNSET = object()


@dataclass(frozen=True)
class ActionRow:
    id: int
    meeting_id: int
    meeting_title: str
    meeting_starts_at: dt.datetime
    agenda_item_id: int | None
    decision_id: int | None
    decision_number: str | None
    description: str
    owner_person_id: int | None
    owner_name: str  # the person's name, or the free-text owner
    owner_text: str
    due_on: dt.date | None
    status: ActionStatus
    completed_on: dt.date | None
    version: int
    meeting_time_zone: str = ""  # IANA zone: the meeting's local day for display
    meeting_title_en: str = ""
    owner_name_en: str = ""  # the person's English name; empty for a free-text owner

    def shown_meeting_title(self, language: str | None = None) -> str:
        """The meeting's English title in English when it has one, else its title."""
        return localized(self.meeting_title, self.meeting_title_en, language)

    def shown_owner(self, language: str | None = None) -> str:
        return localized(self.owner_name, self.owner_name_en, language)


def _validate_links(s: Session, meeting: Meeting, *, agenda_item_id, decision_id,
                    owner_person_id) -> None:
    if agenda_item_id is not None:
        item = s.get(AgendaItem, agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            raise SecretariatError(N_("That agenda item is not on this meeting's agenda."))
    if decision_id is not None:
        decision = s.get(Decision, decision_id)
        if decision is None or decision.meeting_id != meeting.id:
            raise SecretariatError(N_("That decision was not taken at this meeting."))
    if owner_person_id is not None and s.get(Person, owner_person_id) is None:
        raise SecretariatError(N_("There is no person with id {id}."), id=owner_person_id)


def _check_due(meeting: Meeting, due_on: dt.date | None) -> None:
    if due_on is not None and due_on < meeting_local_date(meeting):
        raise SecretariatError(N_("The due date {due} is before the meeting on {meeting}."),
                               due=due_on, meeting=meeting_local_date(meeting))


def _completion_date(meeting: Meeting, completed_on: dt.date | None) -> dt.date:
    """The day an action was done: the given day, else today; never before the meeting
    that set it, as no action can be done before it was decided."""
    held_on = meeting_local_date(meeting)
    if completed_on is None:
        completed_on = dt.date.today()
        if completed_on < held_on:
            raise SecretariatError(
                N_("The meeting on {meeting} is still to come: its action items cannot be "
                   "done before it."),
                meeting=held_on)
    elif completed_on < held_on:
        raise SecretariatError(N_("The completion date {done} is before the meeting on "
                                  "{meeting}."), done=completed_on, meeting=held_on)
    return completed_on


def add_action(s: Session, *, meeting_id: int, description: str,
               owner_person_id: int | None = None, owner_text: str = "",
               due_on: dt.date | None = None, agenda_item_id: int | None = None,
               decision_id: int | None = None) -> ActionItem:
    meeting = get_or_error(s, Meeting, meeting_id, N_("meeting"))
    if not description.strip():
        raise SecretariatError(N_("Describe the action."))
    _validate_links(s, meeting, agenda_item_id=agenda_item_id, decision_id=decision_id,
                    owner_person_id=owner_person_id)
    due_on = check_optional_date(due_on, N_("Due date"))
    _check_due(meeting, due_on)
    action = ActionItem(meeting_id=meeting_id, description=description.strip(),
                        owner_person_id=owner_person_id, owner_text=owner_text.strip(),
                        due_on=due_on, agenda_item_id=agenda_item_id, decision_id=decision_id,
                        status=ActionStatus.OPEN)
    s.add(action)
    s.flush()
    return action


def update_action(s: Session, action_id: int, *, expected_version: int | None = None,
                  status: ActionStatus | object = _UNSET, due_on=_UNSET,
                  description=_UNSET, owner_person_id=_UNSET, owner_text=_UNSET,
                  completed_on: dt.date | None = None) -> ActionItem:
    """Change only the fields given. Moving to DONE sets ``completed_on`` (today unless
    given; neither may be before the meeting); moving away from DONE clears it."""
    action = get_for_update(s, ActionItem, action_id, N_("action item"),
                            expected_version=expected_version)
    meeting = s.get(Meeting, action.meeting_id)
    if description is not _UNSET and not str(description).strip():
        raise SecretariatError(N_("Describe the action."))
    if owner_person_id is not _UNSET:
        _validate_links(s, meeting, agenda_item_id=None, decision_id=None,
                        owner_person_id=owner_person_id)
    if due_on is not _UNSET:
        due_on = check_optional_date(due_on, N_("Due date"))
        _check_due(meeting, due_on)
    if status is not _UNSET:
        status = coerce_enum(ActionStatus, status, N_("status"))
        if status == ActionStatus.DONE and (status != action.status
                                            or completed_on is not None):
            completed_on = _completion_date(meeting, completed_on)
    if description is not _UNSET:
        action.description = str(description).strip()
    if owner_person_id is not _UNSET:
        action.owner_person_id = owner_person_id
    if owner_text is not _UNSET:
        action.owner_text = str(owner_text).strip()
    if due_on is not _UNSET:
        action.due_on = due_on
    if status is not _UNSET and status != action.status:
        action.completed_on = completed_on if status == ActionStatus.DONE else None
        action.status = status
    flush(s)
    return action


def remove_action(s: Session, action_id: int, *, expected_version: int | None = None) -> None:
    s.delete(get_for_update(s, ActionItem, action_id, N_("action item"),
                            expected_version=expected_version))
    flush(s)


def action_rows(s: Session, *, status: ActionStatus | None = None,
                overdue_on: dt.date | None = None,
                meeting_id: int | None = None) -> list[ActionRow]:
    """Action items by due date (undated last). ``overdue_on`` keeps those still open or
    in progress whose due date is before that day."""
    query = (
        select(ActionItem.id, ActionItem.meeting_id, Meeting.title, Meeting.starts_at,
               ActionItem.agenda_item_id, ActionItem.decision_id, Decision.number,
               ActionItem.description, ActionItem.owner_person_id, Person.name,
               ActionItem.owner_text, ActionItem.due_on, ActionItem.status,
               ActionItem.completed_on, ActionItem.version, Meeting.time_zone,
               Meeting.title_en, Person.name_en)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .outerjoin(Decision, Decision.id == ActionItem.decision_id)
        .outerjoin(Person, Person.id == ActionItem.owner_person_id)
        .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)
    )
    if status is not None:
        query = query.where(ActionItem.status == coerce_enum(ActionStatus, status, N_("status")))
    if overdue_on is not None:
        query = query.where(ActionItem.status.in_(OPEN_STATUSES),
                            ActionItem.due_on < overdue_on)
    if meeting_id is not None:
        query = query.where(ActionItem.meeting_id == meeting_id)
    rows = []
    for row in s.execute(query):
        values = list(row)
        values[9] = values[9] or values[10]  # owner_name: the person, else the free text
        values[16] = values[16] or ""  # meeting_title_en
        values[17] = values[17] or ""  # owner_name_en: only a person on record has one
        rows.append(ActionRow(*values))
    return rows


def overdue_actions(s: Session, on: dt.date) -> list[ActionRow]:
    return action_rows(s, overdue_on=on)
