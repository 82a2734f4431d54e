"""What the compliance page does: plain functions over a session, run on the database
worker. They call the compliance service and return plain values; no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from secretariat.compliance.result import Evidence, Message, Status
from secretariat.compliance.service import check_cycle
from secretariat.compliance.warnings import due_soon, early_warning
from secretariat.services.cocreation.cycles import list_cycles


@dataclass(frozen=True)
class RequirementRow:
    id: str
    level: str
    phase: str
    element: str
    text_zh_TW: str
    text_en: str
    status: Status
    explanation: Message
    remedy: Message | None
    evidence: tuple[Evidence, ...]
    evidence_total: int


@dataclass(frozen=True)
class Dashboard:
    cycles: list[tuple[int, str]]  # (id, name), latest first
    cycle_id: int | None  # None: no cycle recorded
    catalogue_title: tuple[str, str]  # zh_TW, en
    day: dt.date
    rows: list[RequirementRow]
    warnings: list[tuple[bool, Message]]  # (trigger reached, what it says)
    due_soon: list[Message]


def load_dashboard(s, *, cycle_id: int | None, day: dt.date) -> Dashboard:
    cycles = [(cycle.id, cycle.name) for cycle in list_cycles(s)]
    if not cycles:
        return Dashboard([], None, ("", ""), day, [], [], [])
    report = check_cycle(s, cycle_id=cycle_id, day=day)
    entries = {entry.id: entry for entry in report.catalogue.entries}
    rows = [RequirementRow(
        id=r.entry_id, level=r.level, phase=r.phase, element=r.element,
        text_zh_TW=entries[r.entry_id].text_zh_TW, text_en=entries[r.entry_id].text_en,
        status=r.status, explanation=r.outcome.explanation, remedy=r.outcome.remedy,
        evidence=r.outcome.evidence, evidence_total=r.outcome.evidence_total)
        for r in report.results]
    warnings = [(t.reached, t.message) for t in early_warning(report.facts, report.results, day)]
    return Dashboard(cycles, report.cycle_id,
                     (report.catalogue.title_zh_TW, report.catalogue.title_en), day, rows,
                     warnings, due_soon(report.facts, report.results, day))
