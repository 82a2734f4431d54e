"""How far the forum is from the IRM's "acting contrary to process" triggers, and what
falls due soon (the home screen's lines).

The triggers, as OGP states them (https://opengovpartnership.org/ogp-letters, updated
25 July 2022): (1) no action plan published within 12 months after the end of the last
one; (2) the minimum requirements of the standards not met, as assessed by the IRM;
(3) no progress on the implementation of any commitment, as assessed by the IRM.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from secretariat.compliance.facts import Facts
from secretariat.compliance.result import Label, Message, Result, Status
from secretariat.i18n import N_
from secretariat.standards.catalogue import Level

PLAN_GRACE_MONTHS = 12
NO_PROGRESS = ("not_started", "no_evidence")
SOON_DAYS = 30


@dataclass(frozen=True)
class Trigger:
    key: str  # "action_plan", "minimum_requirements", "commitment_progress"
    reached: bool
    message: Message
    # Days left before the trigger is reached (None: not a matter of days).
    days_left: int | None = None


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError


def plan_trigger(facts: Facts, day: dt.date) -> Trigger:
    """An action plan is published within 12 months after the previous one ended: the
    previous cycle's end if one is recorded, else this cycle's development end counts as
    the due day of its plan."""
    cycle = facts.cycle
    due = cycle.previous_end or cycle.development[1]
    deadline = _months_later(due, PLAN_GRACE_MONTHS)
    submitted = cycle.plan_submitted_on
    if submitted is not None and submitted <= day:
        return Trigger("action_plan", submitted > deadline, Message(N_(
            "The action plan was submitted on {submitted} (the limit: {deadline})."),
            {"submitted": submitted, "deadline": deadline}))
    if day > deadline:
        return Trigger("action_plan", True, Message(N_(
            "No action plan was submitted by {deadline}, 12 months after {due}."),
            {"deadline": deadline, "due": due}), 0)
    return Trigger("action_plan", False, Message(N_(
        "No action plan submitted yet; {days} days left until {deadline}."),
        {"days": (deadline - day).days, "deadline": deadline}), (deadline - day).days)


def minimum_trigger(results: list[Result] | tuple[Result, ...]) -> Trigger:
    basic = [r for r in results if r.level == Level.BASIC.value]
    failing = [r for r in basic if r.status in (Status.NOT_MET, Status.PARTLY_MET)]
    return Trigger("minimum_requirements", bool(failing), Message(N_(
        "{failing} of {total} basic requirements are not (or only partly) met."),
        {"failing": len(failing), "total": len(basic)}), None)


def progress_trigger(facts: Facts, day: dt.date) -> Trigger:
    latest: dict[int, tuple[dt.date, str]] = {}
    for update in facts.progress:
        if update.reported_on <= day and (update.commitment_id not in latest or
                                          latest[update.commitment_id][0] <= update.reported_on):
            latest[update.commitment_id] = (update.reported_on, update.completion)
    moving = [cid for cid, (_d, completion) in latest.items() if completion not in NO_PROGRESS]
    total = len(facts.commitments)
    started = day >= facts.cycle.implementation[0]
    return Trigger("commitment_progress", started and total > 0 and not moving, Message(N_(
        "{moving} of {total} commitments show progress."),
        {"moving": len(moving), "total": total}), None)


def early_warning(facts: Facts, results, day: dt.date) -> list[Trigger]:
    return [plan_trigger(facts, day), minimum_trigger(results),
            progress_trigger(facts, day)]


def due_soon(facts: Facts, results, day: dt.date, *, within: int = SOON_DAYS) -> list[Message]:
    """Lines for the home screen: each meeting-interval requirement coming due (how long
    since the last meeting), then others falling due within ``within`` days, then
    contributions whose responses are overdue."""
    lines: list[Message] = []
    seen: set[tuple] = set()
    for result in results:
        outcome = result.outcome
        if outcome.due_on is None or not 0 <= (outcome.due_on - day).days <= within:
            continue
        left = (outcome.due_on - day).days
        meetings = [e for e in outcome.evidence if e.kind == "meeting" and e.day]
        key = (outcome.due_on, bool(meetings))
        if key in seen:
            continue
        seen.add(key)
        if meetings:
            last = max(e.day for e in meetings)
            lines.append(Message(N_(
                "The forum has not met for {days} days; the requirement {id} falls due in "
                "{left} days."), {"days": (day - last).days, "id": result.entry_id,
                                   "left": left}))
        else:
            lines.append(Message(N_("{id} ({status}) falls due in {left} days, on {due}."),
                                 {"id": result.entry_id, "status": Label(outcome.status.label),
                                  "left": left, "due": outcome.due_on}))
    overdue = sum(1 for c in facts.contributions if c.responded_on is None
                  and (day - c.received_on).days > 20)
    if overdue:
        lines.append(Message(N_("Contributions waiting for a response past their 20 "
                                "days: {count}."), {"count": overdue}))
    return lines
