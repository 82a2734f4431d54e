"""The forum itself and the sectors its members come from."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from secretariat.model.base import Base, Timestamped, Versioned, str_enum
from secretariat.model.enums import Side


class Forum(Versioned, Timestamped, Base):
    """One multi-stakeholder forum; a database normally holds exactly one."""

    __tablename__ = "forum"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh_tw: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    jurisdiction: Mapped[str] = mapped_column(String(200), default="")
    # Comma-separated catalog folder names in order of precedence, e.g. "zh_TW,en".
    languages: Mapped[str] = mapped_column(String(100), default="zh_TW,en")
    time_zone: Mapped[str] = mapped_column(String(64), default="Asia/Taipei")
    website: Mapped[str] = mapped_column(String(500), default="")
    contact_point: Mapped[str] = mapped_column(Text, default="")
    # The meeting rules (quorum, notice period…) are in the versioned terms of reference
    # (``model.terms``), read as in force on a meeting's date.


class Sector(Base):
    """Where a seat's holder comes from; the side decides government/non-government balance.

    The standard sectors are seeded by the first migration (``code`` is stable); a forum
    may add its own with ``is_standard`` false.
    """

    __tablename__ = "sector"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    side: Mapped[Side] = mapped_column(str_enum(Side))
    name_zh_tw: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    is_standard: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=100)

    def name(self, language: str) -> str:
        return self.name_zh_tw if language == "zh_TW" else self.name_en
