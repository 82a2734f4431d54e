"""Meetings: scheduling, editing, cancelling and the meeting list.

Agenda items and attendance live in ``_agenda`` and are re-exported here, so callers use
one module for everything about a meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat import dates
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, localized
from secretariat.model import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    Modality,
    Phase,
    utcnow,
)
from secretariat.services.meetings.agenda import (  # noqa: F401  (public API of this module)
    AttendanceSummary,
    add_agenda_item,
    attendance_summary,
    move_agenda_item,
    remove_agenda_item,
    remove_attendance,
    set_attendance,
    update_agenda_item,
)
from secretariat.services.validation import (
    check_aware,
    check_time_zone,
    coerce_enum,
    flush,
    get_for_update,
    get_or_error,
    is_referenced,
    optional_text,
    plausible_year_problem,
    required_text,
)
from secretariat.services.forum import require_forum

MAX_DURATION = dt.timedelta(hours=24)

_EDITABLE = (
    "title", "title_en", "starts_at", "ends_at", "time_zone", "kind", "phase", "modality",
    "status", "location", "remote_link", "is_public", "notice_sent_at", "notice_recipients",
    "internal_notes",
)


@dataclass(frozen=True)
class MeetingRow:
    id: int
    title: str
    title_en: str
    kind: MeetingKind
    phase: Phase
    modality: Modality
    status: MeetingStatus
    starts_at: dt.datetime
    ends_at: dt.datetime
    time_zone: str
    location: str
    is_public: bool
    agenda_count: int
    version: int


@dataclass(frozen=True)
class MeetingValues:
    """A meeting's editable fields as stored, with the version they were read at: what an
    edit form opens with, compares its edits to, and passes back as ``expected_version``."""

    id: int
    version: int
    title: str
    title_en: str
    kind: MeetingKind
    phase: Phase
    modality: Modality
    status: MeetingStatus
    starts_at: dt.datetime
    ends_at: dt.datetime
    time_zone: str
    location: str
    remote_link: str
    is_public: bool
    notice_sent_at: dt.datetime | None
    notice_recipients: str
    internal_notes: str


def meeting_values(s: Session, meeting_id: int) -> MeetingValues:
    meeting = get_or_error(s, Meeting, meeting_id, N_("meeting"))
    return MeetingValues(id=meeting.id, version=meeting.version,
                         **{key: getattr(meeting, key) for key in _EDITABLE})


def schedule_meeting(
    s: Session,
    *,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    time_zone: str | None = None,
    kind: MeetingKind | str = MeetingKind.FORUM,
    phase: Phase | str = Phase.WHOLE_CYCLE,
    modality: Modality | str = Modality.IN_PERSON,
    location: str = "",
    remote_link: str = "",
    is_public: bool = False,
    title_en: str = "",
) -> Meeting:
    forum = require_forum(s)
    meeting = Meeting(
        forum_id=forum.id, title=title, title_en=title_en, starts_at=starts_at,
        ends_at=ends_at, time_zone=time_zone or forum.time_zone, kind=kind, phase=phase,
        modality=modality, location=location, remote_link=remote_link,
        is_public=bool(is_public), status=MeetingStatus.PLANNED,
    )
    _validate(s, meeting)  # transient until valid: a refusal saves nothing
    s.add(meeting)
    flush(s)
    return meeting


def update_meeting(
    s: Session, meeting_id: int, *, expected_version: int | None = None, **fields: object
) -> Meeting:
    meeting = get_for_update(s, Meeting, meeting_id, N_("meeting"),
                             expected_version=expected_version, fields=fields, allowed=_EDITABLE)
    candidate = Meeting(**{key: getattr(meeting, key) for key in _EDITABLE + ("forum_id",)})
    for key, value in fields.items():
        setattr(candidate, key, value)
    _validate(s, candidate, ignore_id=meeting.id)
    if candidate.status != meeting.status:
        _check_status_change(s, meeting, candidate.status)
    for key in _EDITABLE:
        setattr(meeting, key, getattr(candidate, key))
    flush(s)
    return meeting


def cancel_meeting(s: Session, meeting_id: int, *, expected_version: int | None = None) -> Meeting:
    """Cancelled meetings stay on record (their notice may have gone out) but free the slot."""
    meeting = get_for_update(s, Meeting, meeting_id, N_("meeting"),
                             expected_version=expected_version)
    _check_can_cancel(s, meeting)
    meeting.status = MeetingStatus.CANCELLED
    flush(s)
    return meeting


def _check_status_change(s: Session, meeting: Meeting, new: MeetingStatus) -> None:
    """The transitions a clerk makes: planned -> held (once it has started, see
    ``check_meeting``) or cancelled; cancelled -> planned again (re-planned) or held (it
    took place after all); held -> planned or cancelled (marked held by mistake). Leaving
    "held", or cancelling, is refused once records show the meeting took place."""
    if new == MeetingStatus.CANCELLED:
        _check_can_cancel(s, meeting)
    elif meeting.status != MeetingStatus.PLANNED and _has_records_of_holding(s, meeting):
        raise SecretariatError(
            N_("“{title}” was held: it has decisions or approved minutes on record, so it "
               "cannot be planned again."), title=meeting.title)


def _has_records_of_holding(s: Session, meeting: Meeting) -> bool:
    approved = s.scalar(select(func.count()).select_from(Minutes).where(
        Minutes.meeting_id == meeting.id,
        Minutes.status.in_((MinutesStatus.APPROVED, MinutesStatus.LOCKED))))
    return bool(approved) or is_referenced(s, Decision.meeting_id, meeting.id)


def _check_can_cancel(s: Session, meeting: Meeting) -> None:
    """Decisions or approved minutes say the meeting was held: cancelling it would leave
    a record of decisions taken at a meeting that never happened."""
    if _has_records_of_holding(s, meeting):
        raise SecretariatError(
            N_("“{title}” was held: it has decisions or approved minutes on record, so it "
               "cannot be cancelled."), title=meeting.title)


def delete_meeting(s: Session, meeting_id: int, *, expected_version: int | None = None) -> None:
    """Remove a meeting entered by mistake, with its agenda and attendance."""
    meeting = get_for_update(s, Meeting, meeting_id, N_("meeting"),
                             expected_version=expected_version)
    if any(is_referenced(s, model.meeting_id, meeting.id)
           for model in (Minutes, Decision, ActionItem)):
        raise SecretariatError(
            N_("“{title}” has minutes, decisions or action items and cannot be deleted; "
               "cancel it instead."), title=meeting.title)
    s.delete(meeting)
    flush(s)


def list_meetings(s: Session, *, now: dt.datetime | None = None) -> list[MeetingRow]:
    """Upcoming and ongoing meetings first (soonest first), then past ones (latest first)."""
    moment = check_aware(now, N_("Now")) if now is not None else utcnow()
    counts = (select(AgendaItem.meeting_id, func.count().label("n"))
              .group_by(AgendaItem.meeting_id).subquery())
    base = (select(Meeting, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.meeting_id == Meeting.id))
    upcoming = s.execute(base.where(Meeting.ends_at > moment)
                         .order_by(Meeting.starts_at, Meeting.id)).all()
    past = s.execute(base.where(Meeting.ends_at <= moment)
                     .order_by(Meeting.starts_at.desc(), Meeting.id.desc())).all()
    return [_row(meeting, count) for meeting, count in [*upcoming, *past]]


def next_meeting(s: Session, *, now: dt.datetime | None = None) -> Meeting | None:
    """The soonest meeting not yet over and not cancelled."""
    moment = check_aware(now, N_("Now")) if now is not None else utcnow()
    return s.scalars(
        select(Meeting)
        .where(Meeting.ends_at > moment, Meeting.status != MeetingStatus.CANCELLED)
        .order_by(Meeting.starts_at, Meeting.id).limit(1)
    ).first()


def local_time(meeting: Meeting, moment: dt.datetime) -> dt.datetime:
    """``moment`` as the clock on the wall where the meeting happens."""
    return moment.astimezone(ZoneInfo(meeting.time_zone))


def _validate(s: Session, m: Meeting, *, ignore_id: int | None = None) -> None:
    """Normalise and check a (transient) meeting in place."""
    m.title = required_text(m.title, N_("Title"))
    m.title_en = optional_text(m.title_en)
    m.kind = coerce_enum(MeetingKind, m.kind, N_("Meeting type"))
    m.phase = coerce_enum(Phase, m.phase, N_("Phase"))
    m.modality = coerce_enum(Modality, m.modality, N_("Modality"))
    m.status = coerce_enum(MeetingStatus, m.status, N_("Status"))
    m.time_zone = check_time_zone(m.time_zone)
    m.location = optional_text(m.location)
    m.remote_link = optional_text(m.remote_link)
    m.is_public = bool(m.is_public)
    check_aware(m.starts_at, N_("Start"))
    check_aware(m.ends_at, N_("End"))
    if m.notice_sent_at is not None:
        check_aware(m.notice_sent_at, N_("Notice sent at"))
    problems = check_meeting(m)
    if problems:
        raise problems[0].error
    if m.status != MeetingStatus.CANCELLED:
        _check_no_overlap(s, m, ignore_id)


@dataclass(frozen=True)
class MeetingProblem:
    """A rule a meeting's values break: ``field`` names the value to fix (a form shows
    ``error`` next to it), ``error`` is what a save would raise."""

    field: str
    error: SecretariatError


def check_meeting(values: object) -> list[MeetingProblem]:
    """The meeting rules that need no database (only the clock, for "held"), for anything
    with a meeting's field names (a Meeting, a form being typed): what ``schedule_meeting``
    and ``update_meeting`` refuse, so a dialog can show every problem beside its field
    before saving."""
    found: list[MeetingProblem] = []

    def problem(name: str, message: str, **params: object) -> None:
        found.append(MeetingProblem(name, SecretariatError(message, **params)))

    value = lambda name, default="": getattr(values, name, default)  # noqa: E731
    if not (value("title") or "").strip():
        problem("title", N_("Enter the meeting's title."))
    try:
        check_time_zone(value("time_zone", None))
    except SecretariatError:
        problem("time_zone", N_("Choose a time zone from the list, e.g. Asia/Taipei."))
    starts_at, ends_at = value("starts_at", None), value("ends_at", None)
    for name, field in (("starts_at", N_("Start")), ("ends_at", N_("End")),
                        ("notice_sent_at", N_("Notice sent at"))):
        out_of_range = plausible_year_problem(value(name, None), field)
        if out_of_range is not None:
            found.append(MeetingProblem(name, out_of_range))
    if any(p.field in ("starts_at", "ends_at") for p in found):
        starts_at = ends_at = None  # no arithmetic with times at the ends of the calendar
    if (value("status", None) == MeetingStatus.HELD and starts_at is not None
            and starts_at > utcnow()):
        problem("status", N_("A meeting can be marked held only once it has started."))
    if starts_at is not None and ends_at is not None:
        if ends_at <= starts_at:
            problem("ends_at", N_("The meeting must end after it starts."))
        elif ends_at - starts_at > MAX_DURATION:
            problem("ends_at", N_("A meeting cannot last more than 24 hours; "
                                  "schedule a multi-day event as one meeting per day."))
    modality, link = value("modality", None), value("remote_link") or ""
    if modality in (Modality.IN_PERSON, Modality.HYBRID) and not value("location"):
        problem("location", N_("An in-person or hybrid meeting needs a location."))
    if modality in (Modality.REMOTE, Modality.HYBRID) and not link:
        problem("remote_link", N_("A remote or hybrid meeting needs a link to join remotely."))
    elif link and not link.lower().startswith(("https://", "http://")):
        problem("remote_link",
                N_("The remote link “{link}” should be a web address starting with https://."),
                link=link)
    if (value("notice_sent_at", None) is not None
            and not (value("notice_recipients") or "").strip()):
        problem("notice_recipients", N_("Say to whom the notice was sent."))
    return found


def _check_no_overlap(s: Session, m: Meeting, ignore_id: int | None) -> None:
    """Two meetings of the same kind at once are almost always a typing mistake in a date."""
    query = select(Meeting).where(
        Meeting.forum_id == m.forum_id,
        Meeting.kind == m.kind,
        Meeting.status != MeetingStatus.CANCELLED,
        Meeting.starts_at < m.ends_at,
        Meeting.ends_at > m.starts_at,
    )
    if ignore_id is not None:
        query = query.where(Meeting.id != ignore_id)
    other = s.scalars(query.order_by(Meeting.starts_at).limit(1)).first()
    if other is not None:
        # The zone's name with its UTC offset: an abbreviation such as Taipei's "CST"
        # reads as US Central Time.
        start = local_time(other, other.starts_at)
        raise SecretariatError(
            N_("This overlaps “{title}” ({start}), a meeting of the same type. "
               "Change the time or cancel the other meeting."),
            title=localized(other.title, other.title_en),
            start=f"{dates.format_datetime(start, fmt='medium')} {dates.zone_label(start)}")


def _row(m: Meeting, agenda_count: int) -> MeetingRow:
    return MeetingRow(
        id=m.id, title=m.title, title_en=m.title_en, kind=m.kind, phase=m.phase,
        modality=m.modality, status=m.status, starts_at=m.starts_at, ends_at=m.ends_at,
        time_zone=m.time_zone, location=m.location, is_public=m.is_public,
        agenda_count=int(agenda_count), version=m.version,
    )
