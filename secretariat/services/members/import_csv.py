"""Import members from a spreadsheet's CSV export (people, organisations, seats, terms).

All or nothing: every row is checked first and every problem is reported at once with the
row number a spreadsheet shows (the header is row 1). Rows are then added one by one;
problems only the database can see (a seat already held, a person already a member) are
collected the same way, and if there are any the session is rolled back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.model import Membership, Organisation, Person, Role, Seat
from secretariat.services.validation import check_email
from secretariat.services.forum import list_sectors, require_forum
from secretariat.services.members import add_member

MAX_FILE_BYTES = 10 * 1024 * 1024

# Accepted header spellings (compared after trimming and lower-casing) -> field.
HEADERS: dict[str, str] = {
    "name": "name", "姓名": "name",
    "name_en": "name_en", "英文姓名": "name_en",
    "organisation": "organisation", "organization": "organisation", "組織": "organisation",
    "sector": "sector", "部門": "sector", "類別": "sector",
    "role": "role", "角色": "role",
    "term_start": "term_start", "任期開始": "term_start",
    "term_end": "term_end", "任期結束": "term_end",
    "high_level": "high_level", "高層": "high_level",
    "email": "email", "電子郵件": "email",
    "phone": "phone", "電話": "phone",
    "seat": "seat", "席次": "seat",
}
REQUIRED = ("name", "sector", "role", "term_start")

# Role spellings beyond the stored value and English label: the Chinese words a
# secretariat in Taiwan types in a spreadsheet.
_ROLE_WORDS = {"共同主席": Role.CO_CHAIR, "委員": Role.MEMBER, "代理人": Role.ALTERNATE,
               "觀察員": Role.OBSERVER}
_YES = {"yes", "y", "true", "1", "是"}
_NO = {"no", "n", "false", "0", "否", ""}
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")


@dataclass(frozen=True)
class ImportReport:
    people_added: int
    organisations_added: int
    seats_added: int
    memberships_added: int


@dataclass(frozen=True)
class _Row:
    number: int  # as the spreadsheet shows it
    values: dict


def import_members_csv(s: Session, path: Path) -> ImportReport:
    """Import the file in the caller's transaction; on any refusal the session is rolled
    back (so nothing of the file remains) and one error lists every bad row."""
    require_forum(s)
    records = _read_records(Path(path))
    rows, errors = _parse_rows(s, records)
    before = _counts(s)
    try:
        # Valid rows are added even when others are bad, to find the problems only the
        # database can see and report them in the same message.
        for row in rows:
            try:
                add_member(s, **row.values)
            except SecretariatError as exc:
                errors.append((row.number, str(exc)))
        if errors:
            raise SecretariatError(
                N_("The file has {count} invalid rows; nothing was imported."),
                count=len(errors),
                details=[_row_error(number, reason) for number, reason in sorted(errors)])
    except BaseException:
        s.rollback()
        raise
    after = _counts(s)
    return ImportReport(*(b - a for a, b in zip(before, after)))


def _read_records(path: Path) -> list[dict[str, str]]:
    """The file's data rows as {field: text}, after the checks on the file as a whole."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SecretariatError(N_("The file is larger than {limit} MB; split it and import "
                                      "the parts."), limit=MAX_FILE_BYTES // (1024 * 1024))
        raw = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        text = raw.decode("utf-8-sig")  # with or without the BOM Excel writes
    except UnicodeDecodeError:
        raise SecretariatError(N_("The file is not UTF-8 text. In your spreadsheet choose "
                                  "“CSV UTF-8” when saving.")) from None
    if not text.strip():
        raise SecretariatError(N_("The file is empty."))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    fields = [HEADERS.get(name.strip().lower()) for name in header]
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        raise SecretariatError(
            N_("The file has no column for: {columns}. The first row must name the columns "
               "(for example name, sector, role, term_start or 姓名, 部門, 角色, 任期開始)."),
            columns=", ".join(missing))
    records = []
    for record in reader:
        records.append({field: cell.strip() for field, cell in zip(fields, record) if field})
    return records


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


def _parse_rows(
    s: Session, records: list[dict[str, str]]
) -> tuple[list[_Row], list[tuple[int, str]]]:
    """Valid rows, and (row number, reasons) for the others."""
    sectors = _sector_lookup(s)
    rows: list[_Row] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple, int] = {}
    for number, record in enumerate(records, start=2):
        if not any(record.values()):
            continue  # blank lines at the end of spreadsheet exports
        problems: list[str] = []
        values = _row_values(record, sectors, problems)
        key = (values.get("name"), values.get("organisation"), values.get("sector_code"),
               values.get("role"), values.get("term_start"))
        if not problems and key in seen:
            problems.append(_("repeats row {row}").format(row=seen[key]))
        seen.setdefault(key, number)
        if problems:
            errors.append((number, _join_problems(problems)))
        else:
            rows.append(_Row(number, values))
    if not rows and not errors:
        raise SecretariatError(N_("The file has a header row but no members."))
    return rows, errors


def _row_values(record: dict[str, str], sectors: dict[str, str], problems: list[str]) -> dict:
    name = record.get("name", "")
    if not name:
        problems.append(_("the name is missing"))
    sector = record.get("sector", "")
    if sector.lower() not in sectors:
        problems.append(_("“{sector}” is not a known sector").format(sector=sector)
                        if sector else _("the sector is missing"))
    role = _role(record.get("role", ""), problems)
    start_text, end_text = record.get("term_start", ""), record.get("term_end", "")
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
    try:
        check_email(record.get("email", ""))
    except SecretariatError as exc:
        problems.append(str(exc))
    high = record.get("high_level", "").lower()
    if high not in _YES | _NO:
        problems.append(_("high level must be yes or no, not “{value}”").format(value=high))
    return {
        "name": name, "name_en": record.get("name_en", ""),
        "organisation": record.get("organisation") or None,
        "sector_code": sectors.get(sector.lower()), "role": role,
        "term_start": start, "term_end": end, "high_level": high in _YES,
        "email": record.get("email", ""), "phone": record.get("phone", ""),
        "seat_label": record.get("seat") or None,
    }


def _sector_lookup(s: Session) -> dict[str, str]:
    """Sector code, Chinese name or English name (lower-cased) -> code."""
    lookup = {}
    for sector in list_sectors(s):
        for spelling in (sector.code, sector.name_zh_tw, sector.name_en):
            lookup[spelling.strip().lower()] = sector.code
    return lookup


def _role(text: str, problems: list[str]) -> Role | None:
    spelled = text.strip().lower()
    for role in Role:
        if spelled in (role.value, role.label.lower(), _(role.label).lower()):
            return role
    if text.strip() in _ROLE_WORDS:
        return _ROLE_WORDS[text.strip()]
    # Translators: {roles} is the list of role names, e.g. "Co-chair, Member, Alternate,
    # Observer".
    problems.append(_("“{role}” is not a role (one of {roles})")
                    .format(role=text, roles=_role_names()) if text else _("the role is missing"))
    return None


def _role_names() -> str:
    # Translators: separates the items of a short list of words, such as role names.
    return _(", ").join(_(role.label) for role in Role)


def _date(text: str) -> dt.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
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


def _counts(s: Session) -> tuple[int, int, int, int]:
    return tuple(s.scalar(select(func.count()).select_from(model))  # type: ignore[return-value]
                 for model in (Person, Organisation, Seat, Membership))
