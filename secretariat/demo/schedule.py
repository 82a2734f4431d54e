"""When and how the demo forums meet, as plain data shared by both generators."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from secretariat.demo import texts
from secretariat.model import MeetingKind, MeetingStatus, Modality, Phase
from secretariat.services.meetings.decisions import decision_prefix

ZONE = ZoneInfo(texts.TIME_ZONE)
# Forum meetings dominate; the others keep every kind of meeting in the data.
KIND_WEIGHTS = (
    (MeetingKind.FORUM, 35), (MeetingKind.WORKING_GROUP, 35), (MeetingKind.OPEN, 10),
    (MeetingKind.CONSULTATION, 12), (MeetingKind.MINISTERIAL, 8),
)
# Local start hour and length in hours, by kind.
TIMES = {
    MeetingKind.FORUM: (14, 3), MeetingKind.WORKING_GROUP: (10, 2), MeetingKind.OPEN: (14, 2),
    MeetingKind.CONSULTATION: (19, 2), MeetingKind.MINISTERIAL: (9, 2),
}
DECIDING_KINDS = (MeetingKind.FORUM, MeetingKind.WORKING_GROUP, MeetingKind.MINISTERIAL)
# Meetings about one topic (their title names it, and most of their agenda is on it).
TOPICAL_KINDS = (MeetingKind.WORKING_GROUP, MeetingKind.OPEN, MeetingKind.CONSULTATION)


@dataclass(frozen=True)
class MeetingPlan:
    kind: MeetingKind
    phase: Phase
    modality: Modality
    status: MeetingStatus
    title: str
    title_en: str
    starts_at: dt.datetime  # aware, UTC
    ends_at: dt.datetime
    location: str
    remote_link: str
    is_public: bool
    topic: tuple[str, str] | None = None  # (zh_TW, English) of a topical meeting

    @property
    def local_date(self) -> dt.date:
        return self.starts_at.astimezone(ZONE).date()

    @property
    def takes_decisions(self) -> bool:
        return self.status == MeetingStatus.HELD and self.kind in DECIDING_KINDS


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _modality_fields(rng: random.Random, kind: MeetingKind) -> tuple[Modality, str, str]:
    modality = _weighted(rng, ((Modality.IN_PERSON, 45), (Modality.HYBRID, 40),
                               (Modality.REMOTE, 15)))
    if kind == MeetingKind.CONSULTATION and modality == Modality.REMOTE:
        modality = Modality.HYBRID  # consultations always offer a room as well
    location = rng.choice(texts.LOCATIONS) if modality != Modality.REMOTE else ""
    link = texts.REMOTE_LINK if modality != Modality.IN_PERSON else ""
    return modality, location, link


def plan_meetings(rng: random.Random, *, first_day: dt.date, now: dt.datetime, past: int,
                  upcoming: int, kinds: list[MeetingKind] | None = None) -> list[MeetingPlan]:
    """``past`` meetings spread from ``first_day`` up to ``now``, then ``upcoming`` in the
    next weeks, in time order. ``kinds`` fixes the kind of each meeting when given."""
    today = now.astimezone(ZONE).date()
    span = max((today - first_day).days, 1)
    days = [first_day + dt.timedelta(days=int(span * (i + rng.random() * 0.8) / past))
            for i in range(past)]
    days += [today + dt.timedelta(days=14 + 21 * i + rng.randint(0, 6)) for i in range(upcoming)]
    counters: dict[MeetingKind, int] = {}
    plans = []
    for index, day in enumerate(days):
        kind = kinds[index] if kinds else _weighted(rng, KIND_WEIGHTS)
        counters[kind] = counters.get(kind, 0) + 1
        hour, hours = TIMES[kind]
        starts = dt.datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)
        if index < past and starts >= now:  # a "past" meeting must have happened already
            starts = now.astimezone(ZONE).replace(hour=hour, minute=0, second=0,
                                                  microsecond=0) - dt.timedelta(days=1)
        modality, location, link = _modality_fields(rng, kind)
        topic = rng.choice(texts.TOPICS)
        title, title_en = texts.meeting_title(kind.value, counters[kind], rng, topic=topic)
        held = index < past
        cancelled = held and kind != MeetingKind.FORUM and rng.random() < 0.02
        status = (MeetingStatus.CANCELLED if cancelled
                  else MeetingStatus.HELD if held else MeetingStatus.PLANNED)
        phase = _weighted(rng, ((Phase.DEVELOPMENT, 45), (Phase.IMPLEMENTATION, 40),
                                (Phase.WHOLE_CYCLE, 15)))
        plans.append(MeetingPlan(
            kind, phase, modality, status, title, title_en,
            starts.astimezone(dt.timezone.utc),
            (starts + dt.timedelta(hours=hours)).astimezone(dt.timezone.utc),
            location, link,
            is_public=kind in (MeetingKind.OPEN, MeetingKind.CONSULTATION) or rng.random() < 0.5,
            topic=topic if kind in TOPICAL_KINDS else None,
        ))
    return plans


def decision_prefixes(plans: list[MeetingPlan]) -> dict[int, str]:
    """``YYYY-Snn`` per meeting index, as ``services.decisions`` numbers them: the ordinal
    of the meeting among that year's non-cancelled meetings, by start."""
    prefixes: dict[int, str] = {}
    per_year: dict[int, int] = {}
    order = sorted(range(len(plans)), key=lambda i: plans[i].starts_at)
    for index in order:
        plan = plans[index]
        if plan.status == MeetingStatus.CANCELLED:
            continue
        year = plan.local_date.year
        per_year[year] = per_year.get(year, 0) + 1
        prefixes[index] = decision_prefix(year, per_year[year])
    return prefixes


def spread(rng: random.Random, total: int, slots: int, low: int, high: int) -> list[int]:
    """``slots`` random counts between ``low`` and ``high`` that add up to exactly ``total``
    (bounds are widened if they cannot reach it)."""
    if slots == 0:
        return []
    low = min(low, total // slots)
    high = max(high, -(-total // slots))
    counts = [rng.randint(low, high) for _ in range(slots)]
    diff = total - sum(counts)
    while diff:
        i = rng.randrange(slots)
        if diff > 0 and counts[i] < high:
            counts[i] += 1
            diff -= 1
        elif diff < 0 and counts[i] > low:
            counts[i] -= 1
            diff += 1
    return counts
