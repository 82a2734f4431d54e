"""Forum operations: the welcome dialog's two choices and what the status bar shows."""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.services import forum as forum_service
from ui.changes import ChangeKind, Changes


@dataclass(frozen=True)
class ForumSummary:
    name_zh_tw: str
    name_en: str
    time_zone: str

    def name(self, language: str) -> str:
        return self.name_zh_tw if language == "zh_TW" or not self.name_en else self.name_en


def forum_summary(s) -> ForumSummary | None:
    forum = forum_service.get_forum(s)
    if forum is None:
        return None
    return ForumSummary(forum.name_zh_tw, forum.name_en, forum.time_zone)


def create_forum(s, *, name_zh_tw: str, name_en: str, languages: tuple[str, ...],
                 time_zone: str) -> Changes:
    forum = forum_service.create_forum(
        s, name_zh_tw=name_zh_tw, name_en=name_en, languages=languages, time_zone=time_zone
    )
    return Changes(ChangeKind.FORUM, ids=(forum.id,))
