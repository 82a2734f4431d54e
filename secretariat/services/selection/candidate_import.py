"""Candidates from a CSV file: every row checked first, every problem reported with its
row number, nothing imported unless the whole file is valid.

Columns: ``name`` (required), ``name_en``, ``organisation``, ``sector``; every other
column is a feature used by quotas (e.g. ``region``, ``gender``, ``age``). UTF-8 with or
without a byte-order mark. Spreadsheets on Taiwanese Windows often save Big5: such a file
is recognised and refused with the way out, rather than imported as mojibake.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.model import SelectionCandidate
from secretariat.services.selection.candidates import candidate_values, duplicate_of
from secretariat.services.selection.guards import round_taking_applications
from secretariat.services.validation import flush

FIXED = {"name": "name", "name_en": "name_en", "organisation": "organisation",
         "organization": "organisation", "sector": "sector_code"}


@dataclass(frozen=True)
class ImportReport:
    added: int
    features: tuple[str, ...]


def import_candidates_csv(s: Session, round_id: int, path: Path | str) -> ImportReport:
    text = decode_csv(Path(path).read_bytes(), str(path))
    return import_candidates_text(s, round_id, text)


def decode_csv(data: bytes, where: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        raise SecretariatError(N_("{path} is not UTF-8 text. Save it from the spreadsheet "
                                  "as “CSV UTF-8” and import it again."), path=where) from None
    raise SecretariatError(N_("{path} seems to be saved in Big5, not UTF-8. Save it from "
                              "the spreadsheet as “CSV UTF-8” and import it again; nothing "
                              "was imported."), path=where)


def import_candidates_text(s: Session, round_id: int, text: str) -> ImportReport:
    selection_round = round_taking_applications(s, round_id)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise SecretariatError(N_("The file is empty: the first row must name the columns."))
    header = [cell.strip() for cell in rows[0]]
    if "name" not in header:
        raise SecretariatError(N_("The file has no “name” column (its columns: {columns})."),
                               columns=", ".join(header))
    errors: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    checked: list[dict[str, object]] = []
    features = tuple(h for h in header if h not in FIXED)
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            errors.append(_("Row {row}: {count} cells, but the header has {columns}.").format(
                row=number, count=len(row), columns=len(header)))
            continue
        cells = dict(zip(header, row, strict=True))
        try:
            values = candidate_values(
                name=cells["name"], name_en=cells.get("name_en", ""),
                organisation=cells.get("organisation", cells.get("organization", "")),
                sector_code=cells.get("sector", ""),
                features={f: cells[f] for f in features})
        except SecretariatError as error:
            errors.append(_("Row {row}: {problem}").format(row=number, problem=error))
            continue
        key = (" ".join(str(values["name"]).split()).casefold(),
               " ".join(str(values["organisation"]).split()).casefold())
        if key in seen:
            errors.append(_("Row {row}: the same candidate as row {first}.").format(
                row=number, first=seen[key]))
            continue
        seen[key] = number
        if duplicate_of(s, round_id, str(values["name"]), str(values["organisation"])):
            errors.append(_("Row {row}: {name} has already applied to this round.").format(
                row=number, name=values["name"]))
            continue
        checked.append(values)
    if errors:
        raise SecretariatError(N_("The file was not imported: {count} rows have problems."),
                               count=len(errors), details=errors)
    start = max((c.position for c in selection_round.candidates), default=0)
    for offset, values in enumerate(checked, start=1):
        selection_round.candidates.append(
            SelectionCandidate(round_id=selection_round.id, position=start + offset, **values))
    flush(s)
    return ImportReport(added=len(checked), features=features)
