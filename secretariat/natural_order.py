"""Ordering texts with numbers in them by the numbers' values, with nothing but ``re``.

Kept apart from ``secretariat.services`` (which imports SQLAlchemy) so the desktop
application's member table can sort its rows before the database layer is imported
(see ``ui/first_page_snapshot.py``).
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\d+")


def natural_key(text: str) -> str:
    """A text key that orders the numbers inside labels by value ("席次 2" before
    "席次 10"). A string, not a tuple, so a Qt table can sort on it too."""
    return _DIGITS.sub(lambda run: run.group().lstrip("0").rjust(20, "0"), text)
