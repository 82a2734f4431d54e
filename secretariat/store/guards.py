"""The ORM-level guard behind "nothing approved is ever edited in place".

A ``before_flush`` listener on every Session refuses to update or delete approved or
locked minutes and their entries, and decisions already in the audit chain (with their
recusals, votes and dissents), even for code that bypasses the services. Corrections are
new versions. The listener is installed when this module is imported, which the store
does for every session it opens (and the audit chain too).

It also freezes what approved minutes record, while their meeting's newest minutes
version is approved: the meeting's details (all but the secretariat's internal notes),
its agenda items and their papers (links, and the papers' title, file, hash and public
flag), attendance, the interests declared on agenda items, new decisions, the action
items' substance (their status and completion date stay editable: that is follow-up
work), and the names of the people these records name. A
correction (a new draft version) opens them again until it is approved in turn. The
approval itself flushes while the minutes are still circulated, so it may mark the
meeting held.
"""

from __future__ import annotations

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.model import (
    ActionItem,
    AgendaItem,
    Attendance,
    AuditEntry,
    Decision,
    Dissent,
    Document,
    Meeting,
    MeetingInterest,
    Minutes,
    MinutesEntry,
    MinutesStatus,
    Person,
    Recusal,
    Vote,
    agenda_item_document,
)

FROZEN_MINUTES = (MinutesStatus.APPROVED, MinutesStatus.LOCKED)


def _original(obj, attribute: str):
    """The value as loaded from the database, before this session's pending change."""
    history = inspect(obj).attrs[attribute].history
    if history.deleted:
        return history.deleted[0]
    values = history.unchanged or history.added
    return values[0] if values else None


def _minutes_frozen(s: Session, minutes_id: int | None) -> bool:
    if minutes_id is None:
        return False
    minutes = s.get(Minutes, minutes_id)
    return minutes is not None and _original(minutes, "status") in FROZEN_MINUTES


def _decision_chained(s: Session, decision_id: int | None) -> bool:
    if decision_id is None:
        return False
    return s.scalar(
        select(AuditEntry.id)
        .where(AuditEntry.record_type == "decision", AuditEntry.record_id == decision_id)
        .limit(1)
    ) is not None


def _frozen(s: Session, obj, *, is_new: bool) -> bool:
    if isinstance(obj, Minutes):
        return not is_new and _original(obj, "status") in FROZEN_MINUTES
    if isinstance(obj, MinutesEntry):
        return _minutes_frozen(s, obj.minutes_id if obj.minutes_id else
                               getattr(obj.minutes, "id", None))
    if isinstance(obj, Decision):
        return not is_new and _decision_chained(s, obj.id)
    if isinstance(obj, (Recusal, Vote, Dissent)):
        return _decision_chained(s, obj.decision_id or getattr(obj.decision, "id", None))
    if isinstance(obj, MeetingInterest):  # it made recusals in the item's decisions
        return _item_decision_chained(s, _original(obj, "agenda_item_id"))
    return False


def _item_decision_chained(s: Session, agenda_item_id: int | None) -> bool:
    if agenda_item_id is None:
        return False
    return any(_decision_chained(s, decision_id) for decision_id in s.scalars(
        select(Decision.id).where(Decision.agenda_item_id == agenda_item_id)))


_GUARDED = (Minutes, MinutesEntry, Decision, Recusal, Vote, Dissent, MeetingInterest)

RECORDED_BY_MINUTES = N_(
    "The minutes of this meeting are approved, so what they record cannot change: {what}. "
    "To correct it, start a new minutes version with a reason (Minutes → Correct), make "
    "the change, and approve the new version.")
PERSON_RECORDED = N_(
    "{name} is named in the approved minutes of meeting {meeting_id}, so the name cannot "
    "change. To correct those minutes, start a new minutes version with a reason "
    "(Minutes → Correct).")

# What may still change on a record of approved minutes: bookkeeping, the secretariat's
# own notes, and the progress of follow-up work.
_FREE = {"version", "updated_at", "created_at"}
_FREE_BY_TYPE = {
    Meeting: _FREE | {"internal_notes"},
    ActionItem: _FREE | {"status", "completed_on"},
}
_WHAT = {
    Meeting: N_("the meeting's details"),
    AgendaItem: N_("the agenda"),
    Attendance: N_("attendance"),
    ActionItem: N_("the action items"),
    Document: N_("the papers"),
    Decision: N_("the decisions"),
    MeetingInterest: N_("the interests declared at the meeting"),
}
_PERSON_FIELDS = {"name", "name_en"}


def frozen_meeting_ids(s: Session, meeting_ids) -> set[int]:
    """Those of the meetings whose newest minutes version (as stored) is approved."""
    ids = sorted({i for i in meeting_ids if i is not None})
    if not ids:
        return set()
    # On PostgreSQL, wait for an approval of these meetings' minutes being committed by
    # another workstation (it holds the meeting row; see ``approve_minutes``), so an edit
    # cannot slip in beside it. KEY SHARE does not block (nor deadlock) ordinary updates
    # of the meeting row; SQLite serialises writers anyway (no-op there).
    s.execute(select(Meeting.id).where(Meeting.id.in_(ids))
              .with_for_update(read=True, key_share=True))
    newest = (select(Minutes.meeting_id, func.max(Minutes.version_no).label("v"))
              .where(Minutes.meeting_id.in_(ids)).group_by(Minutes.meeting_id).subquery())
    return set(s.scalars(
        select(Minutes.meeting_id)
        .join(newest, (newest.c.meeting_id == Minutes.meeting_id)
              & (newest.c.v == Minutes.version_no))
        .where(Minutes.status.in_(FROZEN_MINUTES))
    ))


