"""Checks and plumbing shared by the service modules.

Every service validates before it writes, so a refused input changes nothing; the helpers
here keep the wording of common messages identical across services.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import exists, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from secretariat.errors import ConflictError, SecretariatError
from secretariat.i18n import N_, _

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

CONFLICT_MESSAGE = N_(
    "This record was changed by someone else since you opened it. Reload and try again."
)
# An address as people type it (RFC 5321/5322 without the quoted and bracketed forms no
# clerk uses): no spaces, angle brackets or other separators, dot-separated domain labels.
_EMAIL = re.compile(
    r"^(?!\.)(?!.*\.\.)[^@\s<>()\[\],;:\"\\]+(?<!\.)"
    r"@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}$")
EMAIL_MAX_LOCAL, EMAIL_MAX_LENGTH = 64, 254  # RFC 5321 limits (254: the forward path)
# Characters no typed text contains: C0 controls except tab, line feed and carriage return,
# DEL, C1 controls, and the bidirectional embeddings, overrides and isolates that make text
# display in another order than it is stored (a name that reads differently from its
# bytes). NUL also breaks PostgreSQL text columns.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What shows nothing on screen: a name made only of these is a missing name.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf", "Cc"})


def get_or_error(s: Session, model: type[T], record_id: int | None, what: str) -> T:
    """Load a record by id; ``what`` is an untranslated noun such as N_("meeting")."""
    obj = s.get(model, record_id) if record_id is not None else None
    if obj is None:
        raise SecretariatError(
            N_("The {what} with number {id} does not exist (it may have been deleted)."),
            what=label(what),
            id=record_id,
        )
    return obj


class _Label:
    """A msgid translated when the message is shown, not when it is raised, so an error
    reads in one language even if the user switched languages in between."""

    def __init__(self, msgid: str):
        self.msgid = msgid

    def __str__(self) -> str:
        return _(self.msgid)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def label(what: str) -> _Label:
    return _Label(what)


def required_text(value: str | None, field: str) -> str:
    """Strip ``value`` and refuse it when empty or invisible (only spaces, zero-width or
    other format characters) or when it holds a control character; ``field`` is an N_()
    marked label."""
    text = optional_text(value, field)
    if is_blank(text):
        raise SecretariatError(N_("{field} cannot be empty."), field=label(field))
    return text


def optional_text(value: str | None, field: str | None = None) -> str:
    """Strip ``value``; refuse control characters and text-direction overrides."""
    text = (value or "").strip()
    check_characters(text, field)
    return text


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only spaces and invisible characters."""
    return all(unicodedata.category(char) in _INVISIBLE_CATEGORIES for char in text)


def check_characters(text: str, field: str | None = None) -> None:
    """Refuse what no typed text contains (see ``_FORBIDDEN``), naming the character."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return
    code, position = f"U+{ord(found.group()):04X}", found.start() + 1
    if field is None:
        raise SecretariatError(
            N_("The text contains an invisible control character ({code}, character "
               "{position}); remove it."), code=code, position=position)
    raise SecretariatError(
        N_("{field} contains an invisible control character ({code}, character {position}); "
           "remove it."), field=label(field), code=code, position=position)


def check_email(value: str | None) -> str:
    email = optional_text(value, N_("Email"))
    if not email:
        return email
    local = email.rpartition("@")[0]
    if len(email) > EMAIL_MAX_LENGTH or len(local) > EMAIL_MAX_LOCAL:
        raise SecretariatError(
            N_("The email address is too long (at most {local} characters before the @ and "
               "{total} in all)."), local=EMAIL_MAX_LOCAL, total=EMAIL_MAX_LENGTH)
    if not _EMAIL.match(email):
        raise SecretariatError(N_("“{email}” is not a valid email address."), email=email)
    return email


def check_time_zone(name: str | None) -> str:
    """An IANA time-zone name such as Asia/Taipei."""
    zone = optional_text(name)
    try:
        if not zone:
            raise ValueError
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise SecretariatError(
            N_("“{zone}” is not a known time zone (expected a name such as Asia/Taipei)."),
            zone=zone,
        ) from None
    return zone


def check_aware(value: dt.datetime, field: str) -> dt.datetime:
    """Refuse naive datetimes: a time without a zone means different instants on
    different workstations."""
    if not isinstance(value, dt.datetime):
        raise SecretariatError(N_("{field} must be a date and time."), field=label(field))
    if value.tzinfo is None or value.utcoffset() is None:
        raise SecretariatError(
            N_("{field} has no time zone; give the time with its zone."), field=label(field)
        )
    return value


# The years a forum's meetings, notices, circulations and decisions can fall in (1912 is
# the first year of the Republic of China's calendar). A year outside is a typing mistake
# (0001, 9999), and times near the ends of the calendar break the time-zone arithmetic
# that every calendar export and listing does for every reader of the forum.
EARLIEST_YEAR = 1912
LATEST_YEAR = 2200


def plausible_year_problem(value: dt.datetime | dt.date | None,
                           field: str) -> SecretariatError | None:
    """The error for a date or time outside ``EARLIEST_YEAR``..``LATEST_YEAR`` (read on its
    own clock), or None; ``field`` is an N_() label."""
    if value is None or EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        return None
    return year_range_error(value.year, field)


def year_range_error(year: int, field: str) -> SecretariatError:
    return SecretariatError(
        N_("{field} must be in a year from {first} to {last} (got {year})."),
        field=label(field), first=str(EARLIEST_YEAR), last=str(LATEST_YEAR), year=str(year))


def check_plausible_time(value: dt.datetime, field: str) -> dt.datetime:
    """An aware date and time in a plausible year (see ``EARLIEST_YEAR``)."""
    check_aware(value, field)
    problem = plausible_year_problem(value, field)
    if problem is not None:
        raise problem
    return value


def coerce_enum(enum_cls: type[E], value: E | str, field: str) -> E:
    """Accept an enum member or its stored value (the CLI and the CSV import pass strings)."""
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)
    except ValueError:
        raise SecretariatError(
            N_("“{value}” is not a valid choice for {field}."), value=value, field=label(field)
        ) from None


def is_referenced(s: Session, column: Any, record_id: int) -> bool:
    """Whether any row's ``column`` (a foreign key) points at ``record_id``: what deleting
    the record would leave dangling."""
    return bool(s.scalar(select(exists().where(column == record_id))))


def check_version(obj: Any, expected_version: int | None) -> None:
    """Optimistic locking for edits made from a form opened earlier."""
    if expected_version is not None and obj.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)


def get_for_update(s: Session, model: type[T], record_id: int, what: str, *,
                   expected_version: int | None, fields: Mapping[str, object] | None = None,
                   allowed: Iterable[str] = ()) -> T:
    """The record an edit applies to, in the order every update checks: unknown field
    names (when ``fields`` is given), then the record's existence, then its version."""
    if fields is not None:
        check_fields(fields, allowed)
    obj = get_or_error(s, model, record_id, what)
    check_version(obj, expected_version)
    return obj


