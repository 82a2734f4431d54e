"""What a user action changed, in one typed description every view refreshes from.

Every action (``ui/<page>/actions.py``) returns a ``Changes``; the undo commands and the
pages hand it to ``DatabaseWorker.changed``. Each view says once which kinds of record
it shows (``wants``) and, for a view of one meeting, which meeting; ``Changes.touches``
decides whether it reloads. A meeting editor thus follows an action item marked done on
the Action items page, and the members page ignores an agenda edit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class ChangeKind(enum.Flag):
    """The kinds of record an action can touch (combine with ``|``)."""

    FORUM = enum.auto()
    MEMBER = enum.auto()  # people, seats, terms
    MEETING = enum.auto()  # a meeting's own fields (title, times, status, notice…)
    AGENDA = enum.auto()  # agenda items and their papers
    ATTENDANCE = enum.auto()
    MINUTES = enum.auto()
    DECISION = enum.auto()
    ACTION_ITEM = enum.auto()
    DOCUMENT = enum.auto()
    INTEREST = enum.auto()  # declarations of interests, at meetings too, and breaches
    SELECTION = enum.auto()  # selection rounds, their candidates and inputs

    @classmethod
    def everything(cls) -> "ChangeKind":
        kinds = cls(0)
        for kind in cls:
            kinds |= kind
        return kinds


# What one meeting's records consist of: a meeting editor reloads on any of these.
MEETING_RECORD = (ChangeKind.MEETING | ChangeKind.AGENDA | ChangeKind.ATTENDANCE
                  | ChangeKind.MINUTES | ChangeKind.DECISION | ChangeKind.ACTION_ITEM
                  | ChangeKind.DOCUMENT)


@dataclass(frozen=True)
class Changes:
    """``kinds`` touched; ``meeting_ids`` the meetings whose records they belong to (empty:
    not tied to a meeting, or unknown, so every view of those kinds reloads); ``ids`` the
    records of the action's own kind, the one it created first (undo follows it)."""

    kinds: ChangeKind
    meeting_ids: frozenset[int] = field(default_factory=frozenset)
    ids: tuple[int, ...] = ()

    @classmethod
    def of_meeting(cls, kinds: ChangeKind, *meeting_ids: int | None,
                   ids: tuple[int, ...] = ()) -> "Changes":
        return cls(kinds, frozenset(m for m in meeting_ids if m is not None), ids)

    @classmethod
    def everything(cls) -> "Changes":
        """Many records at once (a demo forum loaded, an import): every view reloads."""
        return cls(ChangeKind.everything())

    def touches(self, kinds: ChangeKind, meeting_id: int | None = None) -> bool:
        """Whether a view showing ``kinds`` (of ``meeting_id`` only, if given) is stale."""
        if not self.kinds & kinds:
            return False
        return meeting_id is None or not self.meeting_ids or meeting_id in self.meeting_ids

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.kinds | other.kinds, self.meeting_ids | other.meeting_ids,
                       self.ids + other.ids)
