"""Import members from a spreadsheet's CSV export (people, organisations, seats, terms).

All or nothing: every row is checked first and every problem is reported at once with the
row number a spreadsheet shows (the header is row 1). Then the rows are checked against
the records already stored and against each other (a seat already held, a person already
a member: ``import_batch``), still without writing; only a file without any problem is
written, in bulk. The time grows linearly with the rows: the records the checks need are
read once, and the writes go in batches.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, localized
from secretariat.member_columns import BY_FIELD, BY_HEADER, COLUMNS
from secretariat.model import Role
from secretariat.vocabulary import Gender
from secretariat.services.members.import_batch import (
    ImportReport,
    Row,
    Stored,
    check_rows,
)
from secretariat.services.members.import_write import write_rows
from secretariat.services.validation import check_characters, check_email, is_blank

__all__ = ["ImportReport", "MAX_FILE_BYTES", "import_members_csv"]

MAX_FILE_BYTES = 10 * 1024 * 1024
Progress = Callable[[int, int], None]

# Role spellings beyond the stored value and English label: the Chinese words a
# secretariat in Taiwan types in a spreadsheet.
_ROLE_WORDS = {"共同主席": Role.CO_CHAIR, "委員": Role.MEMBER, "代理人": Role.ALTERNATE,
               "觀察員": Role.OBSERVER}
# Gender spellings beyond the stored value and the label: what a spreadsheet holds.
_GENDER_WORDS = {"f": Gender.FEMALE, "m": Gender.MALE, "女": Gender.FEMALE,
                 "女性": Gender.FEMALE, "男": Gender.MALE, "男性": Gender.MALE,
                 "其他": Gender.OTHER, "未記錄": Gender.NOT_RECORDED}
_YES = {"yes", "y", "true", "1", "是"}
_NO = {"no", "n", "false", "0", "否", ""}
_DATE = re.compile(r"^(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})$")


def import_members_csv(s: Session, path: Path, *, progress: Progress | None = None) -> ImportReport:
    """Import the file in the caller's transaction. A refused file writes nothing and one
    error lists every bad row. ``progress(done, total)`` is called as rows are checked and
    written (``total`` counts each row twice: once checked, once written)."""
    report = progress or (lambda done, total: None)
    stored = Stored.load(s)
    records = _read_records(Path(path))
    rows, errors = _parse_rows(records, stored, report)
    errors += check_rows(rows, stored)
    if errors:
        raise SecretariatError(
            N_("The file has {count} invalid rows; nothing was imported."),
            count=len(errors),
            details=[_row_error(number, reason) for number, reason in sorted(errors)])
    try:
        return write_rows(s, stored, lambda done: report(len(rows) + done, 2 * len(rows)))
    except BaseException:
        s.rollback()
        raise


def _read_records(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The file's data rows as (row number, {field: text}), after the checks on the file as
    a whole."""
    too_large = SecretariatError(N_("The file is larger than {limit} MB; split it and "
                                    "import the parts."), limit=MAX_FILE_BYTES // (1024 * 1024))
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise too_large
        # Read at most one byte past the limit: /dev/zero, a pipe or a growing file
        # report no size (or a wrong one) and must not fill the memory.
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if len(raw) > MAX_FILE_BYTES:
        raise too_large
    try:
        text = raw.decode("utf-8-sig")  # with or without the BOM Excel writes
    except UnicodeDecodeError:
        raise SecretariatError(N_("The file is not UTF-8 text. In your spreadsheet choose "
                                  "“CSV UTF-8” when saving.")) from None
    if not text.strip():
        raise SecretariatError(N_("The file is empty."))
    # The csv module refuses cells over 131,072 characters with an exception; the file
    # limit bounds every cell anyway, and the per-column limits below give the message.
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        fields = _header_fields(next(reader))
        return [(number, {field: cell.strip() for field, cell in zip(fields, record) if field})
                for number, record in enumerate(reader, start=2)]
    except csv.Error as exc:  # e.g. NUL in the file, a quote never closed
        raise SecretariatError(N_("The file is not a readable CSV file (line {line}: "
                                  "{reason})."), line=reader.line_num, reason=str(exc)) from None


def _header_fields(header: list[str]) -> list[str | None]:
    fields: list[str | None] = []
    seen: dict[str, str] = {}
    for name in header:
        column = BY_HEADER.get(name.strip().lower())
        if column is not None and column.field in seen:
            raise SecretariatError(
                N_("The columns “{first}” and “{second}” both give the {column}; keep one of "
                   "them."), first=seen[column.field], second=name.strip(),
                column=column.header())
        if column is not None:
            seen[column.field] = name.strip()
        fields.append(column.field if column else None)
    missing = [column.header() for column in COLUMNS if column.required and column.field not in seen]
    if missing:
        raise SecretariatError(
            N_("The file has no column for: {columns}. The first row must name the columns "
               "(for example name, sector, role, term_start or 姓名, 部門, 角色, 任期開始)."),
            # Translators: separates the items of a short list of words, such as role names.
            columns=_(", ").join(missing))
    return fields


# The operating system's own reason is English whatever the user's language: the causes a
# clerk can fix get a message of their own.
_OS_PROBLEMS: tuple[tuple[type[OSError], str], ...] = (
    (FileNotFoundError, N_("The file {path} does not exist.")),
    (IsADirectoryError, N_("{path} is a folder, not a file.")),
    (PermissionError, N_("The file {path} cannot be read (no permission).")),
)


def _unreadable(path: Path, exc: OSError) -> SecretariatError:
    for kind, message in _OS_PROBLEMS:
        if isinstance(exc, kind):
            return SecretariatError(message, path=str(path))
    return SecretariatError(N_("The file {path} cannot be read: {reason}"),
                            path=str(path), reason=exc.strerror or str(exc))


def _parse_rows(records: list[tuple[int, dict[str, str]]], stored: Stored,
                report: Progress) -> tuple[list[Row], list[tuple[int, str]]]:
    """Valid rows, and (row number, reasons) for the others."""
    parser = _RowParser(stored)
    rows: list[Row] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple, int] = {}
    total = 2 * len(records)
    for index, (number, record) in enumerate(records):
        if index % 1000 == 0:
            report(index, total)
        if not any(record.values()):
            continue  # blank lines at the end of spreadsheet exports
        problems: list[str] = []
        row = parser.row(number, record, problems)
        key = (row.name, row.organisation, row.sector_code, row.role, row.term_start)
        if not problems and key in seen:
            problems.append(_("repeats row {row}").format(row=seen[key]))
        seen.setdefault(key, number)
        if problems:
            errors.append((number, _join_problems(problems)))
        else:
            rows.append(row)
    if not rows and not errors:
        raise SecretariatError(N_("The file has a header row but no members."))
    return rows, errors


