"""A moment as the day it was where the meeting took place (its own time zone)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Asia/Taipei"


def local_date(moment: dt.datetime, zone: str | None) -> dt.date:
    try:
        return moment.astimezone(ZoneInfo(zone or DEFAULT_ZONE)).date()
    except (KeyError, ValueError):  # an unknown zone: the UTC day is still a day
        return moment.date()
