"""Seats and the memberships that fill them over time: seating someone, editing, ending
and reopening a term, and removing a membership entered by mistake.

This is the one module callers use for members. The rules every membership keeps are in
``_membership_rules``; seats in ``_seats``; the one-call ``add_member`` in ``_member_add``;
the read-side views (member list, balance) in ``_member_views``. All are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Membership, Person, Role, Seat
from secretariat.services.members.adding import add_member  # noqa: F401  (public API)
from secretariat.services.members.views import (  # noqa: F401  (public API of this module)
    VOTING_ROLES,
    Balance,
    MemberRow,
    SectorCount,
    balance,
    member_rows,
    natural_key,
)
from secretariat.services.members.rules import check_membership, copy_membership
from secretariat.services.members.seats import add_seat  # noqa: F401  (public API)
from secretariat.services.validation import (
    check_date,
    check_optional_date,
    coerce_enum,
    flush,
    get_for_update,
    get_or_error,
)
from secretariat.services.members.people import person_is_referenced

_EDITABLE = ("role", "term_start", "term_end", "high_level", "alternate_for_id",
             "seat_id", "person_id")


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
    check_membership(s, membership, seat=seat)
    s.add(membership)
    flush(s)
    return membership


def update_membership(
    s: Session, membership_id: int, *, expected_version: int | None = None, **fields: object
) -> Membership:
    membership = get_for_update(s, Membership, membership_id, N_("membership"),
                                expected_version=expected_version, fields=fields,
                                allowed=_EDITABLE)
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
    candidate = copy_membership(membership, **values)
    check_membership(s, candidate, ignore_id=membership.id)
    for key, value in values.items():
        setattr(membership, key, value)
    flush(s)
    return membership


def end_term(
    s: Session, membership_id: int, *, ended_on: dt.date, reason: str = "",
    expected_version: int | None = None,
) -> Membership:
    membership = get_for_update(s, Membership, membership_id, N_("membership"),
                                expected_version=expected_version)
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
    membership = get_for_update(s, Membership, membership_id, N_("membership"),
                                expected_version=expected_version)
    if membership.ended_on is None:
        raise SecretariatError(N_("This term has not been ended, so there is nothing to reopen."))
    check_membership(s, copy_membership(membership, ended_on=None), ignore_id=membership.id)
    membership.ended_on = None
    membership.end_reason = ""
    flush(s)
    return membership


def remove_membership(
    s: Session, membership_id: int, *, delete_orphan_person: bool = False,
    delete_empty_seat: bool = False, expected_version: int | None = None,
) -> None:
    """Undo of adding a member. With the flags, also removes the person and the seat that
    were created for it, when nothing else uses them."""
    membership = get_for_update(s, Membership, membership_id, N_("membership"),
                                expected_version=expected_version)
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


@dataclass(frozen=True)
class MembershipValues:
    """A membership and its person as the Edit member form opens them, with the versions
    read (the membership's, the person's) for the edit to pass back."""

    id: int
    person_id: int
    version: int
    person_version: int
    name: str
    name_en: str
    organisation: str
    sector_code: str
    role: Role
    term_start: dt.date | None
    term_end: dt.date | None
    high_level: bool
    email: str
    phone: str
    seat_label: str
    seat_label_en: str
    gender: str
    region: str


def membership_values(s: Session, membership_id: int) -> MembershipValues:
    m = get_or_error(s, Membership, membership_id, N_("membership"))  # deleted meanwhile?
    person, contact = m.person, m.person.contact
    return MembershipValues(
        id=m.id, person_id=person.id, version=m.version, person_version=person.version,
        name=person.name, name_en=person.name_en,
        organisation=person.organisation.name if person.organisation else "",
        sector_code=m.seat.sector.code, role=m.role, term_start=m.term_start,
        term_end=m.term_end, high_level=m.high_level,
        email=contact.email if contact else "", phone=contact.phone if contact else "",
        seat_label=m.seat.label, seat_label_en=m.seat.label_en, gender=person.gender,
        region=person.region)

