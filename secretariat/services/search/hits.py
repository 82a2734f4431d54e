"""Turning search matches into what a result list shows: title, date, snippet.

The queries in ``search`` only decide *which* records match and in what order; this
module reads those few records (at most ``limit``) from their own tables, so titles
and snippets always show the current, unfolded text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.i18n import N_, _
from secretariat.model import AgendaItem, Decision, Document, Meeting, Minutes, MinutesEntry
from secretariat.services.search import words
from secretariat.services.search.index import TAI, TAI_FORMAL

SNIPPET_CHARS = 40
TITLE_WORDS_CHARS = 24  # how much of a decision's text follows its number in a title
TITLE_WORDS_CHARS_EN = 48  # Latin letters are half as wide as Chinese characters
MINUTES_TITLE = N_("Minutes v{version}: {title}")


@dataclass(frozen=True)
class Snippet:
    """A short window of the matching text, split so the GUI can bold the match."""

    before: str
    match: str
    after: str

    def marked(self) -> str:
        return f"{self.before}«{self.match}»{self.after}"

    def __str__(self) -> str:
        return self.marked()


@dataclass(frozen=True)
class MeetingRef:
    """The meeting a hit belongs to: its titles, start and the zone of its clock."""

    title: str
    title_en: str
    starts_at: dt.datetime
    time_zone: str


def _meeting(r) -> MeetingRef:
    return MeetingRef(r.meeting_title, r.meeting_title_en or "", r.starts_at, r.time_zone)


_MEETING_COLUMNS = (Meeting.title.label("meeting_title"),
                    Meeting.title_en.label("meeting_title_en"), Meeting.starts_at,
                    Meeting.time_zone, Meeting.is_public)


@dataclass(frozen=True)
class Record:
    kind: str
    record_id: int
    meeting_id: int | None
    agenda_item_id: int | None
    title: str
    title_en: str  # the English title, "" when the record has no English text
    date: dt.datetime
    is_public: bool
    fields: tuple[str, ...]  # the searched texts, in the order they were indexed
    # Where it belongs, as a person names it (the CLI prints these; a document has none).
    meeting: MeetingRef | None = None
    item_position: int | None = None  # the agenda item's number in its meeting's agenda
    decision_number: str = ""

    def hit_fields(self) -> dict:
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        del values["fields"]
        return values


def load(s: Session, found: Sequence[tuple[str, int]]) -> list[Record]:
    """The records behind ``(source, id)`` pairs, in the same order."""
    by_source: dict[str, list[int]] = {}
    for source, source_id in found:
        by_source.setdefault(source, []).append(source_id)
    records: dict[tuple[str, int], Record] = {}
    for source, ids in by_source.items():
        for source_id, record in _LOADERS[source](s, ids):
            records[source, source_id] = record
    return [records[key] for key in found if key in records]


def _agenda_items(s: Session, ids: list[int]):
    rows = s.execute(
        select(AgendaItem.id, AgendaItem.meeting_id, AgendaItem.title, AgendaItem.title_en,
               AgendaItem.position, *_MEETING_COLUMNS)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id).where(AgendaItem.id.in_(ids)))
    for r in rows:
        yield r.id, Record("agenda_item", r.id, r.meeting_id, r.id, r.title or r.title_en,
                           r.title_en or "", r.starts_at, r.is_public, (r.title, r.title_en),
                           _meeting(r), r.position)


def _minutes_titles(version: int, about: str, about_en: str | None) -> tuple[str, str]:
    """The title in the interface language, and the English one (msgid untranslated)."""
    title = _(MINUTES_TITLE).format(version=version, title=about)
    title_en = MINUTES_TITLE.format(version=version, title=about_en) if about_en else ""
    return title, title_en


def _minutes(s: Session, ids: list[int]):
    rows = s.execute(
        select(Minutes.id, Minutes.meeting_id, Minutes.version_no, Minutes.general_text,
               *_MEETING_COLUMNS)
        .join(Meeting, Meeting.id == Minutes.meeting_id).where(Minutes.id.in_(ids)))
    for r in rows:
        yield r.id, Record("minutes", r.id, r.meeting_id, None,
                           *_minutes_titles(r.version_no, r.meeting_title, r.meeting_title_en),
                           r.starts_at, r.is_public, (r.general_text,), _meeting(r))


def _minutes_entries(s: Session, ids: list[int]):
    rows = s.execute(
        select(MinutesEntry.id, MinutesEntry.minutes_id, MinutesEntry.agenda_item_id,
               MinutesEntry.text, Minutes.version_no, Minutes.meeting_id,
               AgendaItem.title, AgendaItem.title_en, AgendaItem.position, *_MEETING_COLUMNS)
        .join(Minutes, Minutes.id == MinutesEntry.minutes_id)
        .join(Meeting, Meeting.id == Minutes.meeting_id)
        .join(AgendaItem, AgendaItem.id == MinutesEntry.agenda_item_id)
        .where(MinutesEntry.id.in_(ids)))
    for r in rows:
        yield r.id, Record("minutes", r.minutes_id, r.meeting_id, r.agenda_item_id,
                           *_minutes_titles(r.version_no, r.title, r.title_en), r.starts_at,
                           r.is_public, (r.text,), _meeting(r), r.position)


def _decisions(s: Session, ids: list[int]):
    rows = s.execute(
        select(Decision.id, Decision.number, Decision.meeting_id, Decision.agenda_item_id,
               Decision.text, Decision.text_en, Decision.rationale, Decision.decided_at,
               Decision.is_public, Meeting.title.label("meeting_title"),
               Meeting.title_en.label("meeting_title_en"), Meeting.starts_at,
               Meeting.time_zone, AgendaItem.position)
        .outerjoin(Meeting, Meeting.id == Decision.meeting_id)
        .outerjoin(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .where(Decision.id.in_(ids)))
    for r in rows:
        title = f"{r.number} {_first_words(r.text or r.text_en)}".strip()
        title_en = (f"{r.number} {_first_words(r.text_en, TITLE_WORDS_CHARS_EN)}"
                    if r.text_en else "")
        yield r.id, Record("decision", r.id, r.meeting_id, r.agenda_item_id, title, title_en,
                           r.decided_at, r.is_public, (r.text, r.text_en, r.rationale),
                           _meeting(r) if r.meeting_id is not None else None, r.position,
                           r.number or "")


def _documents(s: Session, ids: list[int]):
    rows = s.execute(
        select(Document.id, Document.title, Document.description, Document.added_at,
               Document.is_public).where(Document.id.in_(ids)))
    for r in rows:
        # A document has one title, whatever its language.
        yield r.id, Record("document", r.id, None, None, r.title, r.title, r.added_at,
                           r.is_public, (r.title, r.description))


_LOADERS = {
    "agenda_item": _agenda_items,
    "minutes": _minutes,
    "minutes_entry": _minutes_entries,
    "decision": _decisions,
    "document": _documents,
}


def _first_words(value: str, chars: int = TITLE_WORDS_CHARS) -> str:
    """The start of ``value`` in at most ``chars`` characters, cut after a whole word
    when there are spaces to cut at (Chinese has none: it is cut anywhere)."""
    flat = " ".join(value.split())
    if len(flat) <= chars:
        return flat
    cut = flat[: chars - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > chars // 2 else cut) + "…"


def _locating_fold(value: str) -> str:
    """Case- and 台-folded text with every character kept in place, so that an index in
    the result is an index in ``value`` (``str.lower`` alone may change the length)."""
    return "".join(
        low if len(low := c.lower()) == 1 else c for c in value.replace(TAI, TAI_FORMAL))


def snippet(fields: Iterable[str | None], terms: Sequence[str]) -> Snippet:
    """About SNIPPET_CHARS characters around the first match in the first field that has
    one (fields are not run together: a window never mixes the Chinese and English text)."""
    folded_terms = [_locating_fold(t) for t in terms]
    texts = [" ".join((f or "").split()) for f in fields]  # one line, for a result list
    for value in texts:
        folded = _locating_fold(value)
        found = [(i, len(t)) for t in folded_terms if (i := words.find(folded, t)) >= 0]
        if found:
            start, length = min(found)
            return _window(value, start, length)
    # Unreachable for a real match; a record changed since the query still gets a line.
    first = next((v for v in texts if v), "")
    return Snippet("", "", _cut_after(first, SNIPPET_CHARS))


def _window(value: str, start: int, length: int) -> Snippet:
    """The match with some text before and more after, cut between words in alphabetic
    text (anywhere in Chinese, where every character is a boundary), with an ellipsis
    where text was left out."""
    room = max(SNIPPET_CHARS - length, 0)
    lead = room // 3  # more context after the match than before, as people read on
    begin = _next_boundary(value, max(start - lead, 0), start)
    before = value[begin:start]
    if begin > 0:
        before = "…" + before.lstrip()
    after = _cut_after(value[start + length:], room - (start - begin))
    return Snippet(before, value[start:start + length], after)


def _is_boundary(value: str, i: int) -> bool:
    """Whether a cut before ``value[i]`` leaves every word whole."""
    return (i <= 0 or i >= len(value) or not words.is_alphabetic(value[i - 1])
            or not words.is_alphabetic(value[i]))


def _next_boundary(value: str, i: int, limit: int) -> int:
    while i < limit and not _is_boundary(value, i):
        i += 1
    return i


def _cut_after(value: str, chars: int) -> str:
    """``value`` in about ``chars`` characters, cut between words (back to the last word
    end, or on to the end of a word longer than the room), "…" marking the cut."""
    if len(value) <= chars:
        return value
    cut = max(chars, 0)
    back = cut
    while back > 0 and not _is_boundary(value, back):
        back -= 1
    if back > 0 or _is_boundary(value, cut):
        cut = back
    else:  # the first word fills the room: show it whole rather than nothing
        cut = _next_boundary(value, cut, len(value))
    kept = value[:cut].rstrip()
    return kept + "…" if cut < len(value) else kept
