"""What the co-creation and compliance page tests share: the day the demo is built around."""

from __future__ import annotations

import datetime as dt

DEMO_NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.timezone.utc)
DEMO_DAY = DEMO_NOW.date()
