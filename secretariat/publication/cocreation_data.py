"""What the site shows of co-creation, selection and compliance, read once: the action-plan
cycles with their timeline, the contributions with the government's responses (never who
sent them), the commitments with their published progress, the published selection rounds
and the compliance status of the cycle running on the day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class CycleView:
    id: int
    name: str
    phases: tuple[tuple[str, dt.date, dt.date], ...]  # (phase msgid, start, end)
    milestones: tuple[tuple[str, dt.date, dt.date | None], ...]  # (title, due, done)
    contributions: tuple[tuple, ...]  # (received_on, kind, region, channel, topic, text,
    #                                    response, responded_on), oldest first
    commitments: tuple[tuple, ...]  # (title, lead agency, latest published progress or None)


@dataclass(frozen=True)
class RoundView:
    id: int
    title: str
    title_en: str
    method: str  # msgid of the method's label
    seats: int
    selected: tuple[tuple[str, str], ...]  # (name, English name), in order of selection
    files: dict  # the round's open data, by file name


@dataclass(frozen=True)
class CocreationSite:
    cycles: tuple[CycleView, ...] = ()
    rounds: tuple[RoundView, ...] = ()
    compliance: object = None  # compliance.service.Report of the cycle running, or None


def read_cocreation_site(s: Session, on: dt.date) -> CocreationSite:
    return CocreationSite(_cycles(s), _rounds(s), _compliance(s, on))


def _cycles(s: Session) -> tuple[CycleView, ...]:
    from secretariat.i18n import N_
    from secretariat.model import (
        ActionPlanCycle, Commitment, Contribution, CycleMilestone, ProgressUpdate,
    )

    out = []
    for cycle in s.scalars(select(ActionPlanCycle).order_by(ActionPlanCycle.development_starts_on)):
        phases = ((N_("Action plan development"), cycle.development_starts_on,
                   cycle.development_ends_on),
                  (N_("Implementation"), cycle.implementation_starts_on,
                   cycle.implementation_ends_on))
        milestones = tuple((m.title, m.due_on, m.done_on) for m in s.scalars(
            select(CycleMilestone).where(CycleMilestone.cycle_id == cycle.id)
            .order_by(CycleMilestone.due_on)))
        contributions = tuple(s.execute(
            select(Contribution.received_on, Contribution.stakeholder_kind, Contribution.region,
                   Contribution.channel, Contribution.topic, Contribution.text,
                   Contribution.response, Contribution.responded_on)
            .where(Contribution.cycle_id == cycle.id)
            .order_by(Contribution.received_on, Contribution.id)).all())
        commitments = []
        for c in s.scalars(select(Commitment).where(Commitment.cycle_id == cycle.id)
                           .order_by(Commitment.id)):
            latest = s.scalars(select(ProgressUpdate).where(
                ProgressUpdate.commitment_id == c.id, ProgressUpdate.published_on.is_not(None))
                .order_by(ProgressUpdate.reported_on.desc()).limit(1)).first()
            commitments.append((c.title, c.lead_agency, (
                latest.reported_on, latest.completion, latest.delayed, latest.next_steps)
                if latest else None))
        out.append(CycleView(cycle.id, cycle.name, phases, milestones, contributions,
                             tuple(commitments)))
    return tuple(out)


def _rounds(s: Session) -> tuple[RoundView, ...]:
    import json

    from secretariat.selection.round_vocabulary import RoundStatus
    from secretariat.services.selection.open_data import round_open_data
    from secretariat.services.selection.views import round_rows

    out = []
    for row in round_rows(s):
        if row.status != RoundStatus.PUBLISHED:
            continue  # a round is public once the committee published it
        files = round_open_data(s, row.id)
        result = json.loads(files.get("round.json", "{}")).get("result") or []
        selected = tuple((p.get("name", ""), p.get("name_en", "")) for p in result
                         if isinstance(p, dict))
        out.append(RoundView(row.id, row.title, row.title_en, row.method.label, row.seats,
                             selected, files))
    return tuple(out)


def _compliance(s: Session, on: dt.date):
    from secretariat.compliance.service import check_cycle
    from secretariat.errors import SecretariatError

    try:
        return check_cycle(s, day=on)
    except SecretariatError:
        return None  # no cycle recorded yet
