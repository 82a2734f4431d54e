"""Minutes of a meeting, kept as numbered versions.

A version moves draft -> circulated -> approved -> locked. Once approved it is never
edited: a correction is a new version (``supersedes_id``, ``correction_reason``), so every
earlier text stays readable and comparable.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from secretariat.model.base import Base, Timestamped, UTCDateTime, Versioned, str_enum
from secretariat.model.enums import MinutesStatus


class Minutes(Versioned, Timestamped, Base):
    __tablename__ = "minutes"
    __table_args__ = (UniqueConstraint("meeting_id", "version_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[MinutesStatus] = mapped_column(
        str_enum(MinutesStatus), default=MinutesStatus.DRAFT
    )
    circulated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    circulated_to: Mapped[str] = mapped_column(Text, default="")
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The decision of a later meeting that approved these minutes.
    approved_by_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", use_alter=True)
    )
    locked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("minutes.id"))
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    # General remarks not tied to one agenda item (opening, any other business).
    general_text: Mapped[str] = mapped_column(Text, default="")

    entries: Mapped[list["MinutesEntry"]] = relationship(
        back_populates="minutes", order_by="MinutesEntry.position", cascade="all, delete-orphan"
    )


class MinutesEntry(Versioned, Base):
    """The minutes of one agenda item within one version. Its own version lets the
    editor save one item's text without conflicting with edits of the others."""

    __tablename__ = "minutes_entry"
    __table_args__ = (UniqueConstraint("minutes_id", "agenda_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(
        ForeignKey("minutes.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")

    minutes: Mapped[Minutes] = relationship(back_populates="entries")
