"""Creating and editing a selection round, and moving it along its status."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import SelectionRound, Side
from secretariat.selection.rfc3797 import HASHES
from secretariat.selection.round_vocabulary import RoundStatus, SelectionMethod, can_move
from secretariat.services.forum import require_forum, sector_by_code
from secretariat.services.validation import (
    check_date,
    check_optional_date,
    coerce_enum,
    flush,
    get_for_update,
    optional_text,
    required_text,
)

_TEXT = ("title_en", "constituency", "criteria_zh", "criteria_en")
_DATES = ("call_opens", "call_closes", "decision_date", "term_end")
_EDITABLE = ("title", "sector_code", "seats", "term_start", "method", "hash_name",
             *_TEXT, *_DATES)
# What may still change once the call is open: anything else would change the rules
# the candidates applied under.
_AFTER_CALL = ("title_en", "decision_date")


def create_round(s: Session, *, title: str, sector_code: str, seats: int,
                 term_start: dt.date | str, method: SelectionMethod | str,
                 **fields: object) -> SelectionRound:
    require_forum(s)
    values = _checked_values(s, {"title": title, "sector_code": sector_code, "seats": seats,
                                 "term_start": term_start, "method": method, **fields})
    selection_round = SelectionRound(**{"title_en": "", "constituency": "", "criteria_zh": "",
                                        "criteria_en": "", "hash_name": "md5", **values})
    _check_timeline(selection_round)
    s.add(selection_round)
    flush(s)
    return selection_round


def update_round(s: Session, round_id: int, *, expected_version: int | None = None,
                 **fields: object) -> SelectionRound:
    selection_round = get_for_update(s, SelectionRound, round_id, N_("selection round"),
                                     expected_version=expected_version, fields=fields,
                                     allowed=_EDITABLE)
    if selection_round.status != RoundStatus.DRAFT and set(fields) - set(_AFTER_CALL):
        raise SecretariatError(N_("Once the call is open only the English title and the "
                                  "draw or count date can change; reopen the round as a "
                                  "draft to change its rules."))
    values = _checked_values(s, fields)
    before = {key: getattr(selection_round, key) for key in values}
    for key, value in values.items():
        setattr(selection_round, key, value)
    try:
        _check_timeline(selection_round)
    except SecretariatError:
        for key, value in before.items():
            setattr(selection_round, key, value)
        raise
    flush(s)
    return selection_round


def move_round(s: Session, round_id: int, status: RoundStatus | str, *,
               expected_version: int | None = None) -> SelectionRound:
    """Open or close the call (deciding and publishing have their own services, which
    check more)."""
    selection_round = get_for_update(s, SelectionRound, round_id, N_("selection round"),
                                     expected_version=expected_version)
    target = coerce_enum(RoundStatus, status, N_("Status"))
    if target in (RoundStatus.DECIDED, RoundStatus.PUBLISHED) or (
            selection_round.status == RoundStatus.DECIDED):
        raise SecretariatError(N_("Use “decide”, “undo decision” or “publish” for that step."))
    check_move(selection_round, target)
    selection_round.status = target
    flush(s)
    return selection_round


def check_move(selection_round: SelectionRound, target: RoundStatus) -> None:
    if not can_move(selection_round.status, target):
        raise SecretariatError(N_("A round that is “{current}” cannot become “{target}”."),
                               current=_Status(selection_round.status), target=_Status(target))


class _Status:
    """A status's label, translated when the message is shown."""

    def __init__(self, status: RoundStatus):
        self.status = status

    def __str__(self) -> str:
        from secretariat.i18n import _

        return _(self.status.label)


def _checked_values(s: Session, fields: dict[str, object]) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, value in fields.items():
        if key == "title":
            values["title"] = required_text(value, N_("Title"))  # type: ignore[arg-type]
        elif key == "sector_code":
            sector = sector_by_code(s, str(value))
            if sector.side != Side.NON_GOVERNMENT:
                raise SecretariatError(N_("Selection rounds fill non-government seats; "
                                          "“{sector}” is a government sector."),
                                       sector=sector.code)
            values["sector_id"] = sector.id
        elif key == "seats":
            values["seats"] = _seats(value)
        elif key == "term_start":
            values["term_start"] = check_date(value, N_("Term start"))  # type: ignore[arg-type]
        elif key == "method":
            values["method"] = coerce_enum(SelectionMethod, value, N_("Method"))  # type: ignore[arg-type]
        elif key == "hash_name":
            if value not in HASHES:
                raise SecretariatError(N_("The hash must be one of: {names}."),
                                       names=", ".join(HASHES))
            values["hash_name"] = value
        elif key in _TEXT:
            values[key] = optional_text(value, N_("Text"))  # type: ignore[arg-type]
        elif key in _DATES:
            values[key] = check_optional_date(value, N_("Date"))  # type: ignore[arg-type]
        else:
            raise TypeError(f"unknown field: {key}")
    return values


def _seats(value: object) -> int:
    try:
        seats = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        seats = 0
    if not 1 <= seats <= 1000:
        raise SecretariatError(N_("A round fills from 1 to 1000 seats (got “{value}”)."),
                               value=value)
    return seats


def _check_timeline(r: SelectionRound) -> None:
    if r.call_opens and r.call_closes and r.call_closes < r.call_opens:
        raise SecretariatError(N_("The call cannot close ({closes}) before it opens "
                                  "({opens})."), closes=r.call_closes, opens=r.call_opens)
    if r.call_closes and r.decision_date and r.decision_date < r.call_closes:
        raise SecretariatError(N_("The draw or count ({day}) cannot come before the call "
                                  "closes ({closes})."), day=r.decision_date,
                               closes=r.call_closes)
    if r.term_end and r.term_end < r.term_start:
        raise SecretariatError(N_("The term cannot end on {end}, before it started on "
                                  "{start}."), end=r.term_end, start=r.term_start)
