"""Everything the meeting editor shows, read in one worker job as plain frozen values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from secretariat.model import (
    AgendaItem, Attendance, AttendanceStatus, AttendeeCapacity, ItemPurpose, Meeting,
    MeetingStatus, ProposedBy, Role, Side,
)
from secretariat.export.agenda_data import fetch_meeting
from secretariat.services.meetings import actions as action_service
from secretariat.services.meetings import decisions as decision_service
from secretariat.services import meetings as meeting_service
from secretariat.services import members as member_service
from secretariat.services.meetings import minutes as minutes_service
from secretariat.services.members import people as people_service
from secretariat.services.validation import get_or_error  # the service's "not found" message
from secretariat.i18n import N_
from ui.operations.meetings import MeetingForm


@dataclass(frozen=True)
class DetailsForm(MeetingForm):
    """The meeting's own fields as the Details tab edits them (aware datetimes): the
    meeting dialog's, and those only the editor shows."""

    status: MeetingStatus = MeetingStatus.PLANNED
    notice_sent_at: dt.datetime | None = None
    notice_recipients: str = ""
    internal_notes: str = ""


@dataclass(frozen=True)
class PaperRow:
    id: int
    title: str
    file_name: str
    is_public: bool


@dataclass(frozen=True)
class AgendaRow:
    id: int
    position: int
    title: str
    title_en: str
    purpose: ItemPurpose
    presenter: str
    planned_minutes: int | None
    proposed_by: ProposedBy
    papers: tuple[PaperRow, ...]


@dataclass(frozen=True)
class AttendeeRow:
    """A member active on the meeting day, or anyone else with an attendance record."""

    person_id: int | None
    name: str
    organisation: str
    side: Side | None
    capacity: AttendeeCapacity
    attendance_id: int | None
    status: AttendanceStatus | None  # None: not recorded yet
    represented_by_id: int | None
    represented_by: str
    guest_name: str = ""


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    organisation: str = ""


@dataclass(frozen=True)
class MinutesState:
    versions: list = field(default_factory=list)  # MinutesVersionRow, oldest first
    current: object | None = None  # the newest MinutesVersionRow
    entries: list = field(default_factory=list)  # MinutesEntryRow of the newest version
    general_text: str = ""


@dataclass(frozen=True)
class EditorData:
    meeting_id: int
    version: int
    details: DetailsForm
    day: dt.date
    agenda: list[AgendaRow]
    attendees: list[AttendeeRow]
    summary: object  # services.meetings.AttendanceSummary
    people: list[PersonChoice]
    minutes: MinutesState
    decisions: list  # services.decisions.DecisionRow
    actions: list  # services.actions.ActionRow
    voter_ids: frozenset = frozenset()  # who may vote (and so be recused): the service's rule


def _capacity(role: Role) -> AttendeeCapacity:
    return {Role.ALTERNATE: AttendeeCapacity.ALTERNATE,
            Role.OBSERVER: AttendeeCapacity.OBSERVER}.get(role, AttendeeCapacity.MEMBER)


def _agenda(items: list[AgendaItem]) -> list[AgendaRow]:
    return [AgendaRow(
        id=i.id, position=i.position, title=i.title, title_en=i.title_en, purpose=i.purpose,
        presenter=i.presenter, planned_minutes=i.planned_minutes, proposed_by=i.proposed_by,
        papers=tuple(PaperRow(d.id, d.title, d.file_name, d.is_public)
                     for d in sorted(i.documents, key=lambda d: d.title)),
    ) for i in items]


def _attendees(s: Session, meeting: Meeting, day: dt.date) -> list[AttendeeRow]:
    records: dict[int | None, Attendance] = {}
    guests: list[Attendance] = []
    for record in meeting.attendance:
        if record.person_id is None:
            guests.append(record)
        else:
            records[record.person_id] = record
    rows: list[AttendeeRow] = []
    seen: set[int] = set()
    for member in member_service.member_rows(s, on=day):
        if not member.active or member.person_id in seen:
            continue
        seen.add(member.person_id)
        rows.append(_attendee(member.person_id, member.name, member.organisation, member.side,
                              _capacity(member.role), records.get(member.person_id)))
    for person_id, record in records.items():  # observers and others not on a seat that day
        if person_id not in seen:
            person = record.person
            org = person.organisation.name if person.organisation else ""
            rows.append(_attendee(person_id, person.name, org, None, record.capacity, record))
    for record in sorted(guests, key=lambda r: r.guest_name):
        rows.append(_attendee(None, record.guest_name, "", None, record.capacity, record))
    return rows


def _attendee(person_id, name, organisation, side, capacity, record) -> AttendeeRow:
    proxy = record.represented_by if record is not None else None
    return AttendeeRow(
        person_id=person_id, name=name, organisation=organisation, side=side,
        capacity=record.capacity if record is not None else capacity,
        attendance_id=record.id if record is not None else None,
        status=record.status if record is not None else None,
        represented_by_id=proxy.id if proxy is not None else None,
        represented_by=proxy.name if proxy is not None else "",
        guest_name=record.guest_name if record is not None else "",
    )


def _minutes(s: Session, meeting_id: int) -> MinutesState:
    versions = minutes_service.minutes_versions(s, meeting_id)
    if not versions:
        return MinutesState()
    current = versions[-1]
    return MinutesState(
        versions=versions, current=current,
        entries=minutes_service.minutes_entries(s, current.id),
        general_text=minutes_service.get_minutes(s, current.id).general_text)


def load_editor_data(s: Session, meeting_id: int) -> EditorData:
    get_or_error(s, Meeting, meeting_id, N_("meeting"))  # the message the editor shows
    # Items with their papers, attendance with its people, in a few queries, not one per row.
    meeting = fetch_meeting(s, meeting_id)
    day = decision_service.meeting_local_date(meeting)
    return EditorData(
        meeting_id=meeting.id, version=meeting.version,
        details=DetailsForm.read_from(meeting), day=day,
        agenda=_agenda(list(meeting.agenda_items)),
        attendees=_attendees(s, meeting, day),
        summary=meeting_service.attendance_summary(s, meeting.id),
        people=[PersonChoice(p.id, p.name, p.organisation)
                for p in people_service.list_people(s)],
        minutes=_minutes(s, meeting.id),
        decisions=decision_service.decision_rows(s, meeting_id=meeting.id, sort="number",
                                                 descending=False),
        actions=action_service.action_rows(s, meeting_id=meeting.id),
        voter_ids=frozenset(decision_service.entitled_voters(s, meeting.id)),
    )
