"""Records checks decided by meetings: how often they were held, how many, remote
participation, notice, papers circulated, documents tabled."""

from __future__ import annotations

import datetime as dt

from secretariat.compliance.facts import Facts, MeetingFact
from secretariat.compliance.periods import (
    Period,
    before_start,
    kinds_label,
    period,
    share_outcome,
)
from secretariat.compliance.result import Evidence, Label, Message, Outcome, Status
from secretariat.i18n import N_
from secretariat.vocabulary import DocumentKind, MeetingKind, Modality

REMOTE = (Modality.REMOTE.value, Modality.HYBRID.value)


def _held(facts: Facts, span: Period, kinds=None, modalities=None) -> list[MeetingFact]:
    return sorted((m for m in facts.meetings
                   if m.held and span.holds(m.day) and (kinds is None or m.kind in kinds)
                   and (modalities is None or m.modality in modalities)),
                  key=lambda m: (m.day, m.id))


def _evidence(meetings, ok: bool = True) -> list[Evidence]:
    return [Evidence("meeting", m.id, m.day, ok) for m in meetings]


def meeting_interval(params, facts: Facts, day: dt.date) -> Outcome:
    """Held meetings never more than ``max_days`` apart, nor from the start of the phase
    to the first, nor from the last to the day judged (or the phase's end)."""
    if params.get("per_group"):
        return Outcome.of(Status.CANNOT_TELL, Message(N_(
            "Meetings do not record which working group held them, so the interval of "
            "each group's meetings cannot be measured.")), remedy=Message(N_(
                "Attest the working groups' meeting frequency with their minutes as "
                "evidence.")))
    span = period(facts, params, day)
    limit = params["max_days"]
    early = before_start(span, due_on=span.start + dt.timedelta(days=limit))
    if early:
        return early
    meetings = _held(facts, span, params["meeting_kinds"])
    kinds = kinds_label(params["meeting_kinds"])
    points = [span.start, *(m.day for m in meetings), span.end]
    gaps = [(later - earlier).days for earlier, later in zip(points, points[1:])]
    too_long = [(points[i], points[i + 1], gap) for i, gap in enumerate(gaps) if gap > limit]
    last_held = meetings[-1].day if meetings else span.start
    due_on = None if span.ended else last_held + dt.timedelta(days=limit)
    remedy = Message(N_("Hold a meeting ({kinds}) at least every {max} days."),
                     {"kinds": kinds, "max": limit})
    if too_long:
        start, end, gap = max(too_long, key=lambda found: found[2])
        return Outcome.of(Status.NOT_MET, Message(N_(
            "Gaps of more than {max} days between meetings ({kinds}): {count}; the "
            "longest was {gap} days, from {start} to {end}."),
            {"count": len(too_long), "kinds": kinds, "max": limit, "gap": gap,
             "start": start, "end": end}), remedy=remedy, evidence=_evidence(meetings),
            due_on=due_on)
    if not meetings:
        return Outcome.of(Status.NOT_YET_DUE, Message(N_(
            "No meeting ({kinds}) held yet; the first is due by {due}."),
            {"kinds": kinds, "due": due_on}), remedy=remedy, due_on=due_on)
    return Outcome.of(Status.MET, Message(N_(
        "Meetings ({kinds}) held: {count}, never more than {max} days apart (the longest "
        "gap: {gap} days)."), {"count": len(meetings), "kinds": kinds, "max": limit,
                               "gap": max(gaps)}), evidence=_evidence(meetings),
        due_on=due_on)


def _years(span: Period) -> list[tuple[dt.date, dt.date]]:
    """The phase cut into years from its first day (the last may be shorter)."""
    years, start = [], span.start
    while start <= span.last:
        try:
            following = start.replace(year=start.year + 1)
        except ValueError:  # 29 February
            following = start.replace(year=start.year + 1, day=28)
        years.append((start, min(following - dt.timedelta(days=1), span.last)))
        start = following
    return years


