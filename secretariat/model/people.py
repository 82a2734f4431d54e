"""People and organisations. Contact details live in their own table because they are
private: nothing that builds a publication reads ``person_contact``."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from secretariat.model.base import Base, Timestamped, Versioned


class Organisation(Versioned, Timestamped, Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    name_en: Mapped[str] = mapped_column(String(300), default="")
    sector_id: Mapped[int | None] = mapped_column(ForeignKey("sector.id"), index=True)
    website: Mapped[str] = mapped_column(String(500), default="")

    sector: Mapped["Sector | None"] = relationship()  # noqa: F821


class Person(Versioned, Timestamped, Base):
    """Public identity of a member, alternate, observer or guest."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    job_title: Mapped[str] = mapped_column(String(300), default="")
    # Optional, for the forum's balance reports: a ``vocabulary.Gender`` value, "" when
    # not recorded; and a region (北部, 花蓮縣…) in free text.
    gender: Mapped[str] = mapped_column(String(32), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)

    organisation: Mapped[Organisation | None] = relationship()
    contact: Mapped["PersonContact | None"] = relationship(
        back_populates="person", cascade="all, delete-orphan", uselist=False
    )


class PersonContact(Versioned, Base):
    """Private contact details; never exported to a publication package."""

    __tablename__ = "person_contact"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    internal_notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="contact")
