"""What a user does, as short functions over a session that call services.

Each operation runs on the database worker (``ui.worker``) and returns a ``Change``
naming what it touched, so only the views showing that refresh. Operations hold no Qt
objects: they are the seam the undo commands and the tests drive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MEMBERS = "members"
MEETINGS = "meetings"
FORUM = "forum"


@dataclass(frozen=True)
class Change:
    """``topic`` is one of MEMBERS, MEETINGS, FORUM; ``ids`` the records touched."""

    topic: str
    ids: tuple[int, ...] = field(default_factory=tuple)
