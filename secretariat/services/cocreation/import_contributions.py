"""Import contributions from a CSV file (UTF-8, with or without the BOM a spreadsheet
writes), all or nothing: every row is checked, every problem is reported with the row
number a spreadsheet shows (the header is row 1), and only a file without any problem is
written, in bulk.

Columns (English or Chinese header, any order; ``*`` required): ``received_on``* /
收到日期, ``stakeholder``* / 利害關係人, ``channel``* / 管道, ``text``* / 內容,
``contributor`` / 提供者, ``region`` / 地區, ``topic`` / 主題, ``consultation`` / 諮詢
(its number), ``response`` / 回應, ``responded_on`` / 回應日期. Kinds and channels are
their stored values (``civil_society``, ``online_discussion``…).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.model import ActionPlanCycle, Consultation, Contribution
from secretariat.model.base import utcnow
from secretariat.services.cocreation.contributions import (
    ContributionValues,
    checked_contribution,
)
from secretariat.services.validation import get_or_error

MAX_FILE_BYTES = 50 * 1024 * 1024
_HEADERS = {
    "received_on": ("received_on", "收到日期"), "stakeholder_kind": ("stakeholder", "利害關係人"),
    "channel": ("channel", "管道"), "text": ("text", "內容"),
    "contributor": ("contributor", "提供者"), "region": ("region", "地區"),
    "topic": ("topic", "主題"), "consultation": ("consultation", "諮詢"),
    "response": ("response", "回應"), "responded_on": ("responded_on", "回應日期"),
}
_REQUIRED = ("received_on", "stakeholder_kind", "channel", "text")
_BY_HEADER = {header.lower(): field for field, headers in _HEADERS.items()
              for header in headers}
_COLUMNS = ("cycle_id", "consultation_id", "stakeholder_kind", "contributor", "region",
            "channel", "received_on", "topic", "text", "response", "responded_on")


def import_contributions_csv(s: Session, cycle_id: int, path: Path) -> int:
    """Import the file into ``cycle_id`` in the caller's transaction; the number of
    contributions imported. A refused file writes nothing."""
    cycle = get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    consultations = set(s.scalars(select(Consultation.id)
                                  .where(Consultation.cycle_id == cycle.id)))
    rows, errors = [], []
    for number, record in _records(Path(path)):
        try:
            rows.append(_row(cycle.id, record, consultations))
        except SecretariatError as exc:
            errors.append(_("Row {row}: {reason}").format(row=number, reason=str(exc)))
    if errors:
        raise SecretariatError(N_("The file has {count} invalid rows; nothing was "
                                  "imported."), count=len(errors), details=errors)
    if not rows:
        raise SecretariatError(N_("The file has no contributions."))
    now = utcnow()
    for start in range(0, len(rows), 5000):
        s.execute(insert(Contribution.__table__), [
            {**row, "version": 1, "created_at": now, "updated_at": now}
            for row in rows[start:start + 5000]])
    return len(rows)


def _row(cycle_id: int, record: dict[str, str], consultations: set[int]) -> dict:
    consultation_id = None
    if record.get("consultation"):
        text = record["consultation"]
        consultation_id = int(text) if text.isdigit() else None
        if consultation_id not in consultations:
            raise SecretariatError(N_("This cycle has no consultation number “{value}”."),
                                   value=text)
    values = ContributionValues(
        stakeholder_kind=record.get("stakeholder_kind", ""),
        channel=record.get("channel", ""),
        received_on=_date(record.get("received_on", ""), N_("Date received")),
        text=record.get("text", ""), contributor=record.get("contributor", ""),
        region=record.get("region", ""), topic=record.get("topic", ""),
        consultation_id=consultation_id, response=record.get("response", ""),
        responded_on=_date(record["responded_on"], N_("Response date"))
        if record.get("responded_on") else None)
    contribution = checked_contribution(cycle_id, values)
    return {column: getattr(contribution, column) for column in _COLUMNS}


def _date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        raise SecretariatError(N_("{field} “{value}” is not a date like 2026-03-01."),
                               field=_(field), value=text) from None


def _records(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SecretariatError(N_("The file {path} cannot be read ({reason})."),
                               path=str(path), reason=exc.strerror or str(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise SecretariatError(N_("The file is larger than {limit} MB; split it and "
                                  "import the parts."), limit=MAX_FILE_BYTES // (1024 * 1024))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SecretariatError(N_("The file is not UTF-8 text. In your spreadsheet choose "
                                  "“CSV UTF-8” when saving.")) from None
    if not text.strip():
        raise SecretariatError(N_("The file is empty."))
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        fields = [_BY_HEADER.get(name.strip().lower()) for name in next(reader)]
        missing = [_HEADERS[field][0] for field in _REQUIRED if field not in fields]
        if missing:
            raise SecretariatError(N_("The file has no column for: {columns}."),
                                   columns=", ".join(missing))
        return [(number, {field: cell.strip() for field, cell in zip(fields, record)
                          if field})
                for number, record in enumerate(reader, start=2) if any(record)]
    except csv.Error as exc:
        raise SecretariatError(N_("The file is not a readable CSV file (line {line}: "
                                  "{reason})."), line=reader.line_num, reason=str(exc)) from None
