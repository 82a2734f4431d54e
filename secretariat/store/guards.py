"""The ORM-level guard behind "nothing approved is ever edited in place".

A ``before_flush`` listener on every Session refuses to update or delete approved or
locked minutes and their entries, and decisions already in the audit chain (with their
recusals, votes and dissents), even for code that bypasses the services. Corrections are
new versions. The listener is installed when this module is imported, which the store
does for every session it opens (and the audit chain too).
"""

from __future__ import annotations

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import (
    AuditEntry,
    Decision,
    Dissent,
    Minutes,
    MinutesEntry,
    MinutesStatus,
    Recusal,
    Vote,
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
    return False


_GUARDED = (Minutes, MinutesEntry, Decision, Recusal, Vote, Dissent)


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
