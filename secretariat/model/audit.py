"""Hash-chained audit log of records that became immutable (approved minutes,
decisions, later declarations).

Each entry stores the SHA-256 of the record's canonical content and of the previous
entry, so changing a record, or an entry, behind the program's back breaks the chain at
a point that ``secretariat audit verify`` can name.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from secretariat.model.base import Base, UTCDateTime, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(32))  # e.g. "approve", "lock", "correct"
    record_type: Mapped[str] = mapped_column(String(32), index=True)  # "minutes", "decision"
    record_id: Mapped[int] = mapped_column(Integer, index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
