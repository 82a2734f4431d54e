"""Everything a minutes document shows, read into plain frozen values: attendance by
group, the chosen version of the minutes, decisions with their votes, and action items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from secretariat.errors import SecretariatError
from secretariat.export.agenda_data import MeetingData, fetch_meeting, read_meeting_data
from secretariat.export.document_language import organisation_name, person_name, pick
from secretariat.i18n import N_, current_language
from secretariat.model import (
    ActionItem, ActionStatus, AttendanceStatus, AttendeeCapacity, Decision, DecisionMethod,
    Dissent, Meeting, Minutes, MinutesStatus, Recusal, VoteChoice,
)


@dataclass(frozen=True)
class AttendeeData:
    name: str
    organisation: str
    capacity: AttendeeCapacity
    represented_by: str  # for proxies: who attended in the member's place


@dataclass(frozen=True)
class AttendanceData:
    present: tuple[AttendeeData, ...]
    remote: tuple[AttendeeData, ...]
    apologies: tuple[AttendeeData, ...]
    proxy: tuple[AttendeeData, ...]
    absent: tuple[AttendeeData, ...]
    observers: tuple[AttendeeData, ...]  # observers and guests who attended

    def groups(self) -> list[tuple[str, tuple[AttendeeData, ...]]]:
        """(untranslated heading, attendees) in the order minutes list them."""
        return [
            (N_("Present"), self.present),
            (N_("Attending remotely"), self.remote),
            (N_("Represented by proxy"), self.proxy),
            (N_("Apologies"), self.apologies),
            (N_("Absent"), self.absent),
            (N_("Observers and guests"), self.observers),
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
    approved_by: str  # number of the approving decision
    correction_reason: str
    supersedes_version: int | None

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


def _attendance(meeting: Meeting, language: str) -> AttendanceData:
    groups: dict[str, list[AttendeeData]] = {
        key: [] for key in ("present", "remote", "apologies", "proxy", "absent", "observers")
    }
    for row in meeting.attendance:
        person = row.person
        attendee = AttendeeData(
            name=person_name(person, language) or row.guest_name,
            organisation=organisation_name(person.organisation if person else None, language),
            capacity=row.capacity,
            represented_by=person_name(row.represented_by, language),
        )
        visitor = row.capacity in (AttendeeCapacity.OBSERVER, AttendeeCapacity.GUEST)
        attended = row.status in (AttendanceStatus.PRESENT, AttendanceStatus.REMOTE)
        key = "observers" if visitor and attended else row.status.value
        groups[key].append(attendee)
    return AttendanceData(
        **{key: tuple(sorted(rows, key=lambda a: a.name)) for key, rows in groups.items()}
    )


def _message_title(meeting: Meeting) -> str:
    # Errors are read in the language in force, which is not always the document's.
    return pick(meeting.title, meeting.title_en, current_language())


def _pick_minutes(session: Session, meeting: Meeting, version: int | None) -> Minutes:
    query = select(Minutes).where(Minutes.meeting_id == meeting.id).options(selectinload(Minutes.entries))
    if version is None:
        minutes = session.execute(query.order_by(Minutes.version_no.desc()).limit(1)).scalar()
        if minutes is None:
            raise SecretariatError(
                N_("Meeting “{title}” has no minutes yet: write them before exporting."),
                title=_message_title(meeting),
            )
        return minutes
    minutes = session.execute(query.where(Minutes.version_no == version)).scalar()
    if minutes is None:
        raise SecretariatError(
            N_("Meeting “{title}” has no minutes version {version}."),
            title=_message_title(meeting), version=version,
        )
    return minutes


def _minutes(session: Session, minutes: Minutes, zone: ZoneInfo) -> MinutesData:
    def local_date(value: dt.datetime | None) -> dt.date | None:
        return value.astimezone(zone).date() if value else None

    approver = session.get(Decision, minutes.approved_by_decision_id) if minutes.approved_by_decision_id else None
    superseded = session.get(Minutes, minutes.supersedes_id) if minutes.supersedes_id else None
    return MinutesData(
        version_no=minutes.version_no,
        status=minutes.status,
        entries=tuple((entry.agenda_item_id, entry.text) for entry in minutes.entries),
        general_text=minutes.general_text,
        circulated_on=local_date(minutes.circulated_at),
        circulated_to=minutes.circulated_to,
        approved_on=local_date(minutes.approved_at),
        approved_by=approver.number if approver else "",
        correction_reason=minutes.correction_reason,
        supersedes_version=superseded.version_no if superseded else None,
    )


def _decision(decision: Decision, zone: ZoneInfo, language: str) -> DecisionData:
    def count(choice: VoteChoice, recorded: int | None) -> int | None:
        # Counts typed in win; named votes give the counts when none were typed.
        if recorded is not None or not decision.votes:
            return recorded
        return sum(1 for vote in decision.votes if vote.choice == choice)

    return DecisionData(
        id=decision.id,
        number=decision.number,
        agenda_item_id=decision.agenda_item_id,
        decided_on=decision.decided_at.astimezone(zone).date(),
        text=pick(decision.text, decision.text_en, language),
        method=decision.method,
        votes_for=count(VoteChoice.FOR, decision.votes_for),
        votes_against=count(VoteChoice.AGAINST, decision.votes_against),
        votes_abstain=count(VoteChoice.ABSTAIN, decision.votes_abstain),
        recusals=tuple(sorted(person_name(r.person, language) for r in decision.recusals)),
        dissents=tuple(
            DissentData(person_name(d.person, language), d.statement)
            for d in sorted(decision.dissents, key=lambda d: d.id)
        ),
        rationale=decision.rationale,
        is_public=decision.is_public,
    )


def load_minutes_record(
    session: Session, meeting_id: int, *, language: str, version: int | None = None
) -> MinutesRecord:
    """Everything a minutes document shows; raises SecretariatError without minutes."""
    meeting = fetch_meeting(session, meeting_id)
    meeting_data = read_meeting_data(session, meeting, language)
    zone = ZoneInfo(meeting.time_zone)
    minutes = _pick_minutes(session, meeting, version)
    numbers = {item.id: item.number for item in meeting_data.items}
    decisions = session.execute(
        select(Decision)
        .where(Decision.meeting_id == meeting_id)
        .order_by(Decision.number, Decision.id)
        .options(
            selectinload(Decision.recusals).selectinload(Recusal.person),
            selectinload(Decision.dissents).selectinload(Dissent.person),
            selectinload(Decision.votes),
        )
    ).scalars()
    decision_data = tuple(_decision(d, zone, language) for d in decisions)
    decision_numbers = {d.id: d.number for d in decision_data}
    actions = session.execute(
        select(ActionItem)
        .where(ActionItem.meeting_id == meeting_id)
        .order_by(ActionItem.id)
        .options(selectinload(ActionItem.owner))
    ).scalars()
    action_data = tuple(
        ActionData(
            description=a.description,
            owner=person_name(a.owner, language) or a.owner_text,
            due_on=a.due_on,
            status=a.status,
            item_number=numbers.get(a.agenda_item_id),
            decision_number=decision_numbers.get(a.decision_id, ""),
        )
        for a in actions
    )
    return MinutesRecord(
        meeting=meeting_data,
        attendance=_attendance(meeting, language),
        minutes=_minutes(session, minutes, zone),
        decisions=decision_data,
        actions=action_data,
    )
