"""Meeting operations: schedule, edit and their undos, and loading the list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from secretariat.i18n import N_
from secretariat.model import Meeting, MeetingKind, Modality, Phase
from secretariat.services import forum as forum_service
from secretariat.services import meetings as meeting_service
from secretariat.services.validation import get_or_error
from ui.operations import MEETINGS, Change
from ui.operations.form_values import FormValues


@dataclass(frozen=True)
class MeetingForm(FormValues):
    """What the meeting dialog edits. Times are aware datetimes in ``time_zone``."""

    title: str = ""
    title_en: str = ""
    kind: MeetingKind = MeetingKind.FORUM
    phase: Phase = Phase.WHOLE_CYCLE
    modality: Modality = Modality.IN_PERSON
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    time_zone: str = "Asia/Taipei"
    location: str = ""
    remote_link: str = ""
    is_public: bool = False


def load_meetings(s: Session, *, now: dt.datetime | None = None) -> list:
    return meeting_service.list_meetings(s, now=now)


def forum_time_zone(s: Session) -> str:
    forum = forum_service.get_forum(s)
    return forum.time_zone if forum else "Asia/Taipei"


def schedule_meeting(s: Session, form: MeetingForm) -> Change:
    meeting = meeting_service.schedule_meeting(s, **form.as_fields())
    return Change(MEETINGS, (meeting.id,))


def delete_meeting(s: Session, meeting_id: int) -> Change:
    """Undo of ``schedule_meeting``."""
    meeting_service.delete_meeting(s, meeting_id)
    return Change(MEETINGS, (meeting_id,))


def read_meeting(s: Session, meeting_id: int) -> MeetingForm:
    return MeetingForm.read_from(get_or_error(s, Meeting, meeting_id, N_("meeting")))


def edit_meeting(s: Session, meeting_id: int, new: MeetingForm) -> tuple[Change, MeetingForm]:
    """Write the changed fields; returns the change and the old values (for undo)."""
    old = read_meeting(s, meeting_id)
    changed = new.changes_from(old)
    if changed:
        meeting_service.update_meeting(s, meeting_id, **changed)
    return Change(MEETINGS, (meeting_id,)), old
