"""The document repository. File bytes live in a content-addressed folder beside the
database (``documents/ab/abcdef…``, named by SHA-256), so identical papers are stored
once and any change to a file is detectable."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from secretariat.model.base import Base, Timestamped, UTCDateTime, Versioned, str_enum, utcnow
from secretariat.model.enums import DocumentKind


class Document(Versioned, Timestamped, Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind), default=DocumentKind.OTHER)
    language: Mapped[str] = mapped_column(String(16), default="zh_TW")
    # Restricted documents (is_public false) never leave in a publication package.
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(255), default="application/octet-stream")
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    description: Mapped[str] = mapped_column(Text, default="")
