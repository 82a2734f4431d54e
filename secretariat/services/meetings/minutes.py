"""Minutes of a meeting: draft -> circulated -> approved and locked; corrections as new
versions.

``approve_minutes`` approves *and* locks in one step: nothing may change between the
approving decision and the lock, so a separate "lock" call would only leave a window for
edits. It enters the minutes, and every decision of their meeting, into the audit chain,
and marks the meeting held. From then on what the minutes record (meeting details,
agenda, attendance, papers, decisions) is frozen too (see ``guards``) until a correction
is opened; approving the correction chains the corrected record.
A correction of approved minutes is a new draft version (``supersedes_id`` and the
reason); the approved version stays untouched and readable. Differences between
versions are in ``minutes_diff``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import ConflictError, SecretariatError
from secretariat.i18n import N_, _
from secretariat.model import (
    AgendaItem,
    Decision,
    Forum,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesEntry,
    MinutesStatus,
    utcnow,
)
from secretariat.services import audit
from secretariat.services import textdiff
from secretariat.services.validation import (
    CONFLICT_MESSAGE,
    check_aware,
    check_plausible_time,
    check_version,
    flush,
    get_for_update,
    get_or_error,
    lock_for_change,
)
from secretariat.services.meetings.decisions import chain_meeting_decisions, meeting_local_date
from secretariat.services.meetings.guards import FROZEN_MINUTES


@dataclass(frozen=True)
class MinutesVersionRow:
    id: int
    meeting_id: int
    version_no: int
    status: MinutesStatus
    circulated_at: dt.datetime | None
    circulated_to: str
    approved_at: dt.datetime | None
    approved_by_decision_id: int | None
    approved_by_decision_number: str | None
    locked_at: dt.datetime | None
    supersedes_id: int | None
    correction_reason: str
    created_at: dt.datetime
    version: int


@dataclass(frozen=True)
class MinutesEntryRow:
    id: int
    agenda_item_id: int
    position: int
    title: str
    title_en: str
    text: str
    version: int  # the entry's, for set_minutes_text(expected_entry_version=...)


@dataclass(frozen=True)
class ItemDiff:
    agenda_item_id: int | None  # None for the general remarks
    title: str
    changed: bool
    segments: list[textdiff.Segment]


@dataclass(frozen=True)
class MinutesDiff:
    old_id: int
    new_id: int
    old_version: int
    new_version: int
    items: list[ItemDiff]
    unified: str

    @property
    def changed(self) -> bool:
        return any(item.changed for item in self.items)


def get_minutes(s: Session, minutes_id: int) -> Minutes:
    return get_or_error(s, Minutes, minutes_id, N_("minutes"))


def latest_minutes(s: Session, meeting_id: int) -> Minutes | None:
    return s.scalar(select(Minutes).where(Minutes.meeting_id == meeting_id)
                    .order_by(Minutes.version_no.desc()).limit(1))


def start_minutes(s: Session, meeting_id: int) -> Minutes:
    """Version 1, a draft with an empty entry for every agenda item."""
    meeting = lock_for_change(s, Meeting, meeting_id, N_("meeting"))  # one version 1
    if meeting.status == MeetingStatus.CANCELLED:
        raise SecretariatError(N_("The meeting was cancelled, so it has no minutes."))
    if latest_minutes(s, meeting_id) is not None:
        raise SecretariatError(N_("This meeting already has minutes. Open them, or make a "
                                  "correction if they are approved."))
    minutes = Minutes(meeting_id=meeting_id, version_no=1, status=MinutesStatus.DRAFT,
                      entries=[MinutesEntry(agenda_item_id=item.id, position=item.position)
                               for item in meeting.agenda_items])
    s.add(minutes)
    s.flush()
    return minutes


def _require_draft(minutes: Minutes) -> None:
    if minutes.status != MinutesStatus.DRAFT:
        raise SecretariatError(N_(
            "Only draft minutes can be edited; these are {status}. Approved minutes are "
            "changed by a correction, which makes a new version."),
            status=_(minutes.status.label).lower())


def set_minutes_text(s: Session, minutes_id: int, *, agenda_item_id: int | None = None,
                     text: str, expected_version: int | None = None,
                     expected_entry_version: int | None = None) -> Minutes:
    """Set the text of one agenda item's entry, or the general remarks when
    ``agenda_item_id`` is None. Every edit bumps the minutes' version.

    ``expected_version`` is the minutes' version the editor opened (any change to these
    minutes since is a conflict); ``expected_entry_version`` that of the one entry
    (``MinutesEntryRow.version``; only a change to this entry is a conflict, and an entry
    that did not exist yet has none)."""
    minutes = get_for_update(s, Minutes, minutes_id, N_("minutes"),
                             expected_version=expected_version)
    _require_draft(minutes)
    if agenda_item_id is None:
        minutes.general_text = text
    else:
        entry = next((e for e in minutes.entries if e.agenda_item_id == agenda_item_id), None)
        if entry is None:  # an item added to the agenda after the minutes were started
            item = s.get(AgendaItem, agenda_item_id)
            if item is None or item.meeting_id != minutes.meeting_id:
                raise SecretariatError(N_("That agenda item is not on this meeting's "
                                          "agenda."))
            if expected_entry_version is not None:
                raise ConflictError(CONFLICT_MESSAGE)  # the editor showed an entry
            entry = MinutesEntry(agenda_item_id=item.id, position=item.position)
            minutes.entries.append(entry)
        else:
            check_version(entry, expected_entry_version)
        entry.text = text
    minutes.updated_at = utcnow()  # entries are part of the minutes' optimistic lock
    flush(s)
    return minutes


def set_minutes_texts(s: Session, minutes_id: int, texts: Mapping[int | None, str], *,
                      expected_version: int | None = None,
                      expected_entry_versions: Mapping[int, int] | None = None) -> Minutes:
    """Several texts of one draft at once, as the editor saves them (agenda item id, or
    None for the general remarks, -> text). The versions the editor opened are checked
    before anything is written: ``expected_version`` the minutes' (covers every text,
    the general remarks included), ``expected_entry_versions`` each entry's
    (``MinutesEntryRow.version``), so a save refused for one text writes none."""
    minutes = get_for_update(s, Minutes, minutes_id, N_("minutes"),
                             expected_version=expected_version)
    versions = expected_entry_versions or {}
    current = {entry.agenda_item_id: entry for entry in minutes.entries}
    for item_id, version in versions.items():
        if item_id in texts and (item_id not in current
                                 or current[item_id].version != version):
            raise ConflictError(CONFLICT_MESSAGE)
    for item_id, text in texts.items():
        set_minutes_text(s, minutes_id, agenda_item_id=item_id, text=text)
    return minutes


def circulate_minutes(s: Session, minutes_id: int, *, circulated_at: dt.datetime,
                      circulated_to: str, expected_version: int | None = None) -> Minutes:
    minutes = get_for_update(s, Minutes, minutes_id, N_("minutes"),
                             expected_version=expected_version)
    if minutes.status != MinutesStatus.DRAFT:
        raise SecretariatError(N_("Only draft minutes can be circulated."))
    check_plausible_time(circulated_at, N_("Circulation time"))
    if not circulated_to.strip():
        raise SecretariatError(N_("Say to whom the minutes were circulated."))
    meeting = s.get(Meeting, minutes.meeting_id)
    _check_circulation_time(s, meeting, circulated_at)
    minutes.status = MinutesStatus.CIRCULATED
    minutes.circulated_at = circulated_at
    minutes.circulated_to = circulated_to.strip()
    flush(s)
    return minutes


# How far a circulation may lie ahead of today on the forum's clock: a workstation whose
# clock or time zone is a little off must not refuse today's circulation.
CLOCK_SKEW = dt.timedelta(days=1)


def _check_circulation_time(s: Session, meeting: Meeting, circulated_at: dt.datetime) -> None:
    """Circulated after the meeting ended (the minutes record it) and not on a day still
    to come: the date is when members received the text, which approval relies on."""
    zone = ZoneInfo(s.get(Forum, meeting.forum_id).time_zone)
    if circulated_at < meeting.ends_at:
        ended = meeting.ends_at.astimezone(ZoneInfo(meeting.time_zone))
        raise SecretariatError(N_("Minutes cannot be circulated before the meeting ended "
                                  "({date} {time})."),
                               date=ended.date(), time=f"{ended:%H:%M}")
    today = utcnow().astimezone(zone).date()
    if circulated_at.astimezone(zone).date() > today + CLOCK_SKEW:
        raise SecretariatError(N_("Minutes cannot be circulated on {date}: that day has not "
                                  "come yet (today is {today}). Record the circulation "
                                  "when it happens."),
                               date=circulated_at.astimezone(zone).date(), today=today)


def _check_approving_decision(s: Session, minutes: Minutes, decision: Decision) -> None:
    if decision.meeting_id == minutes.meeting_id:
        raise SecretariatError(N_(
            "A meeting cannot approve its own minutes: they are approved by a decision of "
            "a later meeting."))
    own = s.get(Meeting, minutes.meeting_id)
    approving = s.get(Meeting, decision.meeting_id)
    if approving.starts_at <= own.starts_at:
        raise SecretariatError(N_(
            "Decision {number} was taken at a meeting on {approving_date}, not after the "
            "meeting of {meeting_date}: minutes are approved by a decision of a later "
            "meeting."),
            number=decision.number, approving_date=meeting_local_date(approving),
            meeting_date=meeting_local_date(own))
    # Members approve what they have read: the circulation must precede the meeting.
    if approving.starts_at < minutes.circulated_at:
        circulated_on = minutes.circulated_at.astimezone(ZoneInfo(own.time_zone)).date()
        raise SecretariatError(N_(
            "Decision {number} was taken at the meeting of {approving_date}, before these "
            "minutes were circulated on {circulated_date}: minutes must be circulated "
            "before the meeting that approves them."),
            number=decision.number, approving_date=meeting_local_date(approving),
            circulated_date=circulated_on)


def approve_minutes(s: Session, minutes_id: int, *, decision_id: int,
                    approved_at: dt.datetime | None = None,
                    expected_version: int | None = None) -> Minutes:
    """Approve circulated minutes by a decision of a later meeting, and lock them.

    ``approved_at`` defaults to the time of the approving decision. The minutes and the
    decisions of their meeting enter the audit chain.
    """
    minutes = get_for_update(s, Minutes, minutes_id, N_("minutes"),
                             expected_version=expected_version)
    if minutes.status in FROZEN_MINUTES:
        raise SecretariatError(N_("These minutes are already approved."))
    if minutes.status != MinutesStatus.CIRCULATED:
        raise SecretariatError(N_("Minutes must be circulated before they are approved."))
    decision = get_or_error(s, Decision, decision_id, N_("decision"))
    _check_approving_decision(s, minutes, decision)
    if approved_at is not None:
        check_plausible_time(approved_at, N_("Approval time"))
    # Approved minutes are the record of a meeting that took place. Marked in the same
    # flush as the approval, the last before the guard freezes the meeting (loaded first:
    # loading it would flush the locked minutes on their own).
    meeting = s.get(Meeting, minutes.meeting_id)
    # Held until commit: another workstation's edit of the meeting's records waits for
    # the approval and is then refused (see ``guards.frozen_meeting_ids``).
    s.execute(select(Meeting.id).where(Meeting.id == meeting.id).with_for_update())
    meeting.status = MeetingStatus.HELD
    minutes.approved_at = approved_at or decision.decided_at
    minutes.approved_by_decision_id = decision.id
    minutes.status = MinutesStatus.LOCKED
    minutes.locked_at = utcnow()
    flush(s)
    audit.append_entry(s, audit.MINUTES, minutes.id, "approve")
    chain_meeting_decisions(s, minutes.meeting_id)
    return minutes


def correct_minutes(s: Session, minutes_id: int, *, reason: str,
                    expected_version: int | None = None) -> Minutes:
    """A new draft version copying the approved text, for a correction with a reason."""
    old = get_minutes(s, minutes_id)
    lock_for_change(s, Meeting, old.meeting_id, N_("meeting"))  # one next version
    s.refresh(old)
    check_version(old, expected_version)
    if old.status not in FROZEN_MINUTES:
        raise SecretariatError(N_("Only approved minutes need a correction; edit the draft "
                                  "directly."))
    if not reason.strip():
        raise SecretariatError(N_("Give the reason for the correction."))
    newest = latest_minutes(s, old.meeting_id)
    if newest.id != old.id:
        raise SecretariatError(N_("A newer version ({version}) of these minutes already "
                                  "exists; correct that one."), version=newest.version_no)
    new = Minutes(
        meeting_id=old.meeting_id, version_no=old.version_no + 1, status=MinutesStatus.DRAFT,
        supersedes_id=old.id, correction_reason=reason.strip(), general_text=old.general_text,
        entries=[MinutesEntry(agenda_item_id=e.agenda_item_id, position=e.position,
                              text=e.text) for e in old.entries],
    )
    s.add(new)
    s.flush()
    # Records in the chain when a correction was opened; the old content is unchanged.
    audit.append_entry(s, audit.MINUTES, old.id, "correct")
    return new


def minutes_versions(s: Session, meeting_id: int) -> list[MinutesVersionRow]:
    query = (
        select(Minutes.id, Minutes.meeting_id, Minutes.version_no, Minutes.status,
               Minutes.circulated_at, Minutes.circulated_to, Minutes.approved_at,
               Minutes.approved_by_decision_id, Decision.number, Minutes.locked_at,
               Minutes.supersedes_id, Minutes.correction_reason, Minutes.created_at,
               Minutes.version)
        .outerjoin(Decision, Decision.id == Minutes.approved_by_decision_id)
        .where(Minutes.meeting_id == meeting_id)
        .order_by(Minutes.version_no)
    )
    return [MinutesVersionRow(*row) for row in s.execute(query)]


def minutes_entries(s: Session, minutes_id: int) -> list[MinutesEntryRow]:
    """The entries of one version with their agenda item titles, in agenda order."""
    query = (
        select(MinutesEntry.id, MinutesEntry.agenda_item_id, MinutesEntry.position,
               AgendaItem.title, AgendaItem.title_en, MinutesEntry.text, MinutesEntry.version)
        .join(AgendaItem, AgendaItem.id == MinutesEntry.agenda_item_id)
        .where(MinutesEntry.minutes_id == minutes_id)
        .order_by(MinutesEntry.position, MinutesEntry.id)
    )
    return [MinutesEntryRow(*row) for row in s.execute(query)]


def minutes_diff(s: Session, old_id: int, new_id: int) -> MinutesDiff:
    """Per agenda item differences between two versions of the same meeting's minutes."""
    old, new = get_minutes(s, old_id), get_minutes(s, new_id)
    if old.meeting_id != new.meeting_id:
        raise SecretariatError(N_("Only versions of the same meeting's minutes can be "
                                  "compared."))
    old_texts = {r.agenda_item_id: r for r in minutes_entries(s, old_id)}
    new_texts = {r.agenda_item_id: r for r in minutes_entries(s, new_id)}
    ordered = sorted({**old_texts, **new_texts}.values(), key=lambda r: (r.position, r.id))
    pairs = [(r.agenda_item_id, r.title,
              getattr(old_texts.get(r.agenda_item_id), "text", ""),
              getattr(new_texts.get(r.agenda_item_id), "text", "")) for r in ordered]
    # The general remarks come last under the heading the minutes PDF prints for them.
    pairs.append((None, _("Other matters"), old.general_text, new.general_text))
    items, unified = [], []
    for item_id, title, before, after in pairs:
        items.append(ItemDiff(item_id, title, before != after,
                              textdiff.segments(before, after)))
        if before != after:
            unified.append(textdiff.unified(
                before, after, old_label=f"{title} (v{old.version_no})",
                new_label=f"{title} (v{new.version_no})"))
    return MinutesDiff(old.id, new.id, old.version_no, new.version_no, items,
                       "\n".join(unified))

