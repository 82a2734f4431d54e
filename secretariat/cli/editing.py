"""What the commands that change records share: one transaction per command, and turning
what a clerk types (local dates and times, people's names, decision numbers) into the
values the services take.

Every changing command runs its work in one transaction through ``change`` (or the older
``changing_session``): it commits only when the work finishes without error, so a refused
input (a ``SecretariatError``) saves nothing. ``change`` also repeats the work when other
workstations got in the way (``Store.run_transaction``), so its work function must do
everything through the session it is given and return what to print.

Commands that edit an existing record take ``--expected-version N`` (``add_expected_version``):
the record's version as ``meeting show``, ``agenda list``, ``attendance list`` or
``minutes show`` printed it; a record changed since is refused with the conflict message
and nothing is saved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from secretariat import i18n
from secretariat.cli.commands import LARGEST_RECORD_NUMBER, opened_store, record_number
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _

# How many near matches an unknown name lists.
MAX_SUGGESTIONS = 5


T = TypeVar("T")


def change(args: argparse.Namespace, work: Callable[[Any, Any], T]) -> T:
    """``work(store, session)`` in one committed transaction, repeated a few times if
    other writers locked the database or changed what it read meanwhile; what ``work``
    returns (typically the message to print after the commit)."""
    with opened_store(args) as store:
        return store.run_transaction(lambda s: work(store, s))


@contextmanager
def changing_session(args: argparse.Namespace) -> Iterator[tuple]:
    """``(store, session)``; committed if the block ends normally, rolled back if not.
    Not repeated when others interfere (a block cannot run twice): the user reads the
    busy or conflict message instead. Prefer ``change``."""
    from secretariat.store.transactions import friendly_error

    with opened_store(args) as store, store.session(write=True) as s:
        try:
            yield store, s
            s.commit()
        except BaseException as error:
            s.rollback()
            friendly = friendly_error(error)
            if friendly is None or friendly is error:
                raise
            raise friendly from error


def add_expected_version(parser: argparse.ArgumentParser, shown_by: str) -> None:
    """``--expected-version N``; ``shown_by`` is the command that prints the version."""
    parser.add_argument(
        "--expected-version", type=record_number, metavar="N",
        help=_("change nothing unless the record is still at version N, as “{command}” "
               "printed it (refused if someone else changed it since)").format(
            command=shown_by))


def stored_values(enum_cls: type[enum.Enum]) -> list[str]:
    """The values a database stores, which the command line accepts as choices."""
    return [member.value for member in enum_cls]


def enum_choices(enum_cls: type[enum.Enum]) -> dict[str, Any]:
    """``add_argument`` keywords for an option taking one of ``enum_cls``'s values: the
    stored values are the choices (what ``--help`` and scripts use), and the words a clerk
    reads for them are accepted too, in English or in the user's language (``--status
    已召開`` is ``--status held``)."""
    return {"choices": stored_values(enum_cls), "type": _EnumWord(enum_cls)}


class _EnumWord:
    """argparse ``type``: a value's label (or the value with spaces or hyphens) to the
    stored value; anything else is passed on for argparse's "invalid choice" message."""

    def __init__(self, enum_cls: type[enum.Enum]):
        self.enum_cls = enum_cls
        self.__name__ = enum_cls.__name__  # argparse names the type in some messages

    def __call__(self, text: str) -> str:
        value = enum_value(self.enum_cls, text)
        return text if value is None else value


def enum_value(enum_cls: type[enum.Enum], text: str) -> str | None:
    """The stored value ``text`` names: the value itself (spaces or hyphens for its
    underscores, any case) or its label in any language of the program (a clerk may
    type 贊成 in an English terminal); None for anything else."""
    word = " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()
    for member in enum_cls:
        names = {member.value.replace("_", " ")}
        if getattr(member, "label", None):
            names |= {member.label, _(member.label), *_labels(member.label)}
        if word in {name.casefold() for name in names}:
            return member.value
    return None


def _labels(label: str) -> list[str]:
    """``label`` in every language of the program."""
    words = []
    for language in i18n.LANGUAGES:
        with i18n.language_override(language):
            words.append(_(label))
    return words


def glossed_choices(enum_cls: type[enum.Enum]) -> str:
    """The choices with the words the user reads for them, for an option's help:
    ``planned (已排定), held (已召開), cancelled (已取消)``; a value that reads as its own
    word (English ``held``) is not glossed."""
    def one(member) -> str:
        gloss = _(member.label)
        if gloss.casefold() == member.value.replace("_", " ").casefold():
            return member.value
        return _("{value} ({label})").format(value=member.value, label=gloss)

    return _(", ").join(one(member) for member in enum_cls)


# --- dates and times -----------------------------------------------------------------------


def local_moment(text: str, zone: str, field: str) -> dt.datetime:
    """``YYYY-MM-DD HH:MM`` (or a bare date, meaning its midnight) on the clock of ``zone``,
    as an aware datetime. ``field`` is an N_() label for the message."""
    moment, _has_time = local_moment_and_precision(text, zone, field)
    return moment