class _RowParser:
    """The checks of one row's cells; the lookups they need are built once per file."""

    def __init__(self, stored: Stored):
        self.sectors = stored.sector_spellings()
        self.sector_names = _sector_names(stored)
        self.roles: dict[str, Role] = {}
        for role in Role:
            for spelling in (role.value, role.label, _(role.label)):
                self.roles[spelling.lower()] = role
        self.roles.update(_ROLE_WORDS)
        self.genders: dict[str, Gender] = {}
        for gender in Gender:
            for spelling in (gender.value, gender.label, _(gender.label)):
                self.genders[spelling.lower()] = gender
        self.genders.update(_GENDER_WORDS)
        self.limits = {column.field: column.max_length for column in COLUMNS}

    def row(self, number: int, record: dict[str, str], problems: list[str]) -> Row:
        for field, cell in record.items():
            if len(cell) > self.limits[field]:
                _too_long(field, cell, problems)
        try:  # all cells at once: the per-cell search only for the rare row with a problem
            check_characters("\t".join(record.values()))
        except SecretariatError:
            for field, cell in record.items():
                if len(cell) <= self.limits[field]:
                    _check_characters(field, cell, problems)
        name = record.get("name", "")
        if is_blank(name):
            problems.append(_("the name is missing"))
        sector = record.get("sector", "")
        if sector.lower() not in self.sectors:
            # Translators: {sectors} lists the sectors, e.g. "公民社會組織 (civil_society), …".
            problems.append(_("“{sector}” is not a known sector (one of {sectors})")
                            .format(sector=sector, sectors=self.sector_names)
                            if sector else _("the sector is missing"))
        role = self._role(record.get("role", ""), problems)
        start, end = _term(record.get("term_start", ""), record.get("term_end", ""), problems)
        email = record.get("email", "")
        try:
            check_email(email)
        except SecretariatError as exc:
            problems.append(str(exc))
        high = record.get("high_level", "").lower()
        if high not in _YES | _NO:
            problems.append(_("high level must be yes or no, not “{value}”").format(value=high))
        gender = self.genders.get(record.get("gender", "").lower())
        if gender is None:
            # Translators: the gender column of an imported member file holds something else.
            problems.append(_("“{value}” is not a gender (female, male or other; leave it "
                              "empty when not recorded)").format(value=record["gender"]))
        return Row(number=number, name=name, name_en=record.get("name_en", ""),
                   organisation=record.get("organisation") or None,
                   sector_code=self.sectors.get(sector.lower(), ""), role=role,
                   term_start=start, term_end=end, high_level=high in _YES, email=email,
                   phone=record.get("phone", ""), seat_label=record.get("seat") or None,
                   seat_label_en=record.get("seat_label_en", ""),
                   gender=gender.value if gender else "", region=record.get("region", ""))

    def _role(self, text: str, problems: list[str]) -> Role | None:
        role = self.roles.get(text.strip().lower()) or self.roles.get(text.strip())
        if role is None:
            # Translators: {roles} is the list of role names, e.g. "Co-chair, Member,
            # Alternate, Observer".
            problems.append(_("“{role}” is not a role (one of {roles})")
                            .format(role=text, roles=_role_names()) if text
                            else _("the role is missing"))
        return role


