"""Meetings, their agenda items and who attended."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from secretariat.model.base import Base, Timestamped, UTCDateTime, Versioned, str_enum
from secretariat.model.documents import Document
from secretariat.model.enums import (
    AttendanceStatus,
    AttendeeCapacity,
    ItemPurpose,
    MeetingKind,
    MeetingStatus,
    Modality,
    Phase,
    ProposedBy,
)
from secretariat.model.people import Person

agenda_item_document = Table(
    "agenda_item_document",
    Base.metadata,
    Column("agenda_item_id", ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", ForeignKey("document.id"), primary_key=True),
)


class Meeting(Versioned, Timestamped, Base):
    """A meeting of the forum or one of its bodies.

    Times are stored in UTC; ``time_zone`` (IANA name) is where the meeting happens and
    what agendas, minutes and calendar files show.
    """

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[MeetingKind] = mapped_column(str_enum(MeetingKind), default=MeetingKind.FORUM)
    phase: Mapped[Phase] = mapped_column(str_enum(Phase), default=Phase.WHOLE_CYCLE)
    modality: Mapped[Modality] = mapped_column(str_enum(Modality), default=Modality.IN_PERSON)
    status: Mapped[MeetingStatus] = mapped_column(
        str_enum(MeetingStatus), default=MeetingStatus.PLANNED
    )
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    time_zone: Mapped[str] = mapped_column(String(64), default="Asia/Taipei")
    location: Mapped[str] = mapped_column(String(500), default="")
    remote_link: Mapped[str] = mapped_column(String(1000), default="")
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    notice_sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    notice_recipients: Mapped[str] = mapped_column(Text, default="")
    # Secretariat-only remarks; never published.
    internal_notes: Mapped[str] = mapped_column(Text, default="")

    agenda_items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    attendance: Mapped[list["Attendance"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )


class AgendaItem(Versioned, Timestamped, Base):
    __tablename__ = "agenda_item"
    # Two items never share a place on one agenda (reordering moves items through
    # negative positions; see services.meetings.agenda._renumber).
    __table_args__ = (Index("uq_agenda_item_position", "meeting_id", "position", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    title_en: Mapped[str] = mapped_column(String(500), default="")
    purpose: Mapped[ItemPurpose] = mapped_column(
        str_enum(ItemPurpose), default=ItemPurpose.DISCUSSION
    )
    presenter: Mapped[str] = mapped_column(String(200), default="")
    presenter_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    planned_minutes: Mapped[int | None] = mapped_column(Integer)
    proposed_by: Mapped[ProposedBy] = mapped_column(
        str_enum(ProposedBy), default=ProposedBy.GOVERNMENT
    )

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    presenter_person: Mapped[Person | None] = relationship()
    documents: Mapped[list[Document]] = relationship(secondary=agenda_item_document)


class Attendance(Versioned, Base):
    """One attendee of one meeting: a person on record, or a guest known only by name."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        # A guest known only by name attends once too.
        Index("uq_attendance_guest", "meeting_id", "guest_name", unique=True,
              sqlite_where=text("person_id IS NULL"),
              postgresql_where=text("person_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    guest_name: Mapped[str] = mapped_column(String(200), default="")
    capacity: Mapped[AttendeeCapacity] = mapped_column(
        str_enum(AttendeeCapacity), default=AttendeeCapacity.MEMBER
    )
    status: Mapped[AttendanceStatus] = mapped_column(
        str_enum(AttendanceStatus), default=AttendanceStatus.PRESENT
    )
    # For status PROXY: who represented this member at the meeting.
    represented_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    person: Mapped[Person | None] = relationship(foreign_keys=[person_id])
    represented_by: Mapped[Person | None] = relationship(foreign_keys=[represented_by_id])
