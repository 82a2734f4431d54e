"""Validations the co-creation services share, so their messages read the same."""

from __future__ import annotations

import datetime as dt

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.services.validation import label, plausible_year_problem


def check_day(value: object, field: str) -> dt.date:
    """A calendar day in a plausible year; ``field`` is an N_() label."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise SecretariatError(N_("{field} must be a date."), field=label(field))
    problem = plausible_year_problem(value, field)
    if problem is not None:
        raise problem
    return value


def check_optional_day(value: object, field: str) -> dt.date | None:
    return None if value is None else check_day(value, field)


def check_order(first: dt.date, second: dt.date, *, first_field: str,
                second_field: str) -> None:
    """Refuse ``second`` before ``first`` (the same day is allowed)."""
    if second < first:
        raise SecretariatError(N_("{second_field} ({second}) is before {first_field} "
                                  "({first})."),
                               second_field=label(second_field), second=second,
                               first_field=label(first_field), first=first)
