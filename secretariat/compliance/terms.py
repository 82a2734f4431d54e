"""Where the engine reads the rules of the terms of reference.

One small function, so that once versioned terms of reference exist (the terms-of-
reference work) it is rewired here to the version in force on the day, and nowhere else.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from secretariat.services.forum import require_forum


def notice_days_on(s: Session, day: dt.date) -> int:
    """The notice period for meetings in force on ``day`` (today: the forum's setting)."""
    return require_forum(s).notice_days
