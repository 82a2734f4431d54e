"""Seats on the forum and the people who hold them over time."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from secretariat.model.base import Base, Timestamped, Versioned, str_enum
from secretariat.model.enums import Role
from secretariat.model.forum import Sector
from secretariat.model.people import Person


class Seat(Versioned, Timestamped, Base):
    """A place on the forum reserved for a sector (e.g. "CSO seat 3")."""

    __tablename__ = "seat"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id"), index=True)
    label: Mapped[str] = mapped_column(String(200))  # Chinese, the forum's language of reference
    label_en: Mapped[str] = mapped_column(String(200), default="")  # "" when not given
    sector_id: Mapped[int] = mapped_column(ForeignKey("sector.id"), index=True)
    established_on: Mapped[dt.date | None] = mapped_column(Date)
    abolished_on: Mapped[dt.date | None] = mapped_column(Date)

    sector: Mapped[Sector] = relationship()
    memberships: Mapped[list["Membership"]] = relationship(back_populates="seat")


class Membership(Versioned, Timestamped, Base):
    """A person holding a seat in a role for a term.

    ``term_end`` is the planned end; ``ended_on`` is set when the term actually ends
    (early resignation or the end-of-term action). Both are the *last day served*
    (inclusive), as terms are written in appointment letters.
    """

    __tablename__ = "membership"

    id: Mapped[int] = mapped_column(primary_key=True)
    seat_id: Mapped[int] = mapped_column(ForeignKey("seat.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[Role] = mapped_column(str_enum(Role), default=Role.MEMBER)
    term_start: Mapped[dt.date] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    high_level: Mapped[bool] = mapped_column(Boolean, default=False)
    # An alternate stands in for the member holding this other membership.
    alternate_for_id: Mapped[int | None] = mapped_column(ForeignKey("membership.id"))

    seat: Mapped[Seat] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship()
    alternate_for: Mapped["Membership | None"] = relationship(remote_side="Membership.id")

    def effective_end(self) -> dt.date | None:
        ends = [d for d in (self.term_end, self.ended_on) if d is not None]
        return min(ends) if ends else None

    def is_active_on(self, day: dt.date) -> bool:
        end = self.effective_end()
        return self.term_start <= day and (end is None or day <= end)