def _count_outcome(found: list[MeetingFact], minimum: int, span: Period, kinds,
                   remedy: Message) -> Outcome:
    if len(found) >= minimum:
        return Outcome.of(Status.MET, Message(N_(
            "Meetings ({kinds}) held in the phase: {count}; at least {min} needed."),
            {"count": len(found), "kinds": kinds, "min": minimum}), evidence=_evidence(found))
    if not span.ended:
        return Outcome.of(Status.NOT_YET_DUE, Message(N_(
            "{count} of at least {min} meetings ({kinds}) held so far; the phase ends on "
            "{end}."), {"count": len(found), "min": minimum, "kinds": kinds,
                        "end": span.last}), remedy=remedy, evidence=_evidence(found),
            due_on=span.last)
    return Outcome.of(Status.PARTLY_MET if found else Status.NOT_MET, Message(N_(
        "Only {count} of at least {min} meetings ({kinds}) were held in the phase."),
        {"count": len(found), "min": minimum, "kinds": kinds}), remedy=remedy,
        evidence=_evidence(found))


def meeting_count(params, facts: Facts, day: dt.date) -> Outcome:
    """At least ``min_count`` held meetings in every year of the phase (or in the phase);
    a year still running is judged once it ends or the count is reached."""
    span = period(facts, params, day)
    early = before_start(span)
    if early:
        return early
    kinds, minimum = kinds_label(params["meeting_kinds"]), params["min_count"]
    meetings = _held(facts, span, params["meeting_kinds"], params.get("modalities"))
    remedy = Message(N_("Hold at least {min} meetings ({kinds}) in each {per}."),
                     {"min": minimum, "kinds": kinds,
                      "per": Label(N_("year") if params["per"] == "year" else N_("phase"))})
    if params["per"] == "phase":
        return _count_outcome(meetings, minimum, span, kinds, remedy)
    good, bad, due_on = [], [], None
    for start, end in _years(span):
        if start > span.end:
            break
        found = [m for m in meetings if start <= m.day <= end]
        if len(found) >= minimum:
            good.append((start, end, len(found)))
        elif end <= span.end:
            bad.append((start, end, len(found)))
        else:
            due_on = end  # the running year still has time
    if not good and not bad:
        return Outcome.of(Status.NOT_YET_DUE, Message(N_(
            "{count} of at least {min} meetings ({kinds}) held in the first year so far; "
            "it ends on {end}."), {"count": len(meetings), "min": minimum, "kinds": kinds,
                                  "end": due_on}), remedy=remedy,
            evidence=_evidence(meetings), due_on=due_on)
    if not bad:
        return Outcome.of(Status.MET, Message(N_(
            "At least {min} meetings ({kinds}) held in each of {years} years."),
            {"min": minimum, "kinds": kinds, "years": len(good)}),
            evidence=_evidence(meetings), due_on=due_on)
    start, end, count = bad[0]
    return Outcome.of(Status.PARTLY_MET if good else Status.NOT_MET, Message(N_(
        "{missed} of {years} years had fewer than {min} meetings ({kinds}); from {start} "
        "to {end}: {count}."), {"missed": len(bad), "years": len(good) + len(bad),
                                "min": minimum, "kinds": kinds, "start": start, "end": end,
                                "count": count}),
        remedy=remedy, evidence=_evidence(meetings), due_on=due_on)


def remote_participation(params, facts: Facts, day: dt.date) -> Outcome:
    span = period(facts, params, day)
    early = before_start(span)
    if early:
        return early
    kinds = params.get("meeting_kinds") or [kind.value for kind in MeetingKind]
    found = _held(facts, span, kinds, REMOTE)
    remedy = Message(N_("Offer remote participation (remote or hybrid) in at least {min} "
                        "meetings."), {"min": params["min_count"]})
    shown = kinds_label(kinds) if params.get("meeting_kinds") else (
        Label(N_("remote or hybrid, of any kind")),)
    return _count_outcome(found, params["min_count"], span, shown, remedy)


def advance_notice(params, facts: Facts, day: dt.date) -> Outcome:
    span = period(facts, params, day)
    days = params.get("min_days") or facts.notice_days
    if params["subject"] == "co_creation_timeline":
        return _timeline_notice(facts, day, days)
    early = before_start(span)
    if early:
        return early
    good, bad = [], []
    for m in _held(facts, span, [MeetingKind.FORUM.value]):
        # Without a period in the rule, each meeting by the terms in force on its day.
        needed = params.get("min_days") or m.notice_days or days
        ahead = (m.day - m.notice_day).days if m.notice_day else None
        (good if ahead is not None and ahead >= needed else bad).append(
            Evidence("meeting", m.id, m.day, ahead is not None and ahead >= needed))
    return share_outcome(good, bad, what=Message(N_(
        "{good} of {total} forum meetings had notice at least {days} days ahead."),
        {"days": days}), remedy=Message(N_("Send the notice at least {days} days before "
                                           "each meeting."), {"days": days}),
        nothing=Message(N_("No forum meeting held yet.")))


