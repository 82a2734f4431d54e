"""One meeting's whole record read once into plain frozen values: the meeting record.

The meeting editor, ``secretariat meeting show`` / ``attendance list`` / ``agenda list``
and the agenda and minutes PDFs all read this one model, so they cannot disagree on the
agenda's order, who was expected and who attended, or what the minutes say. What of it
may be published is decided once, by ``public_projection`` (``public_record``).

``meeting_record`` reads it in a fixed number of statements (about twenty, whatever the
size of the meeting): no query per agenda item, paper, attendee or decision. It reuses
the services' own row types for decisions (``DecisionRow``), action items
(``ActionRow``), minutes (``MinutesVersionRow``, ``MinutesEntryRow``) and the
attendance summary (``AttendanceSummary``).
"""

from __future__ import annotations

from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import (
    AgendaItem, Attendance, Decision, Dissent, Document, Forum, Meeting, Minutes, Organisation,
    Person, Recusal, Vote, agenda_item_document,
)
from secretariat.services.meetings.actions import action_rows
from secretariat.services.meetings.agenda import attendance_summary
from secretariat.services.meetings.decisions import decision_rows, entitled_voters
from secretariat.services.meetings.minutes import minutes_entries, minutes_versions
from secretariat.services.meetings.record_rows import (  # noqa: F401  (the record's types)
    AgendaRow, AttendeeRow, DissentRow, MeetingDetails, MeetingRecord, MinutesPart, PaperRow,
    PersonChoice, PersonName, RecordedDecision, RecusalRow,
)
from secretariat.services.members.views import member_rows, rows_active_on
from secretariat.vocabulary import AttendeeCapacity, Role


def _capacity(role: Role) -> AttendeeCapacity:
    return {Role.ALTERNATE: AttendeeCapacity.ALTERNATE,
            Role.OBSERVER: AttendeeCapacity.OBSERVER}.get(role, AttendeeCapacity.MEMBER)


def _details(meeting: Meeting, forum: Forum) -> MeetingDetails:
    return MeetingDetails(
        id=meeting.id, forum_id=meeting.forum_id, forum_name=forum.name_zh_tw,
        forum_name_en=forum.name_en, title=meeting.title, title_en=meeting.title_en,
        kind=meeting.kind, phase=meeting.phase, modality=meeting.modality,
        status=meeting.status, starts_at=meeting.starts_at, ends_at=meeting.ends_at,
        time_zone=meeting.time_zone, location=meeting.location,
        remote_link=meeting.remote_link, is_public=meeting.is_public,
        notice_sent_at=meeting.notice_sent_at, notice_recipients=meeting.notice_recipients,
        internal_notes=meeting.internal_notes, updated_at=meeting.updated_at,
        version=meeting.version,
    )


def _names(s: Session, ids: set[int]) -> dict[int, PersonName]:
    if not ids:
        return {}
    rows = s.execute(
        select(Person.id, Person.name, Person.name_en, Organisation.name, Organisation.name_en,
               Person.job_title)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .where(Person.id.in_(sorted(ids)))
    )
    return {row[0]: PersonName(row[0], row[1], row[2], row[3] or "", row[4] or "", row[5] or "")
            for row in rows}


def _typed_presenters(s: Session, typed: set[str]) -> dict[str, PersonName]:
    """Presenters typed by name who are, by that exact name, one person on record: their
    name in both languages (the English interface shows it in English). A name two
    people share stays as typed."""
    if not typed:
        return {}
    found: dict[str, list] = {}
    for row in s.execute(select(Person.id, Person.name, Person.name_en)
                         .where(Person.name.in_(sorted(typed)))):
        found.setdefault(row.name, []).append(row)
    return {name: PersonName(rows[0].id, name, rows[0].name_en or "", "", "")
            for name, rows in found.items() if len(rows) == 1}