def _too_long(field: str, cell: str, problems: list[str]) -> None:
    column = BY_FIELD[field]
    problems.append(_("the {column} column holds {length} characters (at most {limit})")
                    .format(column=column.header(), length=len(cell), limit=column.max_length))


def _check_characters(field: str, cell: str, problems: list[str]) -> None:
    try:
        check_characters(cell, BY_FIELD[field].header())
    except SecretariatError as exc:
        problems.append(str(exc))


def _term(start_text: str, end_text: str, problems: list[str]):
    start, end = _date(start_text), _date(end_text)
    if not start_text:
        problems.append(_("the term start is missing"))
    elif start is None:
        problems.append(_("the term start “{value}” is not a date like 2026-03-31")
                        .format(value=start_text))
    if end_text and end is None:
        problems.append(_("the term end “{value}” is not a date like 2026-03-31")
                        .format(value=end_text))
    if start and end and end < start:
        problems.append(_("the term ends ({end}) before it starts ({start})")
                        .format(end=end.isoformat(), start=start.isoformat()))
    return start, end


def _sector_names(stored: Stored) -> str:
    return _(", ").join(f"{localized(sector.name_zh_tw, sector.name_en)} ({sector.code})"
                        for sector in stored.sectors)


def _role_names() -> str:
    return _(", ").join(_(role.label) for role in Role)


def _date(text: str) -> dt.date | None:
    """2026-03-31 or 2026/3/31 (what spreadsheets write); ``strptime`` would be the
    slowest step of a large file."""
    match = _DATE.match(text)
    if match is None:
        return None
    try:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


_FULL_STOPS = ".。"


def _join_problems(problems: list[str]) -> str:
    """One clause list out of problems, some of which are whole sentences of their own."""
    joined = problems[0].rstrip(_FULL_STOPS)
    for problem in problems[1:]:
        # Translators: joins two problems found in one row of an imported member file;
        # both are clauses (a semicolon in English, a full-width ； in Chinese).
        joined = _("{first}; {second}").format(first=joined, second=problem.rstrip(_FULL_STOPS))
    return joined


def _row_error(number: int, reason: str) -> str:
    # Translators: one line per refused row of an imported member file; {reason} lists
    # the row's problems and the line ends with a full stop.
    return _("Row {row}: {reason}.").format(row=number, reason=reason.rstrip(_FULL_STOPS))
