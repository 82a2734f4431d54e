"""Where the engine reads the rules of the terms of reference: the version in force on the
day judged, or on each meeting's day (``services.terms.in_force``), so a meeting held under
an earlier version is judged by that version's notice period."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.model import TermsOfReference
from secretariat.services.terms.in_force import DEFAULT_RULES, rules_on
from secretariat.terms_vocabulary import TermsStatus


def notice_days_on(s: Session, day: dt.date) -> int:
    """The notice period for meetings in force on ``day``."""
    return rules_on(s, day).notice_days


def notice_days_by_day(s: Session) -> Callable[[dt.date], int]:
    """The notice period in force on any day, from one query (a thousand meetings are
    judged without a query each). Same choice as ``terms_in_force``: the latest adoption
    on or before the day, the higher version number on a tie."""
    adopted = s.execute(
        select(TermsOfReference.adopted_on, TermsOfReference.version_no,
               TermsOfReference.notice_days)
        .where(TermsOfReference.status != TermsStatus.DRAFT,
               TermsOfReference.adopted_on.is_not(None))
        .order_by(TermsOfReference.adopted_on, TermsOfReference.version_no)).all()
    days = [row.adopted_on for row in adopted]

    def on(day: dt.date) -> int:
        at = bisect.bisect_right(days, day)
        return adopted[at - 1].notice_days if at else DEFAULT_RULES.notice_days

    return on