def _timeline_notice(facts: Facts, day: dt.date, days: int) -> Outcome:
    start = facts.cycle.development[0]
    deadline = start - dt.timedelta(days=days)
    found = sorted((p for p in facts.publications if p.subject == "development_timeline"
                    and p.day <= day), key=lambda p: p.day)
    remedy = Message(N_("Publish the co-creation timeline by {deadline}, {days} days "
                        "before development begins."), {"deadline": deadline, "days": days})
    if found and found[0].day <= deadline:
        return Outcome.of(Status.MET, Message(N_(
            "The timeline was published on {published}, at least {days} days before "
            "development began on {start}."), {"published": found[0].day, "days": days,
                                               "start": start}),
            evidence=[Evidence("publication", found[0].id, found[0].day)])
    if found:
        return Outcome.of(Status.PARTLY_MET, Message(N_(
            "The timeline was published on {published}, later than {deadline}."),
            {"published": found[0].day, "deadline": deadline}), remedy=remedy,
            evidence=[Evidence("publication", found[0].id, found[0].day, False)])
    if day <= deadline:
        return Outcome.of(Status.NOT_YET_DUE, Message(N_(
            "The timeline is due by {deadline}."), {"deadline": deadline}), remedy=remedy,
            due_on=deadline)
    return Outcome.of(Status.NOT_MET, Message(N_(
        "No timeline was published by {deadline}."), {"deadline": deadline}), remedy=remedy)


def meeting_papers(params, facts: Facts, day: dt.date) -> Outcome:
    """Each held meeting had papers on its agenda, all of them added by the day notice
    was sent."""
    span = period(facts, params, day)
    early = before_start(span)
    if early:
        return early
    kinds = kinds_label(params["meeting_kinds"])
    good, bad = [], []
    for m in _held(facts, span, params["meeting_kinds"]):
        ok = bool(m.papers) and m.notice_day is not None and all(
            added <= m.notice_day for _id, _kind, added in m.papers)
        (good if ok else bad).append(Evidence("meeting", m.id, m.day, ok))
    return share_outcome(good, bad, what=Message(N_(
        "{good} of {total} meetings ({kinds}) had their papers circulated with the "
        "notice."), {"kinds": kinds}), remedy=Message(N_(
            "Attach the papers to the agenda before sending the notice.")),
        nothing=Message(N_("No meeting ({kinds}) held yet."), {"kinds": kinds}))


def document_tabled(params, facts: Facts, day: dt.date) -> Outcome:
    span = period(facts, params, day)
    early = before_start(span)
    if early:
        return early
    kind = params["document_kind"]
    kinds = kinds_label(params["meeting_kinds"])
    document = Label(DocumentKind(kind).label)
    tabled = [(m, doc_id) for m in _held(facts, span, params["meeting_kinds"])
              for doc_id, doc_kind, _added in m.papers if doc_kind == kind]
    remedy = Message(N_("Put a document of the kind “{document}” on the agenda of a "
                        "meeting ({kinds})."), {"document": document, "kinds": kinds})
    if tabled:
        m, _doc = tabled[0]
        return Outcome.of(Status.MET, Message(N_(
            "A document of the kind “{document}” was on the agenda on {day}."),
            {"document": document, "day": m.day}),
            evidence=[e for m, doc_id in tabled for e in
                      (Evidence("meeting", m.id, m.day), Evidence("document", doc_id, m.day))])
    if not span.ended:
        return Outcome.of(Status.NOT_YET_DUE, Message(N_(
            "No document of the kind “{document}” on an agenda yet; the phase ends on "
            "{end}."), {"document": document, "end": span.last}), remedy=remedy,
            due_on=span.last)
    return Outcome.of(Status.NOT_MET, Message(N_(
        "No document of the kind “{document}” was on the agenda of a meeting ({kinds})."),
        {"document": document, "kinds": kinds}), remedy=remedy)
