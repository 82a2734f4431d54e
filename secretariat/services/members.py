"""Seats and the memberships that fill them over time.

Rules kept here: a term ends on or after it starts; a seat has at most one voting holder
(member or co-chair) on any date; a person is not twice on the same seat at once.
Read-side views (member list, balance) live in ``_member_views`` and are re-exported.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Membership, Organisation, Person, Role, Seat, Sector
from secretariat.services._member_views import (  # noqa: F401  (public API of this module)
    VOTING_ROLES,
    Balance,
    MemberRow,
    SectorCount,
    balance,
    member_rows,
)
from secretariat.services._validate import (
    check_date,
    check_fields,
    check_optional_date,
    check_version,
    coerce_enum,
    flush,
    get_or_error,
    required_text,
    terms_overlap,
)
from secretariat.services.forum import forum_languages, require_forum, sector_by_code
from secretariat.services.people import (
    add_person,
    get_or_create_organisation,
    person_is_referenced,
    update_person,
)

_EDITABLE = ("role", "term_start", "term_end", "high_level", "alternate_for_id",
             "seat_id", "person_id")


def add_seat(s: Session, *, label: str, sector_id: int, established_on: dt.date | None = None) -> Seat:
    forum = require_forum(s)
    clean = required_text(label, N_("Seat name"))
    get_or_error(s, Sector, sector_id, N_("sector"))
    if _seat_by_label(s, forum.id, clean) is not None:
        raise SecretariatError(N_("A seat called “{label}” already exists."), label=clean)
    seat = Seat(forum_id=forum.id, label=clean, sector_id=sector_id,
                established_on=check_optional_date(established_on, N_("Established on")))
    s.add(seat)
    flush(s)
    return seat


def assign_seat(
    s: Session,
    *,
    seat_id: int,
    person_id: int,
    role: Role | str = Role.MEMBER,
    term_start: dt.date,
    term_end: dt.date | None = None,
    high_level: bool = False,
    alternate_for_id: int | None = None,
) -> Membership:
    seat = get_or_error(s, Seat, seat_id, N_("seat"))
    person = get_or_error(s, Person, person_id, N_("person"))
    membership = Membership(
        seat_id=seat.id, person_id=person.id, role=coerce_enum(Role, role, N_("Role")),
        term_start=check_date(term_start, N_("Term start")),
        term_end=check_optional_date(term_end, N_("Term end")),
        high_level=bool(high_level), alternate_for_id=alternate_for_id,
    )
    _check_membership(s, membership, seat=seat)
    s.add(membership)
    flush(s)
    return membership


def add_member(
    s: Session,
    *,
    name: str,
    name_en: str = "",
    organisation: str | None = None,
    sector_code: str,
    role: Role | str,
    term_start: dt.date,
    term_end: dt.date | None = None,
    high_level: bool = False,
    email: str = "",
    phone: str = "",
    seat_label: str | None = None,
) -> Membership:
    """Person (reused when the same name and organisation exist) + seat + membership.

    Everything is checked before the first record is written.
    """
    forum = require_forum(s)
    clean_name = required_text(name, N_("Name"))
    sector = sector_by_code(s, sector_code)
    role = coerce_enum(Role, role, N_("Role"))
    start = check_date(term_start, N_("Term start"))
    end = check_optional_date(term_end, N_("Term end"))
    seat = _seat_by_label(s, forum.id, seat_label.strip()) if seat_label and seat_label.strip() else None
    if seat is not None and seat.sector_id != sector.id:
        raise SecretariatError(
            N_("Seat “{label}” belongs to another sector; choose that sector or another seat."),
            label=seat.label,
        )
    person = _existing_person(s, clean_name, organisation)
    probe = Membership(seat_id=seat.id if seat else None, person_id=person.id if person else None,
                       role=role, term_start=start, term_end=end, high_level=bool(high_level))
    if person is not None:
        _check_not_already_member(s, probe, person, sector)
    if seat is not None:
        probe.alternate_for_id = _holder_to_stand_in_for(s, seat, role, start)
    # May raise for bad dates or, on an existing seat, an occupied term: nothing written yet.
    _check_membership(s, probe, seat=seat)
    if person is None:
        person = add_person(s, name=clean_name, name_en=name_en, organisation=organisation,
                            email=email, phone=phone)
    else:
        _fill_missing_contact(s, person, email=email, phone=phone)
    if organisation and organisation.strip():
        get_or_create_organisation(s, organisation, sector_id=sector.id)
    if seat is None:
        seat = add_seat(s, label=(seat_label or "").strip() or _next_seat_label(s, forum, sector),
                        sector_id=sector.id)
    probe.seat_id, probe.person_id = seat.id, person.id
    s.add(probe)
    flush(s)
    return probe


def update_membership(
    s: Session, membership_id: int, *, expected_version: int | None = None, **fields: object
) -> Membership:
    check_fields(fields, _EDITABLE)
    membership = get_or_error(s, Membership, membership_id, N_("membership"))
    check_version(membership, expected_version)
    values = dict(fields)
    if "role" in values:
        values["role"] = coerce_enum(Role, values["role"], N_("Role"))  # type: ignore[arg-type]
    if "term_start" in values:
        values["term_start"] = check_date(values["term_start"], N_("Term start"))  # type: ignore[arg-type]
    if "term_end" in values:
        values["term_end"] = check_optional_date(values["term_end"], N_("Term end"))  # type: ignore[arg-type]
    if "high_level" in values:
        values["high_level"] = bool(values["high_level"])
    # Check the edited version as a detached copy so a refusal leaves the record untouched.
    candidate = _copy(membership, **values)
    _check_membership(s, candidate, ignore_id=membership.id)
    for key, value in values.items():
        setattr(membership, key, value)
    flush(s)
    return membership


def end_term(
    s: Session, membership_id: int, *, ended_on: dt.date, reason: str = "",
    expected_version: int | None = None,
) -> Membership:
    membership = get_or_error(s, Membership, membership_id, N_("membership"))
    check_version(membership, expected_version)
    day = check_date(ended_on, N_("End date"))
    if membership.ended_on is not None:
        raise SecretariatError(N_("This term already ended on {date}."), date=membership.ended_on)
    if day < membership.term_start:
        raise SecretariatError(
            N_("The term cannot end on {end}, before it started on {start}."),
            end=day, start=membership.term_start,
        )
    membership.ended_on = day
    membership.end_reason = (reason or "").strip()
    flush(s)
    return membership


def reopen_term(s: Session, membership_id: int, *, expected_version: int | None = None) -> Membership:
    """Undo ``end_term``: refused if someone else has taken the seat in the meantime."""
    membership = get_or_error(s, Membership, membership_id, N_("membership"))
    check_version(membership, expected_version)
    if membership.ended_on is None:
        raise SecretariatError(N_("This term has not been ended, so there is nothing to reopen."))
    _check_membership(s, _copy(membership, ended_on=None), ignore_id=membership.id)
    membership.ended_on = None
    membership.end_reason = ""
    flush(s)
    return membership


def remove_membership(
    s: Session, membership_id: int, *, delete_orphan_person: bool = False,
    delete_empty_seat: bool = False,
) -> None:
    """Undo of adding a member. With the flags, also removes the person and the seat that
    were created for it, when nothing else uses them."""
    membership = get_or_error(s, Membership, membership_id, N_("membership"))
    if s.scalar(select(func.count()).where(Membership.alternate_for_id == membership.id)):
        raise SecretariatError(N_("An alternate stands in for this member; remove or reassign "
                                  "the alternate first."))
    person, seat = membership.person, membership.seat
    s.delete(membership)
    flush(s)
    if delete_orphan_person and not person_is_referenced(s, person.id):
        s.delete(person)
    if delete_empty_seat and not s.scalar(select(func.count()).where(Membership.seat_id == seat.id)):
        s.delete(seat)
    flush(s)


def _check_membership(
    s: Session, m: Membership, *, seat: Seat | None = None, ignore_id: int | None = None,
) -> None:
    """All rules for one membership, checked against the others on the same seat.

    ``m`` is a transient copy (never added to the session) so a refusal leaves the stored
    record untouched."""
    if m.term_end is not None and m.term_end < m.term_start:
        raise SecretariatError(N_("Term end {end} is before term start {start}."),
                               end=m.term_end, start=m.term_start)
    if m.alternate_for_id is not None:
        _check_alternate_for(s, m, ignore_id)
    seat = seat or (s.get(Seat, m.seat_id) if m.seat_id else None)
    if seat is None:
        return  # a new seat has no other holders
    if seat.abolished_on is not None and m.term_start > seat.abolished_on:
        raise SecretariatError(N_("Seat “{label}” was abolished on {date}."),
                               label=seat.label, date=seat.abolished_on)
    query = select(Membership).where(Membership.seat_id == seat.id)
    if ignore_id is not None:
        query = query.where(Membership.id != ignore_id)
    for other in s.scalars(query):
        if not terms_overlap(m.term_start, m.effective_end(),
                             other.term_start, other.effective_end()):
            continue
        if other.person_id == m.person_id:
            raise SecretariatError(
                N_("{name} already has a term on seat “{label}” (from {start}) that overlaps "
                   "these dates."),
                name=other.person.name, label=seat.label, start=other.term_start)
        if m.role in VOTING_ROLES and other.role in VOTING_ROLES:
            raise SecretariatError(
                N_("Seat “{label}” is already held by {name} (term from {start}) during these "
                   "dates. End that term first or choose other dates."),
                label=seat.label, name=other.person.name, start=other.term_start)


def _check_alternate_for(s: Session, m: Membership, ignore_id: int | None) -> None:
    if m.role != Role.ALTERNATE:
        raise SecretariatError(N_("Only an alternate can stand in for another member."))
    target = get_or_error(s, Membership, m.alternate_for_id, N_("membership"))
    if target.id == ignore_id or target.role not in VOTING_ROLES:
        raise SecretariatError(N_("An alternate can only stand in for a member or co-chair."))


def _check_not_already_member(s: Session, m: Membership, person: Person, sector: Sector) -> None:
    """Importing the same person twice for the same sector is almost always a mistake
    (e.g. a file imported twice), not a second seat."""
    query = (select(Membership).join(Membership.seat)
             .where(Membership.person_id == person.id, Seat.sector_id == sector.id,
                    Membership.role == m.role))
    for other in s.scalars(query):
        if terms_overlap(m.term_start, m.term_end, other.term_start, other.effective_end()):
            raise SecretariatError(
                N_("{name} is already recorded in this sector with this role for an "
                   "overlapping term (from {start})."),
                name=person.name, start=other.term_start)


def _existing_person(s: Session, name: str, organisation: str | None) -> Person | None:
    query = select(Person).where(Person.name == name).order_by(Person.id)
    org = (organisation or "").strip()
    if org:
        query = query.join(Person.organisation).where(Organisation.name == org)
    else:
        query = query.where(Person.organisation_id.is_(None))
    return s.scalars(query).first()


def _fill_missing_contact(s: Session, person: Person, *, email: str, phone: str) -> None:
    contact = person.contact
    fill = {}
    if email and email.strip() and not (contact and contact.email):
        fill["email"] = email
    if phone and phone.strip() and not (contact and contact.phone):
        fill["phone"] = phone
    if fill:
        update_person(s, person.id, **fill)


def _holder_to_stand_in_for(s: Session, seat: Seat, role: Role, on: dt.date) -> int | None:
    """An alternate added to an occupied seat stands in for its current holder."""
    if role != Role.ALTERNATE:
        return None
    for other in s.scalars(select(Membership).where(Membership.seat_id == seat.id)):
        if other.role in VOTING_ROLES and other.is_active_on(on):
            return other.id
    return None


def _seat_by_label(s: Session, forum_id: int, label: str) -> Seat | None:
    return s.scalars(select(Seat).where(Seat.forum_id == forum_id, Seat.label == label)).first()


def _next_seat_label(s: Session, forum, sector: Sector) -> str:
    """Seats created on the fly are named after their sector in the forum's first language,
    e.g. "公民社會組織 3"."""
    languages = forum_languages(forum)
    base = sector.name(languages[0] if languages else "zh_TW")
    number = s.scalar(select(func.count()).where(Seat.sector_id == sector.id)) + 1
    while _seat_by_label(s, forum.id, f"{base} {number}") is not None:
        number += 1
    return f"{base} {number}"


def _copy(m: Membership, **changes: object) -> Membership:
    values = {key: getattr(m, key) for key in (
        "seat_id", "person_id", "role", "term_start", "term_end", "ended_on", "high_level",
        "alternate_for_id")}
    values.update(changes)
    return Membership(**values)
