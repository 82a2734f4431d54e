"""Agenda items and attendance of one meeting (re-exported by ``services.meetings``)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.errors import ConflictError, SecretariatError
from secretariat.i18n import N_
from secretariat.model import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    AttendeeCapacity,
    Decision,
    ItemPurpose,
    Meeting,
    MeetingStatus,
    Membership,
    MinutesEntry,
    Person,
    ProposedBy,
    Seat,
    Sector,
    Side,
)
from secretariat.services.members.views import VOTING_ROLES, active_on
from secretariat.services.terms.in_force import rules_for_meeting
from secretariat.services.validation import (
    CONFLICT_MESSAGE,
    check_version,
    coerce_enum,
    flush,
    get_for_update,
    get_or_error,
    is_referenced,
    lock_for_change,
    optional_text,
    required_text,
)
from secretariat.services.meetings.decisions import ATTENDING, meeting_local_date

MAX_ITEM_MINUTES = 24 * 60
_ITEM_FIELDS = ("title", "title_en", "purpose", "presenter", "presenter_person_id",
                "planned_minutes", "proposed_by")


@dataclass(frozen=True)
class AttendanceSummary:
    meeting_id: int
    present: int
    remote: int
    apologies: int
    proxy: int
    absent: int
    observers: int
    guests: int
    members_entitled: int
    members_attending: int
    quorum_required: int
    quorum_met: bool
    government: int
    non_government: int
    # The terms of reference in force on the meeting's date set the rules it is judged by.
    terms_version: int | None = None
    quorum_percent: int = 50
    balance_required: int = 0  # members needed from each side
    balance_met: bool = True


def add_agenda_item(
    s: Session,
    meeting_id: int,
    *,
    title: str,
    purpose: ItemPurpose | str = ItemPurpose.DISCUSSION,
    presenter: str = "",
    planned_minutes: int | None = None,
    proposed_by: ProposedBy | str = ProposedBy.GOVERNMENT,
    title_en: str = "",
) -> AgendaItem:
    """Appended after the last item (the meeting is locked meanwhile, so items added at
    the same time from elsewhere get the next positions, never the same one)."""
    values = _item_values(title=title, title_en=title_en, purpose=purpose, presenter=presenter,
                          planned_minutes=planned_minutes, proposed_by=proposed_by)
    meeting = lock_for_change(s, Meeting, meeting_id, N_("meeting"))
    last = s.scalar(select(func.max(AgendaItem.position))
                    .where(AgendaItem.meeting_id == meeting.id)) or 0
    item = AgendaItem(position=last + 1, **values)
    meeting.agenda_items.append(item)
    flush(s)
    return item


def update_agenda_item(
    s: Session, item_id: int, *, expected_version: int | None = None, **fields: object
) -> AgendaItem:
    item = get_for_update(s, AgendaItem, item_id, N_("agenda item"),
                          expected_version=expected_version, fields=fields, allowed=_ITEM_FIELDS)
    values = _item_values(**fields)
    if values.get("presenter_person_id") is not None:
        get_or_error(s, Person, values["presenter_person_id"], N_("person"))
    for key, value in values.items():
        setattr(item, key, value)
    flush(s)
    return item


def remove_agenda_item(s: Session, item_id: int, *,
                       expected_version: int | None = None) -> None:
    """Refused once minutes, decisions or action items refer to the item."""
    item = _locked_item(s, item_id, expected_version)
    if any(is_referenced(s, column, item.id) for column in (
            MinutesEntry.agenda_item_id, Decision.agenda_item_id, ActionItem.agenda_item_id)):
        raise SecretariatError(
            N_("Agenda item “{title}” has minutes, decisions or action items and cannot "
               "be removed."), title=item.title)
    meeting = item.meeting
    # Dropping the item from the collection deletes it (delete-orphan cascade).
    _renumber(s, meeting, [other for other in meeting.agenda_items if other is not item])
    flush(s)


def move_agenda_item(s: Session, item_id: int, new_position: int, *,
                     expected_version: int | None = None) -> AgendaItem:
    """Move to ``new_position`` (1 = first); the others shift so positions stay 1..n."""
    item = _locked_item(s, item_id, expected_version)
    items = list(item.meeting.agenda_items)
    if not isinstance(new_position, int) or not 1 <= new_position <= len(items):
        raise SecretariatError(N_("Position must be from 1 to {count}."), count=len(items))
    items.remove(item)
    items.insert(new_position - 1, item)
    _renumber(s, item.meeting, items)
    flush(s)
    return item


def _locked_item(s: Session, item_id: int, expected_version: int | None) -> AgendaItem:
    """The item, with its meeting locked: reordering renumbers the whole agenda, so two
    reorderings (or one and an addition) must not interleave."""
    item = get_or_error(s, AgendaItem, item_id, N_("agenda item"))
    lock_for_change(s, Meeting, item.meeting_id, N_("meeting"))
    s.refresh(item)  # after the lock: its position and version as committed now
    check_version(item, expected_version)
    return item


def set_attendance(
    s: Session,
    meeting_id: int,
    *,
    person_id: int | None = None,
    guest_name: str = "",
    status: AttendanceStatus | str,
    capacity: AttendeeCapacity | str = AttendeeCapacity.MEMBER,
    represented_by_id: int | None = None,
    expected_version: int | None = None,
) -> Attendance:
    """Record one attendee; calling again for the same person (or guest name) updates it.

    ``expected_version`` is the version of the attendance record the form showed (None
    when it showed none, or not to check): a record changed, or first recorded, by
    someone else meanwhile is then a ConflictError."""
    meeting = get_or_error(s, Meeting, meeting_id, N_("meeting"))
    if meeting.status == MeetingStatus.CANCELLED:
        raise SecretariatError(N_("The meeting was cancelled; attendance cannot be recorded."))
    status = coerce_enum(AttendanceStatus, status, N_("Attendance"))
    capacity = coerce_enum(AttendeeCapacity, capacity, N_("Attending as"))
    guest = optional_text(guest_name)
    if person_id is None and not guest:
        raise SecretariatError(N_("Choose a person or type the guest's name."))
    if person_id is not None:
        get_or_error(s, Person, person_id, N_("person"))
        guest = ""
    if status == AttendanceStatus.PROXY:
        if represented_by_id is None:
            raise SecretariatError(N_("Choose who represented the member."))
        if represented_by_id == person_id:
            raise SecretariatError(N_("A member cannot be their own proxy."))
        get_or_error(s, Person, represented_by_id, N_("person"))
    else:
        represented_by_id = None
    # Locked: two workstations recording the same attendee make one record, not two.
    lock_for_change(s, Meeting, meeting.id, N_("meeting"))
    match = (Attendance.person_id == person_id if person_id is not None
             else (Attendance.person_id.is_(None)) & (Attendance.guest_name == guest))
    record = s.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id, match)
                       .execution_options(populate_existing=True)).first()
    if expected_version is not None and (record is None or record.version != expected_version):
        raise ConflictError(CONFLICT_MESSAGE)
    if record is None:
        record = Attendance(meeting_id=meeting.id, person_id=person_id, guest_name=guest)
        s.add(record)
    record.status, record.capacity, record.represented_by_id = status, capacity, represented_by_id
    flush(s)
    return record


def remove_attendance(s: Session, attendance_id: int, *,
                      expected_version: int | None = None) -> None:
    s.delete(get_for_update(s, Attendance, attendance_id, N_("attendance record"),
                            expected_version=expected_version))
    flush(s)


def attendance_summary(s: Session, meeting_id: int) -> AttendanceSummary:
    meeting = get_or_error(s, Meeting, meeting_id, N_("meeting"))
    rules = rules_for_meeting(s, meeting)
    day = meeting_local_date(meeting)
    # person -> side of the seat they hold on the meeting day (voting roles only)
    holders: dict[int, Side] = dict(s.execute(  # type: ignore[arg-type]
        select(Membership.person_id, Sector.side)
        .join(Membership.seat).join(Seat.sector)
        .where(Membership.role.in_(VOTING_ROLES), active_on(day))
    ).all())
    rows = list(s.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id)))
    by_status = {status: sum(1 for r in rows if r.status == status) for status in AttendanceStatus}
    attending_sides = [holders[r.person_id] for r in rows
                       if r.person_id in holders and r.status in ATTENDING]
    entitled = len(holders)
    required = math.ceil(entitled * rules.quorum_percent / 100)
    government = sum(1 for side in attending_sides if side == Side.GOVERNMENT)
    non_government = sum(1 for side in attending_sides if side == Side.NON_GOVERNMENT)
    return AttendanceSummary(
        meeting_id=meeting.id,
        present=by_status[AttendanceStatus.PRESENT],
        remote=by_status[AttendanceStatus.REMOTE],
        apologies=by_status[AttendanceStatus.APOLOGIES],
        proxy=by_status[AttendanceStatus.PROXY],
        absent=by_status[AttendanceStatus.ABSENT],
        observers=sum(1 for r in rows if r.capacity == AttendeeCapacity.OBSERVER),
        # By capacity only: an observer added by name is an observer, not also a guest.
        guests=sum(1 for r in rows if r.capacity == AttendeeCapacity.GUEST),
        members_entitled=entitled,
        members_attending=len(attending_sides),
        quorum_required=required,
        quorum_met=entitled > 0 and len(attending_sides) >= required,
        government=government,
        non_government=non_government,
        terms_version=rules.version_no,
        quorum_percent=rules.quorum_percent,
        balance_required=rules.min_attending_per_side,
        balance_met=min(government, non_government) >= rules.min_attending_per_side,
    )


def _item_values(**fields: object) -> dict[str, object]:
    values = dict(fields)
    if "title" in values:
        values["title"] = required_text(values["title"], N_("Title"))  # type: ignore[arg-type]
    for key in ("title_en", "presenter"):
        if key in values:
            values[key] = optional_text(values[key])  # type: ignore[arg-type]
    if "purpose" in values:
        values["purpose"] = coerce_enum(ItemPurpose, values["purpose"], N_("Purpose"))  # type: ignore[arg-type]
    if "proposed_by" in values:
        values["proposed_by"] = coerce_enum(ProposedBy, values["proposed_by"], N_("Proposed by"))  # type: ignore[arg-type]
    minutes = values.get("planned_minutes")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int)
                                or not 1 <= minutes <= MAX_ITEM_MINUTES):
        raise SecretariatError(N_("Planned time must be from 1 to {max} minutes."),
                               max=MAX_ITEM_MINUTES)
    return values


def _renumber(s: Session, meeting: Meeting, items: list[AgendaItem]) -> None:
    """Positions 1..n in the given order; the in-memory list follows, so a caller reading
    ``meeting.agenda_items`` in the same session sees the new order.

    A position is unique within a meeting and SQLite checks that row by row, so the items
    that move first go to negative places (and an item dropped from the list is deleted),
    then to their new positions: no two rows ever share one."""
    moving = [(item, position) for position, item in enumerate(items, start=1)
              if item.position != position]
    meeting.agenda_items = items
    if moving:
        for item, position in moving:
            item.position = -position
        flush(s)
        for item, position in moving:
            item.position = position
