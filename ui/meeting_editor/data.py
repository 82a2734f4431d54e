"""Everything the meeting editor shows, read in one worker job as plain frozen values.

A thin adapter over the meeting record (``services.meetings.meeting_record``), the one
read model the command line and the PDFs read too: the rows are the record's own, only
shaped as the editor's tabs expect them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from secretariat.services.meetings import MeetingRecord, meeting_record
from secretariat.services.meetings.record import (  # noqa: F401  (the tabs' row types)
    AgendaRow, AttendeeRow, PaperRow, PersonChoice,
)
from secretariat.vocabulary import MeetingStatus
from ui.meetings.actions import MeetingForm


@dataclass(frozen=True)
class DetailsForm(MeetingForm):
    """The meeting's own fields as the Details tab edits them (aware datetimes): the
    meeting dialog's, and those only the editor shows."""

    status: MeetingStatus = MeetingStatus.PLANNED
    notice_sent_at: dt.datetime | None = None
    notice_recipients: str = ""
    internal_notes: str = ""


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


def editor_data(record: MeetingRecord) -> EditorData:
    """The editor's view of a meeting record."""
    minutes = record.minutes
    return EditorData(
        meeting_id=record.id, version=record.version,
        details=DetailsForm.read_from(record.details), day=record.details.day,
        # The editor lists an item's papers by title.
        agenda=[replace(item, papers=tuple(sorted(item.papers, key=lambda p: p.title)))
                for item in record.agenda],
        attendees=list(record.attendees),
        summary=record.summary,
        people=list(record.people),
        minutes=MinutesState(versions=list(minutes.versions), current=minutes.current,
                             entries=list(minutes.entries),
                             general_text=minutes.general_text)
        if minutes.current is not None else MinutesState(),
        decisions=[decision.row for decision in record.decisions],
        actions=list(record.actions),
        voter_ids=record.voter_ids,
    )


def load_editor_data(s, meeting_id: int) -> EditorData:
    """Read on the database worker: ``s`` is its session."""
    return editor_data(meeting_record(s, meeting_id, with_people=True))
