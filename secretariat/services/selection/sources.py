"""Entropy sources of a draw: announced (recorded) before the draw, their values entered
once they are public. A draw refuses sources recorded after its date (see ``running``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import EntropySource, utcnow
from secretariat.selection import rfc3797
from secretariat.services.selection.guards import round_for_change
from secretariat.services.validation import (
    check_aware,
    flush,
    get_for_update,
    optional_text,
    required_text,
)


def announce_source(s: Session, round_id: int, *, description: str, value: str = "",
                    announced_at: dt.datetime | None = None) -> EntropySource:
    """``announced_at`` defaults to now: it is the moment the source is recorded here."""
    selection_round = round_for_change(s, round_id)
    source = EntropySource(
        round_id=selection_round.id, position=len(selection_round.sources) + 1,
        description=required_text(description, N_("Source")),
        value=_checked_value(value),
        announced_at=check_aware(announced_at, N_("Announced at")) if announced_at else utcnow())
    selection_round.sources.append(source)  # keeps the loaded collection current
    flush(s)
    return source


def set_source_value(s: Session, source_id: int, value: str, *,
                     expected_version: int | None = None) -> EntropySource:
    source = get_for_update(s, EntropySource, source_id, N_("source"),
                            expected_version=expected_version)
    round_for_change(s, source.round_id)
    source.value = _checked_value(value)
    flush(s)
    return source


def _checked_value(value: str) -> str:
    text = optional_text(value, N_("Value"))
    if text and not rfc3797.parse_source(text):
        raise SecretariatError(N_("A source's value is its numbers, separated by spaces "
                                  "or commas (got “{value}”)."), value=text)
    return text


def source_at(s: Session, round_id: int, position: int) -> EntropySource:
    for source in s.scalars(select(EntropySource).where(EntropySource.round_id == round_id,
                                                        EntropySource.position == position)):
        return source
    raise SecretariatError(N_("Round {round} has no source number {number}."),
                           round=round_id, number=position)
