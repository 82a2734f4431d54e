"""Meeting actions: schedule, edit and their undos, and loading the list (worker thread,
no Qt). Each returns ``Changes`` of kind MEETING naming the meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from secretariat.services import forum as forum_service
from secretariat.services import meetings as meeting_service
from secretariat.vocabulary import MeetingKind, Modality, Phase
from ui.changes import ChangeKind, Changes
from ui.form_values import FormValues


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


def load_meetings(s, *, now: dt.datetime | None = None) -> list:
    return meeting_service.list_meetings(s, now=now)


def forum_time_zone(s) -> str:
    forum = forum_service.get_forum(s)
    return forum.time_zone if forum else "Asia/Taipei"


def _meeting(meeting_id: int) -> Changes:
    return Changes.of_meeting(ChangeKind.MEETING, meeting_id, ids=(meeting_id,))


def schedule_meeting(s, form: MeetingForm) -> Changes:
    meeting = meeting_service.schedule_meeting(s, **form.as_fields())
    return _meeting(meeting.id)


def delete_meeting(s, meeting_id: int) -> Changes:
    """Undo of ``schedule_meeting``."""
    meeting_service.delete_meeting(s, meeting_id)
    return _meeting(meeting_id)


def read_meeting(s, meeting_id: int) -> MeetingForm:
    return MeetingForm.read_from(meeting_service.meeting_values(s, meeting_id))


def open_meeting_form(s, meeting_id: int) -> tuple[MeetingForm, int]:
    """The Edit dialog's values and the version they were read at."""
    values = meeting_service.meeting_values(s, meeting_id)
    return MeetingForm.read_from(values), values.version


def meeting_problems(form) -> dict[str, str]:
    """Field name -> message for what the service would refuse, shown beside the field
    before saving: the service's own rules (``check_meeting``), not a copy of them."""
    problems: dict[str, str] = {}
    for problem in meeting_service.check_meeting(form):
        problems.setdefault(problem.field, problem.error.translated())
    return problems


def edit_meeting(s, meeting_id: int, opened: MeetingForm, new: MeetingForm, *,
                 expected_version: int | None = None) -> tuple[Changes, int]:
    """Write the fields changed since the dialog opened (undo: the forms swapped), refused
    when the meeting is no longer at ``expected_version``; returns its new version."""
    changed = new.changes_from(opened)
    meeting = meeting_service.update_meeting(s, meeting_id, expected_version=expected_version,
                                             **changed)
    return _meeting(meeting_id), meeting.version
