"""Details and attendance operations of the meeting editor (worker thread, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.model import Attendance, AttendanceStatus, AttendeeCapacity, Meeting
from secretariat.services import meetings as meeting_service
from secretariat.services.validation import get_or_error
from secretariat.i18n import N_
from ui.meeting_editor.data import DetailsForm
from ui.operations import MEETINGS, Change


@dataclass(frozen=True)
class AttendanceState:
    """One attendee's record, or ``status=None`` for "no record" (what undo restores)."""

    person_id: int | None
    guest_name: str
    status: AttendanceStatus | None
    capacity: AttendeeCapacity = AttendeeCapacity.MEMBER
    represented_by_id: int | None = None


def edit_details(s: Session, meeting_id: int, form: DetailsForm) -> tuple[Change, DetailsForm]:
    old = DetailsForm.read_from(get_or_error(s, Meeting, meeting_id, N_("meeting")))
    changed = form.changes_from(old)
    if changed:
        meeting_service.update_meeting(s, meeting_id, **changed)
    return Change(MEETINGS, (meeting_id,)), old


def _record(s: Session, meeting_id: int, person_id: int | None,
            guest_name: str) -> Attendance | None:
    match = (Attendance.person_id == person_id if person_id is not None
             else Attendance.person_id.is_(None) & (Attendance.guest_name == guest_name))
    return s.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                              match)).first()


def read_attendance(s: Session, meeting_id: int, person_id: int | None,
                    guest_name: str = "") -> AttendanceState:
    record = _record(s, meeting_id, person_id, guest_name)
    if record is None:
        return AttendanceState(person_id, guest_name, None)
    return AttendanceState(person_id, record.guest_name, record.status, record.capacity,
                           record.represented_by_id)


def set_attendance(s: Session, meeting_id: int,
                   new: AttendanceState) -> tuple[Change, AttendanceState]:
    """Write ``new`` (``status=None`` removes the record); returns the previous state."""
    old = read_attendance(s, meeting_id, new.person_id, new.guest_name)
    if new.status is None:
        record = _record(s, meeting_id, new.person_id, new.guest_name)
        if record is not None:
            meeting_service.remove_attendance(s, record.id)
    else:
        meeting_service.set_attendance(
            s, meeting_id, person_id=new.person_id, guest_name=new.guest_name,
            status=new.status, capacity=new.capacity, represented_by_id=new.represented_by_id)
    return Change(MEETINGS, (meeting_id,)), old
