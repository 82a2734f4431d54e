"""Seats: creating them, finding them by name, and naming the ones made on the fly."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Seat, Sector
from secretariat.services.validation import check_optional_date, flush, get_or_error, required_text
from secretariat.services.forum import forum_languages, require_forum


def add_seat(s: Session, *, label: str, sector_id: int, established_on: dt.date | None = None) -> Seat:
    forum = require_forum(s)
    clean = required_text(label, N_("Seat name"))
    get_or_error(s, Sector, sector_id, N_("sector"))
    if seat_by_label(s, forum.id, clean) is not None:
        raise SecretariatError(N_("A seat called “{label}” already exists."), label=clean)
    seat = Seat(forum_id=forum.id, label=clean, sector_id=sector_id,
                established_on=check_optional_date(established_on, N_("Established on")))
    s.add(seat)
    flush(s)
    return seat


def seat_by_label(s: Session, forum_id: int, label: str) -> Seat | None:
    return s.scalars(select(Seat).where(Seat.forum_id == forum_id, Seat.label == label)).first()


def next_seat_label(s: Session, forum, sector: Sector) -> str:
    """Seats created on the fly are named after their sector in the forum's first language,
    e.g. "公民社會組織 3"."""
    languages = forum_languages(forum)
    base = sector.name(languages[0] if languages else "zh_TW")
    number = s.scalar(select(func.count()).where(Seat.sector_id == sector.id)) + 1
    while seat_by_label(s, forum.id, f"{base} {number}") is not None:
        number += 1
    return f"{base} {number}"
