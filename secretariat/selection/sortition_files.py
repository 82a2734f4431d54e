"""The Sortition Foundation's two CSV files, read and checked.

* Quotas: columns ``category,feature,min,max`` (other columns are ignored), one row per
  value of a category: between ``min`` and ``max`` panel members have that value.
* People: a header row, then one row per person with one column per category (named as in
  the quotas file); other columns (names, contact details, ids) are allowed and ignored.

Both are UTF-8, with or without the byte order mark spreadsheets write. Every problem is
reported, each with its row: "row 3" is the third person (or quota) — the numbering of
the ``members`` of published panels — and "line 4" is where it is in the file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.selection.quotas import Quota

QUOTA_COLUMNS = ("category", "feature", "min", "max")
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Pool:
    categories: tuple[str, ...]
    people: tuple[tuple[str, ...], ...]  # one value per category, in file order


def _rows(path: Path) -> list[list[str]]:
    """The file's records (header first), blank lines kept as empty records."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SecretariatError(N_("The file {path} does not exist."), path=str(path)) from None
    except IsADirectoryError:
        raise SecretariatError(N_("{path} is a folder, not a file."), path=str(path)) from None
    except OSError as exc:
        raise SecretariatError(N_("The file {path} cannot be read ({reason})."),
                               path=str(path), reason=exc.strerror or str(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise SecretariatError(N_("The file {path} is larger than {limit} MB."),
                               path=str(path), limit=MAX_FILE_BYTES // (1024 * 1024))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SecretariatError(N_("The file {path} is not UTF-8 text. In your spreadsheet "
                                  "choose “CSV UTF-8” when saving."), path=str(path)) from None
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = [[cell.strip() for cell in record] for record in reader]
    except csv.Error as exc:
        raise SecretariatError(N_("The file {path} is not a readable CSV file (line {line}: "
                                  "{reason})."), path=str(path), line=reader.line_num,
                               reason=str(exc)) from None
    if not rows or not any(rows[0]):
        raise SecretariatError(N_("The file {path} is empty: its first row must name the "
                                  "columns."), path=str(path))
    return rows


def _where(row: int, line: int) -> str:
    return _("row {row} (line {line})").format(row=row, line=line)


def _failed(message: str, errors: list[str], path: Path) -> SecretariatError:
    return SecretariatError(message, details=errors, count=len(errors), path=str(path))


def read_quotas(path: Path) -> list[Quota]:
    rows = _rows(path)
    header = [name.lower() for name in rows[0]]
    missing = [name for name in QUOTA_COLUMNS if name not in header]
    if missing:
        raise SecretariatError(N_("The quotas file has no column {columns}: its first row "
                                  "must name the columns category, feature, min, max."),
                               columns=", ".join(missing))
    column = {name: header.index(name) for name in QUOTA_COLUMNS}
    quotas: list[Quota] = []
    errors: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    row = 0
    for line, record in enumerate(rows[1:], start=2):
        if not any(record):
            continue
        row += 1
        cells = {name: record[i] if i < len(record) else "" for name, i in column.items()}
        where = _where(row, line)
        if not cells["category"] or not cells["feature"]:
            errors.append(_("{where}: the category and the feature must not be empty.")
                          .format(where=where))
            continue
        bounds = []
        for name in ("min", "max"):
            text = cells[name]
            if not text.isascii() or not text.isdigit():
                errors.append(_("{where}: {column} must be a whole number of 0 or more, "
                                "not “{value}”.").format(where=where, column=name, value=text))
            else:
                bounds.append(int(text))
        key = (cells["category"], cells["feature"])
        if key in seen:
            errors.append(_("{where}: {category} = {value} already has a quota in row "
                            "{first}.").format(where=where, category=key[0], value=key[1],
                                               first=seen[key]))
            continue
        seen[key] = row
        if len(bounds) == 2:
            if bounds[0] > bounds[1]:
                errors.append(_("{where}: min ({minimum}) is larger than max ({maximum})."
                                ).format(where=where, minimum=bounds[0], maximum=bounds[1]))
            else:
                quotas.append(Quota(key[0], key[1], bounds[0], bounds[1]))
    if errors:
        raise _failed(N_("The quotas file {path} has {count} errors:"), errors, path)
    if not quotas:
        raise SecretariatError(N_("The quotas file {path} has no quotas."), path=str(path))
    return quotas


def read_people(path: Path, quotas: list[Quota]) -> Pool:
    """The people's values for every category of the quotas, checked against them."""
    rows = _rows(path)
    categories = tuple(dict.fromkeys(quota.category for quota in quotas))
    values = {category: [q.value for q in quotas if q.category == category]
              for category in categories}
    header = rows[0]
    missing = [category for category in categories if category not in header]
    doubled = [category for category in categories if header.count(category) > 1]
    if missing or doubled:
        errors = [_("There is no column “{category}” (a category of the quotas file)."
                    ).format(category=c) for c in missing]
        errors += [_("The column “{category}” appears more than once.").format(category=c)
                   for c in doubled]
        raise _failed(N_("The people file {path} has {count} errors in its first row:"),
                      errors, path)
    columns = [header.index(category) for category in categories]
    people: list[tuple[str, ...]] = []
    errors = []
    for line, record in enumerate(rows[1:], start=2):
        if not any(record):
            continue
        where = _where(len(people) + 1, line)
        person = tuple(record[i] if i < len(record) else "" for i in columns)
        for category, value in zip(categories, person, strict=True):
            if value not in values[category]:
                errors.append(_("{where}: {category} is “{value}”, which has no quota (the "
                                "quotas file gives {known}).").format(
                    where=where, category=category, value=value,
                    known=", ".join(values[category])))
        people.append(person)
    if errors:
        raise _failed(N_("The people file {path} has {count} errors:"), errors, path)
    if not people:
        raise SecretariatError(N_("The people file {path} lists nobody."), path=str(path))
    return Pool(categories=categories, people=tuple(people))
