"""The audit chain's head as a package carries it, and the check of a database against it.

Every package records how many audit entries the chain had when it was exported and the
last one's hash, inside the signed tag manifest. Anyone holding an earlier package can
then catch entries deleted later — even the last ones, together with the records they
covered, which leave the shortened chain consistent in itself: the database must still
hold that many entries, and the entry at that position must be the same one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.i18n import N_
from secretariat.model import AuditEntry
from secretariat.services.audit.chain import GENESIS_HASH
from secretariat.store.audit_head import Head


@dataclass(frozen=True)
class HeadMismatch:
    msgid: str
    params: dict


def chain_head_now(s: Session) -> Head:
    count = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
    last = s.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1))
    return Head(count, last or GENESIS_HASH)


def head_as_json(head: Head) -> dict:
    return {"entries": head.count, "last_entry_hash": head.entry_hash}


def head_from_json(data: object) -> Head | None:
    if not isinstance(data, dict):
        return None
    count, last = data.get("entries"), data.get("last_entry_hash")
    if not isinstance(count, int) or count < 0 or not isinstance(last, str):
        return None
    return Head(count, last)


def compare_with_package(s: Session, head: Head) -> HeadMismatch | None:
    """None when the database's chain still contains the package's head."""
    if head.count == 0:
        return None
    hashes = s.scalars(select(AuditEntry.entry_hash).order_by(AuditEntry.id)
                       .offset(head.count - 1).limit(1)).all()
    if not hashes:
        have = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
        return HeadMismatch(N_(
            "Audit log entries were deleted after this package was exported: the package "
            "recorded {expected}, the database holds {have}."),
            {"have": have, "expected": head.count})
    if hashes[0] != head.entry_hash:
        return HeadMismatch(N_(
            "Audit entry number {expected} in the database is not the one this package "
            "recorded: the audit log was rewritten after the package was exported."),
            {"expected": head.count})
    return None
