"""Member selection actions (worker thread, no Qt): loading rounds, screening, running
the method as a long job, deciding and its undo, publishing, the report. Each change
returns ``Changes`` of kind SELECTION (and MEMBER when members are seated or removed)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from secretariat.services.selection import deciding, publishing, report, running
from secretariat.services.selection import screening as screening_service
from secretariat.services.selection.computation import compute
from secretariat.services.selection.round_inputs import RoundInputs, method_inputs
from secretariat.services.selection.views import RoundDetail, round_detail, round_rows
from ui.changes import ChangeKind, Changes


@dataclass(frozen=True)
class Screening:
    """A candidate's screening as plain values (what an undo puts back)."""

    candidate_id: int
    eligible: bool | None
    reason: str


def load_rounds(s) -> list:
    return round_rows(s)


def load_round(s, round_id: int) -> RoundDetail:
    return round_detail(s, round_id)


def _selection(round_id: int) -> Changes:
    return Changes(ChangeKind.SELECTION, ids=(round_id,))


def screen(s, round_id: int, screening: Screening) -> Changes:
    screening_service.screen_candidate(s, screening.candidate_id, eligible=screening.eligible,
                     reason=screening.reason)
    return _selection(round_id)


def read_inputs(s, round_id: int) -> RoundInputs:
    """The long run's read step: everything the method needs, as plain values."""
    return method_inputs(s, round_id)


def compute_result(inputs: RoundInputs, progress) -> tuple[RoundInputs, dict]:
    """The long run's computation, on a compute thread (no session). The LEXIMIN program
    cannot be interrupted inside HiGHS, so cancel takes effect at the next step."""
    progress.report(0, 2, "")
    record = compute(inputs, lambda label: progress.report(1, 2, label))
    progress.report(2, 2, "")
    return inputs, record


def store_result(s, inputs: RoundInputs, record: dict) -> Changes:
    running.store_result(s, inputs, record)
    return _selection(inputs.round_id)


def decide(s, round_id: int) -> Changes:
    deciding.decide_round(s, round_id)
    return Changes(ChangeKind.SELECTION | ChangeKind.MEMBER, ids=(round_id,))


def undo_decision(s, round_id: int) -> Changes:
    deciding.undo_decision(s, round_id)
    return Changes(ChangeKind.SELECTION | ChangeKind.MEMBER, ids=(round_id,))


def publish(s, round_id: int) -> Changes:
    publishing.publish_round(s, round_id)
    return _selection(round_id)


def read_report(s, round_id: int) -> report.ReportData:
    return report.report_data(s, round_id)


def write_report(data: report.ReportData, folder: Path, progress) -> list[Path]:
    return report.write_report(data, folder, progress=lambda done, total: progress.report(
        done, total, ""))
