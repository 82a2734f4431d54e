"""What changed between two versions of the terms of reference: the rules (old and new
value), the composition, and the text of every topic in both languages, as segments a
view can colour (``services.textdiff``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from secretariat.services import textdiff
from secretariat.services.terms.fields import FIELDS, Field
from secretariat.services.terms.versions import TermsView, view_version
from secretariat.terms_vocabulary import TOPIC_KEYS


@dataclass(frozen=True)
class RuleChange:
    field: Field
    old: object
    new: object


@dataclass(frozen=True)
class SeatsChange:
    sector_code: str
    sector_zh_tw: str
    sector_en: str
    old: tuple[int, int]  # (seats, alternates); (0, 0) when the sector had none
    new: tuple[int, int]


@dataclass(frozen=True)
class TextChange:
    topic: str
    language: str
    segments: list[textdiff.Segment]


@dataclass(frozen=True)
class TermsDiff:
    old_version: int
    new_version: int
    rules: list[RuleChange]
    seats: list[SeatsChange]
    texts: list[TextChange]

    @property
    def changed(self) -> bool:
        return bool(self.rules or self.seats or self.texts)


def compare_views(old: TermsView, new: TermsView) -> TermsDiff:
    rules = [RuleChange(f, old.rules[f.key], new.rules[f.key]) for f in FIELDS
             if old.rules[f.key] != new.rules[f.key]]
    before = {row.sector_code: row for row in old.seats}
    after = {row.sector_code: row for row in new.seats}
    seats = []
    for code in list(before) + [c for c in after if c not in before]:
        row = after.get(code) or before[code]
        was = (before[code].seats, before[code].alternates) if code in before else (0, 0)
        now = (after[code].seats, after[code].alternates) if code in after else (0, 0)
        if was != now:
            seats.append(SeatsChange(code, row.sector_zh_tw, row.sector_en, was, now))
    texts = []
    for topic in TOPIC_KEYS:
        for index, language in enumerate(("zh_TW", "en")):
            a, b = old.texts[topic][index], new.texts[topic][index]
            if a != b:
                texts.append(TextChange(topic, language, textdiff.segments(a, b)))
    return TermsDiff(old.version_no, new.version_no, rules, seats, texts)


def terms_diff(s: Session, old_version: int, new_version: int) -> TermsDiff:
    return compare_views(view_version(s, old_version), view_version(s, new_version))