def _agenda(s: Session, meeting_id: int) -> tuple[list, dict[int, list[PaperRow]]]:
    items = s.execute(
        select(AgendaItem.id, AgendaItem.position, AgendaItem.title, AgendaItem.title_en,
               AgendaItem.purpose, AgendaItem.presenter, AgendaItem.planned_minutes,
               AgendaItem.proposed_by, AgendaItem.presenter_person_id, AgendaItem.version)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    ).all()
    link = agenda_item_document.c
    papers: dict[int, list[PaperRow]] = {}
    for item_id, *paper in s.execute(
        select(link.agenda_item_id, Document.id, Document.title, Document.file_name,
               Document.is_public, Document.sha256, Document.version)
        .join(Document, Document.id == link.document_id)
        .join(AgendaItem, AgendaItem.id == link.agenda_item_id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(Document.id)
    ):
        papers.setdefault(item_id, []).append(PaperRow(*paper))
    return items, papers


def _decisions(s: Session, meeting_id: int):
    rows = decision_rows(s, meeting_id=meeting_id, sort="number", descending=False)
    in_meeting = select(Decision.id).where(Decision.meeting_id == meeting_id)
    rationale = dict(s.execute(select(Decision.id, Decision.rationale)
                               .where(Decision.meeting_id == meeting_id)).all())
    recusals = s.execute(select(Recusal.decision_id, Recusal.person_id, Recusal.reason)
                         .where(Recusal.decision_id.in_(in_meeting))
                         .order_by(Recusal.person_id)).all()
    dissents = s.execute(select(Dissent.decision_id, Dissent.id, Dissent.person_id,
                                Dissent.statement)
                         .where(Dissent.decision_id.in_(in_meeting))
                         .order_by(Dissent.id)).all()
    votes = s.execute(select(Vote.decision_id, Vote.person_id, Vote.choice)
                      .where(Vote.decision_id.in_(in_meeting))
                      .order_by(Vote.person_id)).all()
    return rows, rationale, recusals, dissents, votes


def _minutes(s: Session, meeting_id: int, version_no: int | None) -> MinutesPart:
    versions = tuple(minutes_versions(s, meeting_id))
    if version_no is None:
        current = versions[-1] if versions else None
    else:
        current = next((v for v in versions if v.version_no == version_no), None)
    if current is None:
        return MinutesPart(versions=versions)
    return MinutesPart(
        versions=versions, current=current,
        entries=tuple(minutes_entries(s, current.id)),
        general_text=s.scalar(select(Minutes.general_text).where(Minutes.id == current.id)))


def meeting_record(session: Session, meeting_id: int, *, minutes_version: int | None = None,
                   with_people: bool = False, all_memberships=None) -> MeetingRecord:
    """The whole record of meeting ``meeting_id``; SecretariatError for an unknown id.

    ``minutes_version`` chooses which version's text ``minutes`` carries (default the
    newest); every version is listed either way. ``with_people`` adds everyone on record
    as ``people`` (the editor's choices of attendee, proxy and owner). ``all_memberships``
    (``member_rows(include_past=True)``), when reading many meetings, saves reading the
    roster again for each.
    """
    s = session
    found = s.execute(select(Meeting, Forum).join(Forum, Forum.id == Meeting.forum_id)
                      .where(Meeting.id == meeting_id)).first()
    if found is None:
        raise SecretariatError(N_("There is no meeting number {id}."), id=meeting_id)
    meeting, forum = found
    details = _details(meeting, forum)
    items, papers = _agenda(s, meeting_id)
    attendance = s.execute(
        select(Attendance.id, Attendance.person_id, Attendance.guest_name, Attendance.capacity,
               Attendance.status, Attendance.represented_by_id, Attendance.version)
        .where(Attendance.meeting_id == meeting_id).order_by(Attendance.id)
    ).all()
    roster = (rows_active_on(all_memberships, details.day) if all_memberships is not None
              else [m for m in member_rows(s, on=details.day) if m.active])
    decisions, rationale, recusals, dissents, votes = _decisions(s, meeting_id)
    actions = tuple(action_rows(s, meeting_id=meeting_id))
    mentioned = {r.person_id for r in roster}
    mentioned |= {pid for a in attendance for pid in (a.person_id, a.represented_by_id) if pid}
    mentioned |= {i.presenter_person_id for i in items if i.presenter_person_id}
    mentioned |= {r.person_id for r in recusals} | {d.person_id for d in dissents if d.person_id}
    mentioned |= {a.owner_person_id for a in actions if a.owner_person_id}
    names = _names(s, mentioned)
    blank = PersonName(0, "", "", "", "")
    typed = _typed_presenters(s, {i.presenter for i in items
                                  if i.presenter and not i.presenter_person_id})

    agenda = []
    for i in items:
        presenter = names.get(i.presenter_person_id, blank)
        agenda.append(AgendaRow(
            id=i.id, position=i.position, title=i.title, title_en=i.title_en,
            purpose=i.purpose, presenter=i.presenter, planned_minutes=i.planned_minutes,
            proposed_by=i.proposed_by, papers=tuple(papers.get(i.id, ())),
            presenter_person_id=i.presenter_person_id, presenter_name=presenter.name,
            presenter_name_en=presenter.name_en, version=i.version,
            typed_presenter_en=typed[i.presenter].name_en if i.presenter in typed else ""))

    by_decision: dict[int, dict[str, list]] = {
        d.id: {"recusals": [], "dissents": [], "votes": []} for d in decisions}
    for decision_id, person_id, reason in recusals:
        person = names.get(person_id, blank)
        by_decision[decision_id]["recusals"].append(
            RecusalRow(person_id, person.name, person.name_en, reason))
    for decision_id, dissent_id, person_id, statement in dissents:
        person = names.get(person_id, blank)
        by_decision[decision_id]["dissents"].append(
            DissentRow(dissent_id, person_id, person.name, person.name_en, statement))
    for decision_id, person_id, choice in votes:
        by_decision[decision_id]["votes"].append((person_id, choice))

    return MeetingRecord(
        details=details,
        agenda=tuple(agenda),
        attendees=_attendees(attendance, roster, names),
        summary=attendance_summary(s, meeting_id),
        minutes=_minutes(s, meeting_id, minutes_version),
        decisions=tuple(
            RecordedDecision(row=d, rationale=rationale.get(d.id, ""),
                             **{key: tuple(rows) for key, rows in by_decision[d.id].items()})
            for d in decisions),
        actions=actions,
        voter_ids=frozenset(entitled_voters(s, meeting_id)),
        names=MappingProxyType(names),
        people=_people(s) if with_people else (),
    )


def _attendees(attendance, roster, names: dict[int, PersonName]) -> tuple[AttendeeRow, ...]:
    blank = PersonName(0, "", "", "", "")
    records = {a.person_id: a for a in attendance if a.person_id is not None}
    guests = sorted((a for a in attendance if a.person_id is None), key=lambda a: a.guest_name)

    def row(person_id, side, capacity, record, expected, role=None) -> AttendeeRow:
        person = names.get(person_id, blank)
        proxy = names.get(record.represented_by_id, blank) if record else blank
        return AttendeeRow(
            person_id=person_id, name=person.name or (record.guest_name if record else ""),
            organisation=person.organisation, side=side,
            capacity=record.capacity if record else capacity,
            attendance_id=record.id if record else None,
            status=record.status if record else None,
            represented_by_id=record.represented_by_id if record else None,
            represented_by=proxy.name, guest_name=record.guest_name if record else "",
            name_en=person.name_en, organisation_en=person.organisation_en,
            represented_by_en=proxy.name_en, expected=expected,
            version=record.version if record else None, role=role)

    rows, seen = [], set()
    for member in roster:  # seat order, as the member list shows them
        if member.person_id not in seen:
            seen.add(member.person_id)
            rows.append(row(member.person_id, member.side, _capacity(member.role),
                            records.get(member.person_id), True, member.role))
    for person_id, record in records.items():  # observers and others not on a seat that day
        if person_id not in seen:
            rows.append(row(person_id, None, record.capacity, record, False))
    rows += [row(None, None, record.capacity, record, False) for record in guests]
    return tuple(rows)


def _people(s: Session) -> tuple[PersonChoice, ...]:
    """Everyone on record by name: names and organisation only, never contact details."""
    return tuple(PersonChoice(pid, name, organisation or "", name_en) for pid, name, organisation, name_en in s.execute(
        select(Person.id, Person.name, Organisation.name, Person.name_en)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .order_by(Person.name, Person.id)))


__all__ = [
    "AgendaRow", "AttendeeRow", "DissentRow", "MeetingDetails", "MeetingRecord",
    "MinutesPart", "PaperRow", "PersonChoice", "PersonName", "RecordedDecision",
    "RecusalRow", "meeting_record",
]
