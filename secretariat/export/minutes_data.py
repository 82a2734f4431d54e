"""Everything a minutes document shows, as plain frozen values built from the meeting record
(``meeting_record``): attendance by group, the chosen version of the minutes, decisions
with their votes, and action items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.export.agenda_data import MeetingData, meeting_data
from secretariat.export.document_language import pick
from secretariat.i18n import N_, current_language
from secretariat.services.meetings import MeetingRecord, meeting_record, public_projection
from secretariat.services.meetings.record_rows import PersonName, RecordedDecision
from secretariat.vocabulary import (
    ActionStatus, AttendanceStatus, AttendeeCapacity, DecisionMethod, MinutesStatus, Role,
    VoteChoice,
)


@dataclass(frozen=True)
class AttendeeData:
    name: str
    organisation: str
    capacity: AttendeeCapacity
    represented_by: str  # for proxies: who attended in the member's place
    job_title: str = ""
    is_co_chair: bool = False


@dataclass(frozen=True)
class AttendanceData:
    present: tuple[AttendeeData, ...]
    remote: tuple[AttendeeData, ...]
    apologies: tuple[AttendeeData, ...]
    proxy: tuple[AttendeeData, ...]
    absent: tuple[AttendeeData, ...]
    observers: tuple[AttendeeData, ...]  # observers and guests who attended (列席)

    @property
    def taking_part(self) -> int:
        """Those present with the right to take part: in the room, online or by proxy."""
        return len(self.present) + len(self.remote) + len(self.proxy)

    def groups(self) -> list[tuple[str, tuple[AttendeeData, ...]]]:
        """(untranslated heading, attendees) in the order the rules of meetings list them:
        those present (出席), those attending without the right to take part (列席), the
        excused (請假) and the absent (缺席). Each group: co-chairs first, then by seat."""
        return [
            (N_("Present"), self.present),
            (N_("Attending remotely"), self.remote),
            (N_("Represented by proxy"), self.proxy),
            (N_("In attendance"), self.observers),
            (N_("Apologies"), self.apologies),
            (N_("Absent"), self.absent),
        ]


@dataclass(frozen=True)
class DissentData:
    name: str
    statement: str


@dataclass(frozen=True)
class DecisionData:
    id: int
    number: str
    agenda_item_id: int | None
    decided_on: dt.date
    text: str
    method: DecisionMethod
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    recusals: tuple[str, ...]
    dissents: tuple[DissentData, ...]
    rationale: str
    is_public: bool
    # Roll call: (choice, names) for each choice with named votes, in the order for,
    # against, abstain; empty when the votes were only counted.
    named_votes: tuple[tuple[VoteChoice, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class ActionData:
    description: str
    owner: str
    due_on: dt.date | None
    status: ActionStatus
    item_number: int | None
    decision_number: str


@dataclass(frozen=True)
class MinutesData:
    version_no: int
    status: MinutesStatus
    entries: tuple[tuple[int, str], ...]  # (agenda item id, text)
    general_text: str
    circulated_on: dt.date | None
    circulated_to: str
    approved_on: dt.date | None
    approved_by: str  # stored number of the approving decision (shown by its label)
    correction_reason: str
    supersedes_version: int | None
    # When this version last took its present form (UTC): approved, else circulated,
    # else written. The PDF's creation date, so the same record gives the same file.
    settled_at: dt.datetime

    @property
    def is_approved(self) -> bool:
        return self.status in (MinutesStatus.APPROVED, MinutesStatus.LOCKED)

    def text_for(self, item_id: int) -> str:
        return next((text for key, text in self.entries if key == item_id), "")


@dataclass(frozen=True)
class MinutesRecord:
    meeting: MeetingData
    attendance: AttendanceData
    minutes: MinutesData
    decisions: tuple[DecisionData, ...]
    actions: tuple[ActionData, ...]


def _pick(name: PersonName | None, language: str) -> str:
    return pick(name.name, name.name_en, language) if name is not None else ""


def _attendance(record: MeetingRecord, language: str) -> AttendanceData:
    groups: dict[str, list[AttendeeData]] = {
        key: [] for key in ("present", "remote", "apologies", "proxy", "absent", "observers")
    }
    # The record lists the roster in seat order, then others on record, then guests;
    # co-chairs go first (a stable sort keeps the seat order within each).
    recorded = sorted(record.recorded_attendees(), key=lambda row: row.role != Role.CO_CHAIR)
    for row in recorded:
        person = record.names.get(row.person_id) if row.person_id is not None else None
        attendee = AttendeeData(
            name=pick(row.name, row.name_en, language) if row.person_id is not None
            else row.guest_name,
            organisation=pick(row.organisation, row.organisation_en, language),
            capacity=row.capacity,
            represented_by=pick(row.represented_by, row.represented_by_en, language),
            job_title=person.job_title if person else "",
            is_co_chair=row.role == Role.CO_CHAIR,
        )
        visitor = row.capacity in (AttendeeCapacity.OBSERVER, AttendeeCapacity.GUEST)
        attended = row.status in (AttendanceStatus.PRESENT, AttendanceStatus.REMOTE)
        key = "observers" if visitor and attended else row.status.value
        groups[key].append(attendee)
    return AttendanceData(**{key: tuple(rows) for key, rows in groups.items()})


def _message_title(record: MeetingRecord) -> str:
    # Errors are read in the language in force, which is not always the document's.
    return pick(record.details.title, record.details.title_en, current_language())


def _minutes(record: MeetingRecord, version: int | None) -> MinutesData:
    part = record.minutes
    current = part.current
    if current is None and version is None:
        raise SecretariatError(
            N_("Meeting “{title}” has no minutes yet: write them before exporting."),
            title=_message_title(record),
        )
    if current is None:
        raise SecretariatError(
            N_("Meeting “{title}” has no minutes version {version}."),
            title=_message_title(record), version=version,
        )
    zone = ZoneInfo(record.details.time_zone)

    def local_date(value: dt.datetime | None) -> dt.date | None:
        return value.astimezone(zone).date() if value else None

    return MinutesData(
        version_no=current.version_no,
        status=current.status,
        entries=tuple((entry.agenda_item_id, entry.text) for entry in part.entries),
        general_text=part.general_text,
        circulated_on=local_date(current.circulated_at),
        circulated_to=current.circulated_to,
        approved_on=local_date(current.approved_at),
        approved_by=current.approved_by_decision_number or "",
        correction_reason=current.correction_reason,
        supersedes_version=part.version_no_of(current.supersedes_id),
        settled_at=current.approved_at or current.circulated_at or current.created_at,
    )


def _decision(decision: RecordedDecision, zone: ZoneInfo, language: str,
              names: dict) -> DecisionData:
    row = decision.row
    named = tuple(
        (choice, tuple(name for person_id, vote in decision.votes if vote == choice
                       if (name := _pick(names.get(person_id), language))))
        for choice in (VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN))

    def count(choice: VoteChoice, recorded: int | None) -> int | None:
        # Counts typed in win; named votes give the counts when none were typed.
        if recorded is not None or not decision.votes:
            return recorded
        return sum(1 for _person, vote in decision.votes if vote == choice)

    return DecisionData(
        id=row.id,
        number=row.number,
        agenda_item_id=row.agenda_item_id,
        decided_on=row.decided_at.astimezone(zone).date(),
        text=pick(row.text, row.text_en, language),
        method=row.method,
        votes_for=count(VoteChoice.FOR, row.votes_for),
        votes_against=count(VoteChoice.AGAINST, row.votes_against),
        votes_abstain=count(VoteChoice.ABSTAIN, row.votes_abstain),
        recusals=tuple(sorted(pick(r.name, r.name_en, language) for r in decision.recusals)),
        dissents=tuple(DissentData(pick(d.name, d.name_en, language), d.statement)
                       for d in decision.dissents),
        rationale=decision.rationale,
        is_public=row.is_public,
        named_votes=tuple((choice, people) for choice, people in named if people),
    )


def load_minutes_record(
    session: Session, meeting_id: int, *, language: str, version: int | None = None,
    public: bool = False,
) -> MinutesRecord:
    """Everything a minutes document shows; raises SecretariatError without minutes.
    ``public``: only what may be published (``public_projection``)."""
    record = meeting_record(session, meeting_id, minutes_version=version)
    return minutes_record(public_projection(record) if public else record, language,
                          version=version)


def minutes_record(record: MeetingRecord, language: str, *,
                   version: int | None = None) -> MinutesRecord:
    """The minutes document's values of a meeting record (read with the minutes version
    wanted); ``version`` is the one asked for, for the message when there is none."""
    meeting_data_ = meeting_data(record, language)
    zone = ZoneInfo(record.details.time_zone)
    minutes = _minutes(record, version)
    numbers = {item.id: item.number for item in meeting_data_.items}
    decision_data = tuple(_decision(d, zone, language, record.names) for d in record.decisions)
    decision_numbers = {d.id: d.number for d in decision_data}
    action_data = tuple(
        ActionData(
            description=a.description,
            owner=_pick(record.names.get(a.owner_person_id), language) or a.owner_text,
            due_on=a.due_on,
            status=a.status,
            item_number=numbers.get(a.agenda_item_id),
            decision_number=decision_numbers.get(a.decision_id, ""),
        )
        for a in sorted(record.actions, key=lambda a: a.id)  # in the order they were set
    )
    return MinutesRecord(
        meeting=meeting_data_,
        attendance=_attendance(record, language),
        minutes=minutes,
        decisions=decision_data,
        actions=action_data,
    )