def lock_for_change(s: Session, model: type[T], record_id: int | None, what: str, *,
                    expected_version: int | None = None) -> T:
    """The record, re-read and locked until the transaction ends, for a change that
    derives something unique from it (a decision number from the forum, an agenda
    position or an attendee from the meeting): concurrent transactions doing the same
    wait for this one instead of computing the same value.

    PostgreSQL: ``SELECT … FOR UPDATE`` on the row. SQLite: the database's write lock
    (``BEGIN IMMEDIATE``) unless the transaction already holds it or is a writing session;
    what was read before is read again. Then the version is checked, as in
    ``get_for_update``.
    """
    flush(s)  # a re-read must not drop changes still pending
    if record_id is not None and s.get_bind().dialect.name == "sqlite":
        _sqlite_write_lock(s)
    try:
        obj = (s.get(model, record_id, with_for_update=True, populate_existing=True)
               if record_id is not None else None)
    except StaleDataError:  # changed and committed since this transaction read it
        error = ConflictError(CONFLICT_MESSAGE)
        error.lost_race = True  # Store.run_transaction retries with fresh reads
        raise error from None
    if obj is None:
        obj = get_or_error(s, model, record_id, what)  # raises the usual message
    # Collections loaded before the lock may miss rows others have since committed.
    s.expire(obj, [rel.key for rel in obj.__mapper__.relationships if rel.uselist])
    check_version(obj, expected_version)
    return obj


def hold_write_lock(s: Session) -> None:
    """On SQLite, take the database's write lock now (if this transaction does not hold it
    yet): what the transaction reads next stays true until it commits."""
    if s.get_bind().dialect.name == "sqlite":
        _sqlite_write_lock(s)


def _sqlite_write_lock(s: Session) -> None:
    conn = s.connection()
    dbapi = conn.connection.dbapi_connection
    if not dbapi.in_transaction:  # pysqlite reads outside transactions until a write
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def flush(s: Session) -> None:
    """Flush, turning a lost optimistic-locking race into a ConflictError (which
    ``Store.run_transaction`` retries: the next attempt reads the new version)."""
    try:
        s.flush()
    except StaleDataError:
        error = ConflictError(CONFLICT_MESSAGE)
        error.lost_race = True
        raise error from None


def check_fields(fields: Mapping[str, object], allowed: Iterable[str]) -> None:
    """Unknown field names are programming errors, not user errors."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unknown field(s): {', '.join(sorted(unknown))}")


def like_pattern(search: str) -> str:
    """A case-insensitive substring pattern for ILIKE, with wildcards in the input escaped."""
    escaped = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def terms_overlap(
    start_a: dt.date, end_a: dt.date | None, start_b: dt.date, end_b: dt.date | None
) -> bool:
    """Inclusive date ranges; ``None`` as the end means open-ended."""
    return (end_b is None or start_a <= end_b) and (end_a is None or start_b <= end_a)


def check_date(value: dt.date | str | None, field: str) -> dt.date:
    """A calendar date, given as a date or as ISO text (the CLI passes text)."""
    if isinstance(value, dt.datetime):
        raise SecretariatError(N_("{field} must be a date without a time."), field=label(field))
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise SecretariatError(
        N_("{field} must be a date such as 2026-03-31 (got “{value}”)."),
        field=label(field), value=value if value is not None else "",
    )


def check_optional_date(value: dt.date | str | None, field: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return check_date(value, field)
