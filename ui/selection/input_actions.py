"""Member selection actions that build a round (worker thread, no Qt): create it (and
its undo), open and close the call, import candidates, record a source, and import the
method's inputs from a file (quotas, rubric or scores CSV; ballots BLT)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.selection.round_vocabulary import SelectionMethod
from secretariat.services.forum import list_sectors
from secretariat.services.selection import candidate_import, inputs, removing, rounds, sources
from secretariat.vocabulary import Side
from ui.changes import ChangeKind, Changes
from ui.form_values import FormValues


@dataclass(frozen=True)
class RoundForm(FormValues):
    title: str = ""
    title_en: str = ""
    sector_code: str = "civil_society"
    seats: int = 2
    method: SelectionMethod = SelectionMethod.LEXIMIN
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    call_opens: dt.date | None = None
    call_closes: dt.date | None = None
    decision_date: dt.date | None = None
    criteria_zh: str = ""
    criteria_en: str = ""


@dataclass(frozen=True)
class SectorChoice:
    code: str
    name_zh_tw: str
    name_en: str


def _selection(round_id: int) -> Changes:
    return Changes(ChangeKind.SELECTION, ids=(round_id,))


def non_government_sectors(s) -> list[SectorChoice]:
    return [SectorChoice(x.code, x.name_zh_tw, x.name_en) for x in list_sectors(s)
            if x.side == Side.NON_GOVERNMENT]


def create_round(s, form: RoundForm) -> Changes:
    return _selection(rounds.create_round(s, **form.as_fields()).id)


def delete_round(s, round_id: int) -> Changes:
    removing.delete_round(s, round_id)
    return Changes(ChangeKind.SELECTION)


def move(s, round_id: int, status: str) -> Changes:
    rounds.move_round(s, round_id, status)
    return _selection(round_id)


def import_candidates(s, round_id: int, path: Path) -> Changes:
    candidate_import.import_candidates_csv(s, round_id, path)
    return _selection(round_id)


def record_source(s, round_id: int, description: str, value: str) -> Changes:
    sources.announce_source(s, round_id, description=description, value=value)
    return _selection(round_id)


def import_inputs(s, round_id: int, method: SelectionMethod, path: Path) -> Changes:
    """A BLT file holds ballots; a CSV file is quotas, a rubric or scores, told apart by
    its columns."""
    data = path.read_bytes()
    if method.uses_ballots:
        inputs.set_ballots(s, round_id, data.decode("utf-8-sig", errors="replace"))
        return _selection(round_id)
    text = candidate_import.decode_csv(data, str(path))
    rows = [{k.strip(): (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(io.StringIO(text))]
    columns = set(rows[0]) if rows else set()
    if {"category", "feature", "min", "max"} <= columns:
        inputs.set_quotas(s, round_id, rows)
    elif {"name", "weight", "high"} <= columns:
        inputs.set_rubric(s, round_id, rows)
    elif {"assessor", "candidate", "criterion", "score"} <= columns:
        inputs.record_scores(s, round_id, rows)
    else:
        raise SecretariatError(N_("{path} is not a quotas, rubric or scores file (its "
                                  "columns: {columns})."), path=path.name,
                               columns=", ".join(sorted(columns)) or "—")
    return _selection(round_id)
