"""The stretch of days a check judges: its phase of the cycle, up to the day judged; and
the verdicts shared by many checks (before the phase began; a share of records in
order)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from secretariat.compliance.facts import Facts
from secretariat.compliance.result import Evidence, Label, Message, Outcome, Status
from secretariat.i18n import N_
from secretariat.vocabulary import Phase


@dataclass(frozen=True)
class Period:
    phase: Phase
    start: dt.date
    last: dt.date  # the phase's last day
    day: dt.date  # the day judged

    @property
    def end(self) -> dt.date:
        """The last day judged: the day, or the phase's end if that came first."""
        return min(self.last, self.day)

    @property
    def ended(self) -> bool:
        return self.day >= self.last

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def period(facts: Facts, params, day: dt.date, default: Phase = Phase.WHOLE_CYCLE) -> Period:
    phase = Phase(params.get("phase", default))
    start, last = facts.cycle.period(phase)
    return Period(phase, start, last, day)


def before_start(span: Period, *, due_on: dt.date | None = None) -> Outcome | None:
    """NOT_YET_DUE when the phase has not begun on the day judged, else None."""
    if span.day >= span.start:
        return None
    return Outcome.of(Status.NOT_YET_DUE,
                      Message(N_("The phase “{phase}” begins on {start}."),
                              {"phase": Label(span.phase.label), "start": span.start}),
                      due_on=due_on or span.start)


def share_outcome(good: list[Evidence], bad: list[Evidence], *, what: Message,
                  remedy: Message, nothing: Message, due_on: dt.date | None = None,
                  counts: tuple[int, int] | None = None) -> Outcome:
    """Every record in order: met; some: partly met; none: not met; no records at all:
    not yet due (``nothing`` says what is awaited). ``what`` may use {good} and
    {total}. ``counts`` (good, bad) when the lists hold only the evidence to show."""
    n_good, n_bad = counts or (len(good), len(bad))
    total = n_good + n_bad
    if total == 0:
        return Outcome.of(Status.NOT_YET_DUE, nothing, remedy=remedy, due_on=due_on)
    explanation = Message(what.msgid, {**what.params, "good": n_good, "total": total})
    status = Status.MET if not n_bad else Status.PARTLY_MET if n_good else Status.NOT_MET
    return Outcome.of(status, explanation, remedy=None if not n_bad else remedy,
                      evidence=[*bad, *good], due_on=due_on, total=total)


def kinds_label(kinds) -> tuple[Label, ...]:
    from secretariat.vocabulary import MeetingKind

    return tuple(Label(MeetingKind(kind).label) for kind in kinds)