def local_moment_and_precision(text: str, zone: str, field: str) -> tuple[dt.datetime, bool]:
    """Like ``local_moment``, also saying whether a time of day was given."""
    from secretariat.services.validation import label, plausible_year_problem

    value = (text or "").strip()
    try:
        has_time = not _is_bare_date(value)
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise SecretariatError(
            N_("{field} must be a date and time such as 2026-12-01 14:00 (got “{value}”)."),
            field=label(field), value=value) from None
    # Before any time-zone arithmetic: 0001-01-01 00:00 in Taipei is before year 1 in UTC.
    out_of_range = plausible_year_problem(parsed, field)
    if out_of_range is not None:
        raise out_of_range
    if parsed.tzinfo is not None:  # an explicit offset (2026-12-01T14:00+08:00) wins
        return parsed, has_time
    local = parsed.replace(tzinfo=ZoneInfo(zone))
    # A time skipped by a daylight-saving change would silently move by an hour.
    round_trip = local.astimezone(dt.timezone.utc).astimezone(ZoneInfo(zone))
    if round_trip.replace(tzinfo=None) != parsed:
        raise SecretariatError(N_("{value} does not exist in the time zone {zone} (the clocks "
                                  "change then)."), value=value, zone=zone)
    return local, has_time


def _is_bare_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def calendar_date(text: str, field: str) -> dt.date:
    """A date typed as ``YYYY-MM-DD``."""
    from secretariat.services.validation import check_date

    return check_date(text, field)


def forum_zone(s) -> str:
    from secretariat.services.forum import require_forum

    return require_forum(s).time_zone


def checked_zone(name: str) -> str:
    from secretariat.services.validation import check_time_zone

    return check_time_zone(name)


# --- records named on the command line -----------------------------------------------------


def person_id(s, text: str) -> int:
    """A person given by number or by exact name (Chinese or English); a name that fits
    nobody, or several people, is refused with the candidates listed."""
    found = find_person(s, text)
    if found is not None:
        return found
    value = (text or "").strip()
    near = _near_matches(s, value)
    if near:
        raise SecretariatError(N_("No one is named exactly “{name}”. Did you mean: "
                                  "{candidates}?"), name=value, candidates=_people_list(near))
    raise SecretariatError(N_("No one is named “{name}”. Give the name as the member list "
                              "shows it, or the person's number."), name=value)


def find_person(s, text: str) -> int | None:
    """The person's number, or None when no one has that name; refused when the name
    fits several people or the number nobody."""
    from sqlalchemy import func, or_, select

    from secretariat.model import Person

    value = (text or "").strip()
    if not value:
        raise SecretariatError(N_("Give a person's name or number."))
    if value.isdigit():
        # A number beyond the database's range names no one (and must not reach the driver).
        if int(value) > LARGEST_RECORD_NUMBER or s.get(Person, int(value)) is None:
            raise SecretariatError(N_("There is no person with number {id}."), id=value)
        return int(value)
    exact = list(s.scalars(select(Person).where(or_(
        Person.name == value, func.lower(Person.name_en) == value.lower()))
        .order_by(Person.id)))
    if len(exact) > 1:
        raise SecretariatError(N_("“{name}” could be any of these people: {candidates}. "
                                  "Give the person's number instead."),
                               name=value, candidates=_people_list(exact))
    return exact[0].id if exact else None


def _near_matches(s, value: str) -> list:
    from sqlalchemy import or_, select

    from secretariat.model import Person
    from secretariat.services.validation import like_pattern

    if not value:
        return []
    pattern = like_pattern(value)
    return list(s.scalars(select(Person).where(or_(
        Person.name.ilike(pattern, escape="\\"), Person.name_en.ilike(pattern, escape="\\")))
        .order_by(Person.name, Person.id).limit(MAX_SUGGESTIONS)))


def _people_list(people) -> str:
    def one(person) -> str:
        name = f"{person.name} ({person.name_en})" if person.name_en else person.name
        return _("{name}, number {id}").format(name=name, id=person.id)

    return _("; ").join(one(person) for person in people)


def decision_by_number(s, number: str):
    """The decision with the stable number a clerk reads in the log (``2026-S03-R02``;
    any case, padding optional, and the earlier spelling ``2026-03-02`` is understood)."""
    from sqlalchemy import select

    from secretariat.decision_numbers import parse_decision_number
    from secretariat.model import Decision

    value = (number or "").strip()
    stored = parse_decision_number(value) or value
    decision = s.scalars(select(Decision).where(Decision.number == stored)).first()
    if decision is None:
        raise SecretariatError(N_("There is no decision numbered {number}."), number=value)
    return decision


def meeting(s, meeting_id: int):
    from secretariat.model import Meeting
    from secretariat.services.validation import get_or_error

    return get_or_error(s, Meeting, meeting_id, N_("meeting"))


def read_text_file(path: Path) -> str:
    """The text of a UTF-8 file (minutes written in an editor), refused beyond
    ``user_files.MAX_TEXT_FILE_BYTES``: /dev/zero or a huge file must not fill the memory."""
    from secretariat.services import user_files

    return user_files.read_text(Path(path))
