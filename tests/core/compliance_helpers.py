"""Plain facts for the compliance engine tests: a cycle and records built by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt

from secretariat.compliance import facts as f

D = dt.date
DEV = (D(2025, 1, 1), D(2025, 8, 31))
IMPL = (D(2025, 9, 1), D(2027, 8, 31))
CYCLE = f.CycleFacts(id=1, name="2025–2027", catalogue="seed", development=DEV,
                     implementation=IMPL)


def facts(**records) -> f.Facts:
    return f.Facts(cycle=records.pop("cycle", CYCLE), **records)


def days_after(start: dt.date, n: int) -> dt.date:
    return start + dt.timedelta(days=n)


def meeting(id_: int, day: dt.date, *, kind="forum_meeting", modality="in_person",
            held=True, notice_day=None, papers=()) -> f.MeetingFact:
    return f.MeetingFact(id=id_, kind=kind, modality=modality, held=held, day=day,
                         notice_day=notice_day, papers=tuple(papers))


def meetings_every(start: dt.date, gaps: list[int], **kw) -> tuple[f.MeetingFact, ...]:
    """Meetings on ``start`` and then after each gap in turn."""
    out, day = [meeting(1, start, **kw)], start
    for number, gap in enumerate(gaps, 2):
        day = days_after(day, gap)
        out.append(meeting(number, day, **kw))
    return tuple(out)


def replace(obj, **changes):
    return dataclasses.replace(obj, **changes)
