"""Seats: creating and renaming them, finding them by name, and naming the ones made on
the fly. A seat's ``label`` is Chinese (the forum's language of reference, and what the
member file's ``seat`` column matches); ``label_en`` is its optional English label."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Seat, Sector
from secretariat.services.validation import (
    check_optional_date,
    flush,
    get_for_update,
    get_or_error,
    optional_text,
    required_text,
)
from secretariat.services.forum import forum_languages, require_forum

_EDITABLE = ("label", "label_en")


def add_seat(s: Session, *, label: str, sector_id: int, established_on: dt.date | None = None,
             label_en: str = "") -> Seat:
    forum = require_forum(s)
    clean = required_text(label, N_("Seat name"))
    get_or_error(s, Sector, sector_id, N_("sector"))
    if seat_by_label(s, forum.id, clean) is not None:
        raise SecretariatError(N_("A seat called “{label}” already exists."), label=clean)
    seat = Seat(forum_id=forum.id, label=clean, sector_id=sector_id,
                label_en=optional_text(label_en, N_("Seat name in English")),
                established_on=check_optional_date(established_on, N_("Established on")))
    s.add(seat)
    flush(s)
    return seat


def update_seat(s: Session, seat_id: int, *, expected_version: int | None = None,
                **fields: object) -> Seat:
    """Rename a seat (``label``, ``label_en``); its memberships stay as they are."""
    seat = get_for_update(s, Seat, seat_id, N_("seat"), expected_version=expected_version,
                          fields=fields, allowed=_EDITABLE)
    if "label" in fields:
        clean = required_text(fields["label"], N_("Seat name"))  # type: ignore[arg-type]
        other = seat_by_label(s, seat.forum_id, clean)
        if other is not None and other.id != seat.id:
            raise SecretariatError(N_("A seat called “{label}” already exists."), label=clean)
        seat.label = clean
    if "label_en" in fields:
        seat.label_en = optional_text(fields["label_en"],  # type: ignore[arg-type]
                                      N_("Seat name in English"))
    flush(s)
    return seat


def seat_by_label(s: Session, forum_id: int, label: str) -> Seat | None:
    return s.scalars(select(Seat).where(Seat.forum_id == forum_id, Seat.label == label)).first()


def next_seat_label(s: Session, forum, sector: Sector) -> str:
    """Seats created on the fly are named after their sector in the forum's first language,
    e.g. "公民社會組織 3"."""
    base = sector.name(_first_language(forum))
    number = s.scalar(select(func.count()).where(Seat.sector_id == sector.id)) + 1
    while seat_by_label(s, forum.id, f"{base} {number}") is not None:
        number += 1
    return f"{base} {number}"


def english_seat_label(forum, sector: Sector, label: str) -> str:
    """The English label of a seat named on the fly: "Civil society organisation 3" beside
    "公民社會組織 3"; "" for a label the clerk chose (only they can translate it) and when
    the label is English already."""
    base = sector.name(_first_language(forum))
    number = label[len(base) + 1:] if label.startswith(base + " ") else ""
    if not number.isdigit() or _first_language(forum) == "en":
        return ""
    return f"{sector.name('en')} {number}"


def _first_language(forum) -> str:
    languages = forum_languages(forum)
    return languages[0] if languages else "zh_TW"