def frozen_document_meetings(s: Session, document_ids) -> set[int]:
    """Meetings with approved minutes whose agenda carries one of these papers (as
    stored)."""
    ids = sorted({i for i in document_ids if i is not None})
    if not ids:
        return set()
    meetings = set(s.scalars(
        select(AgendaItem.meeting_id)
        .join(agenda_item_document, agenda_item_document.c.agenda_item_id == AgendaItem.id)
        .where(agenda_item_document.c.document_id.in_(ids))
    ))
    return frozen_meeting_ids(s, meetings)


def _changed(obj, free: set[str]) -> bool:
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        if attr.key not in free and state.attrs[attr.key].history.has_changes():
            return True
    return False


def _meeting_of(s: Session, obj) -> set[int]:
    """The meeting(s) a record belongs to: as stored and as it would be after the flush."""
    ids = set()
    if isinstance(obj, Meeting):
        ids.add(obj.id)
    else:
        for value in inspect(obj).attrs.meeting_id.history.sum():
            ids.add(value)
        if obj.meeting_id is None and getattr(obj, "meeting", None) is not None:
            ids.add(obj.meeting.id)
    return {i for i in ids if i is not None}


def _document_links_changed(obj: AgendaItem) -> bool:
    return inspect(obj).attrs.documents.history.has_changes()


def _refuse_record_changes(s: Session) -> None:
    """Refuse changes to what approved minutes record (see the module's docstring)."""
    touched: list[tuple[type, set[int]]] = []
    changed_documents: list[Document] = []
    for obj in list(s.new) + list(s.dirty) + list(s.deleted):
        kind = type(obj)
        if kind in (Meeting, AgendaItem, Attendance, ActionItem, MeetingInterest):
            if obj in s.new and kind is Meeting:
                continue
            if obj in s.dirty and not _changed(obj, _FREE_BY_TYPE.get(kind, _FREE)):
                if kind is AgendaItem and _document_links_changed(obj):
                    touched.append((Document, _meeting_of(s, obj)))  # a paper (un)linked
                continue
            touched.append((kind, _meeting_of(s, obj)))
        elif kind is Decision and obj in s.new:
            touched.append((kind, _meeting_of(s, obj)))  # edits: see _frozen
        elif kind is Document and obj not in s.new:
            if obj in s.deleted or _changed(obj, _FREE | {"description", "kind",
                                                          "language"}):
                changed_documents.append(obj)
        elif kind is Person and obj in s.dirty:
            state = inspect(obj)
            if any(state.attrs[k].history.has_changes() for k in _PERSON_FIELDS):
                meeting_id = _meeting_naming(s, obj.id)
                if meeting_id is not None:
                    raise SecretariatError(PERSON_RECORDED, name=_original(obj, "name"),
                                           meeting_id=meeting_id)
    if touched:
        frozen = frozen_meeting_ids(s, set().union(*(ids for _, ids in touched)))
        for kind, ids in touched:
            if ids & frozen:
                raise SecretariatError(RECORDED_BY_MINUTES, what=_(_WHAT[kind]))
    if changed_documents and frozen_document_meetings(s, [d.id for d in changed_documents]):
        raise SecretariatError(RECORDED_BY_MINUTES, what=_(_WHAT[Document]))


def _meeting_naming(s: Session, person_id: int) -> int | None:
    """A meeting with approved minutes that names this person, if any."""
    meetings = set(s.scalars(select(Attendance.meeting_id).where(
        (Attendance.person_id == person_id) | (Attendance.represented_by_id == person_id))))
    meetings |= set(s.scalars(select(AgendaItem.meeting_id).where(
        AgendaItem.presenter_person_id == person_id)))
    meetings |= set(s.scalars(select(ActionItem.meeting_id).where(
        ActionItem.owner_person_id == person_id)))
    for model in (Vote, Recusal, Dissent):
        meetings |= set(s.scalars(select(Decision.meeting_id).join(
            model, model.decision_id == Decision.id).where(model.person_id == person_id)))
    frozen = frozen_meeting_ids(s, meetings)
    return min(frozen) if frozen else None


@event.listens_for(Session, "before_flush")
def _refuse_edits_of_approved_records(s: Session, _context, _instances) -> None:
    with s.no_autoflush:
        candidates = [(o, False) for o in s.dirty if isinstance(o, _GUARDED)
                      and s.is_modified(o, include_collections=False)]
        candidates += [(o, False) for o in s.deleted if isinstance(o, _GUARDED)]
        candidates += [(o, True) for o in s.new if isinstance(o, _GUARDED)]
        for obj, is_new in candidates:
            if _frozen(s, obj, is_new=is_new):
                raise SecretariatError(N_(
                    "Approved minutes and recorded decisions cannot be changed. "
                    "Make a correction instead: it becomes a new version."))
        _refuse_record_changes(s)
