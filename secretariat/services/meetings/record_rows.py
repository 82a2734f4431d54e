"""The frozen values of a meeting record (``record.meeting_record`` builds them).

Names and titles are kept in both languages; which one is shown is chosen here, once,
by the rows' ``shown_*`` methods (``i18n.localized``: the English one in English when
there is one, else the Chinese), so every window, list and document agrees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from zoneinfo import ZoneInfo

from secretariat.i18n import localized
from secretariat.services.meetings.actions import ActionRow
from secretariat.services.meetings.agenda import AttendanceSummary
from secretariat.services.meetings.decision_log import DecisionRow
from secretariat.services.meetings.minutes import MinutesEntryRow, MinutesVersionRow
from secretariat.vocabulary import (
    AttendanceStatus, AttendeeCapacity, ItemPurpose, MeetingKind, MeetingStatus, MinutesStatus,
    Modality, Phase, ProposedBy, Role, Side, VoteChoice,
)


@dataclass(frozen=True)
class MeetingDetails:
    """The meeting's own fields (times aware, in UTC) and its forum's name."""

    id: int
    forum_id: int
    forum_name: str  # Chinese
    forum_name_en: str
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
    notice_recipients: str  # private: whom the notice went to (addresses)
    internal_notes: str  # secretariat only, never published
    updated_at: dt.datetime
    version: int

    @property
    def day(self) -> dt.date:
        """The meeting's date on its own clock."""
        return self.starts_at.astimezone(ZoneInfo(self.time_zone)).date()


@dataclass(frozen=True)
class PaperRow:
    id: int
    title: str
    file_name: str
    is_public: bool  # False: restricted, never published
    sha256: str = ""
    version: int = 0


@dataclass(frozen=True)
class AgendaRow:
    id: int
    position: int
    title: str
    title_en: str
    purpose: ItemPurpose
    presenter: str  # as typed
    planned_minutes: int | None
    proposed_by: ProposedBy
    papers: tuple[PaperRow, ...]  # in the order they were attached (document number)
    presenter_person_id: int | None = None
    presenter_name: str = ""  # the presenter on record, when there is one
    presenter_name_en: str = ""
    version: int = 0
    # A presenter typed as the exact name of one person on record: that person's English
    # name (documents and the command line print the name as typed).
    typed_presenter_en: str = ""

    def shown_presenter(self, language: str | None = None) -> str:
        """The presenter on record in the language shown, else the name as typed (in
        English when it is someone on record who has an English name)."""
        if self.presenter_name:
            return localized(self.presenter_name, self.presenter_name_en, language)
        return localized(self.presenter, self.typed_presenter_en, language)


@dataclass(frozen=True)
class AttendeeRow:
    """A member active on the meeting day (``expected``), or anyone else with an
    attendance record (a person on record or a guest known by name)."""

    person_id: int | None
    name: str
    organisation: str
    side: Side | None  # of the seat held on the day; None for those without one
    capacity: AttendeeCapacity
    attendance_id: int | None
    status: AttendanceStatus | None  # None: not recorded yet
    represented_by_id: int | None
    represented_by: str
    guest_name: str = ""
    name_en: str = ""
    organisation_en: str = ""
    represented_by_en: str = ""
    expected: bool = False  # on the roster of members active on the meeting day
    version: int | None = None  # of the attendance record, when there is one
    role: Role | None = None  # of the seat held on the day (co-chairs lead the minutes)

    def shown_name(self, language: str | None = None) -> str:
        return localized(self.name, self.name_en, language)

    def shown_organisation(self, language: str | None = None) -> str:
        return localized(self.organisation, self.organisation_en, language)

    def shown_represented_by(self, language: str | None = None) -> str:
        return localized(self.represented_by, self.represented_by_en, language)


@dataclass(frozen=True)
class PersonChoice:
    """Someone on record who can be chosen (as attendee, proxy, owner…)."""

    id: int
    name: str
    organisation: str = ""
    name_en: str = ""

    def shown_name(self, language: str | None = None) -> str:
        return localized(self.name, self.name_en, language)


@dataclass(frozen=True)
class RecusalRow:
    person_id: int
    name: str
    name_en: str
    reason: str

    def shown_name(self, language: str | None = None) -> str:
        return localized(self.name, self.name_en, language)


@dataclass(frozen=True)
class DissentRow:
    id: int
    person_id: int | None  # None: a statement recorded without a name
    name: str
    name_en: str
    statement: str

    def shown_name(self, language: str | None = None) -> str:
        return localized(self.name, self.name_en, language)


@dataclass(frozen=True)
class RecordedDecision:
    """A decision of the meeting: the decision log's row, and who was recused, who
    dissented and the named votes."""

    row: DecisionRow
    rationale: str
    recusals: tuple[RecusalRow, ...]  # by person number
    dissents: tuple[DissentRow, ...]  # in the order recorded
    votes: tuple[tuple[int, VoteChoice], ...]  # (person number, choice), named votes only

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def is_public(self) -> bool:
        return self.row.is_public


@dataclass(frozen=True)
class MinutesPart:
    """The versions of the minutes and the text of one of them (the newest unless another
    was asked for)."""

    versions: tuple[MinutesVersionRow, ...] = ()  # oldest first
    current: MinutesVersionRow | None = None
    entries: tuple[MinutesEntryRow, ...] = ()  # of ``current``, in agenda order
    general_text: str = ""  # of ``current``

    def text_for(self, item_id: int) -> str:
        return next((e.text for e in self.entries if e.agenda_item_id == item_id), "")

    def newest_approved(self) -> int | None:
        """The newest version approved (or locked): the one that is the forum's record."""
        approved = [v.version_no for v in self.versions
                    if v.status in (MinutesStatus.APPROVED, MinutesStatus.LOCKED)]
        return approved[-1] if approved else None

    def version_no_of(self, minutes_id: int | None) -> int | None:
        return next((v.version_no for v in self.versions if v.id == minutes_id), None)


@dataclass(frozen=True)
class PersonName:
    id: int
    name: str
    name_en: str
    organisation: str
    organisation_en: str
    job_title: str = ""  # public (on the person, not the private contact details)

    def shown_name(self, language: str | None = None) -> str:
        return localized(self.name, self.name_en, language)


@dataclass(frozen=True)
class MeetingRecord:
    details: MeetingDetails
    agenda: tuple[AgendaRow, ...]  # in agenda order
    attendees: tuple[AttendeeRow, ...]  # roster (seat order), others on record, guests
    summary: AttendanceSummary
    minutes: MinutesPart
    decisions: tuple[RecordedDecision, ...]  # by number
    actions: tuple[ActionRow, ...]  # by due date, undated last
    voter_ids: frozenset[int]  # who may vote (and so be recused): the service's rule
    # Everyone the record names, by person number, in both languages.
    names: Mapping[int, PersonName] = field(default_factory=lambda: MappingProxyType({}))
    people: tuple[PersonChoice, ...] = ()  # only when asked for (``with_people``)
    public: bool = False  # True once reduced by ``public_projection``

    @property
    def version(self) -> int:
        return self.details.version

    @property
    def id(self) -> int:
        return self.details.id

    def recorded_attendees(self) -> tuple[AttendeeRow, ...]:
        return tuple(a for a in self.attendees if a.status is not None)
