"""Members' signatures of the ethics statement of a terms-of-reference version, and who
has not signed the statement of the version in force.

A signature belongs to one adopted version (a new version's statement is signed anew):
who signed, on which day, and how (on paper, electronically, in a meeting). Members are
those holding a seat on the day in any role but observer, alternates included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import (
    EthicsSignature,
    Meeting,
    Membership,
    Person,
    Role,
    Seat,
    Sector,
)
from secretariat.services.members.views import active_on
from secretariat.services.terms.in_force import terms_in_force
from secretariat.services.terms.versions import get_version
from secretariat.services.validation import (
    check_date,
    coerce_enum,
    flush,
    get_or_error,
    plausible_year_problem,
)
from secretariat.terms_vocabulary import SigningMethod, TermsStatus

SIGNING_ROLES = (Role.CO_CHAIR, Role.MEMBER, Role.ALTERNATE)


@dataclass(frozen=True)
class SignatureRow:
    person_id: int
    name: str
    name_en: str
    version_no: int
    signed_on: dt.date
    method: SigningMethod
    meeting_id: int | None


@dataclass(frozen=True)
class UnsignedMember:
    person_id: int
    name: str
    name_en: str
    seat_label: str
    sector_code: str


@dataclass(frozen=True)
class Unsigned:
    day: dt.date
    version_no: int | None  # None: no terms of reference in force that day
    members: list[UnsignedMember]


def sign_statement(s: Session, person_id: int, version_no: int, *, on: dt.date | str,
                   method: SigningMethod | str, meeting_id: int | None = None,
                   today: dt.date | None = None) -> EthicsSignature:
    person = get_or_error(s, Person, person_id, N_("person"))
    terms = get_version(s, version_no)
    day = check_date(on, N_("Signing date"))
    how = coerce_enum(SigningMethod, method, N_("How signed"))
    problem = plausible_year_problem(day, N_("Signing date"))
    if problem is not None:
        raise problem
    if terms.status == TermsStatus.DRAFT:
        raise SecretariatError(N_("Version {version} of the terms of reference is a draft: "
                                  "its ethics statement is signed once it is adopted."),
                               version=terms.version_no)
    if day > (today or dt.date.today()):
        raise SecretariatError(N_("The signing date {date} is still to come."),
                               date=day.isoformat())
    if meeting_id is not None:
        get_or_error(s, Meeting, meeting_id, N_("meeting"))
    elif how == SigningMethod.IN_MEETING:
        raise SecretariatError(N_("Say in which meeting the statement was signed."))
    existing = s.scalars(select(EthicsSignature).where(
        EthicsSignature.terms_id == terms.id, EthicsSignature.person_id == person.id)).first()
    if existing is not None:
        raise SecretariatError(N_("{name} signed the ethics statement of version {version} "
                                  "on {date} already."), name=person.name,
                               version=terms.version_no, date=existing.signed_on.isoformat())
    signature = EthicsSignature(terms_id=terms.id, person_id=person.id, signed_on=day,
                                method=how, meeting_id=meeting_id)
    s.add(signature)
    flush(s)
    return signature


def withdraw_signature(s: Session, person_id: int, version_no: int) -> None:
    """Take back a signature recorded by mistake (the undo of ``sign_statement``)."""
    terms = get_version(s, version_no)
    signature = s.scalars(select(EthicsSignature).where(
        EthicsSignature.terms_id == terms.id, EthicsSignature.person_id == person_id)).first()
    if signature is None:
        raise SecretariatError(N_("No signature of version {version}'s ethics statement is "
                                  "on record for this person."), version=terms.version_no)
    s.delete(signature)
    flush(s)


def signatures(s: Session, version_no: int) -> list[SignatureRow]:
    terms = get_version(s, version_no)
    rows = s.execute(select(EthicsSignature, Person).join(
        Person, Person.id == EthicsSignature.person_id).where(
        EthicsSignature.terms_id == terms.id).order_by(EthicsSignature.signed_on, Person.name))
    return [SignatureRow(person.id, person.name, person.name_en, terms.version_no,
                         sig.signed_on, sig.method, sig.meeting_id) for sig, person in rows]


def unsigned_members(s: Session, day: dt.date) -> Unsigned:
    """Members in office on ``day`` who have not signed the statement of the version in
    force that day (by that day)."""
    terms = terms_in_force(s, day)
    if terms is None:
        return Unsigned(day, None, [])
    signed = set(s.scalars(select(EthicsSignature.person_id).where(
        EthicsSignature.terms_id == terms.id, EthicsSignature.signed_on <= day)))
    rows = s.execute(
        select(Person.id, Person.name, Person.name_en, Seat.label, Sector.code)
        .join(Membership, Membership.person_id == Person.id)
        .join(Seat, Seat.id == Membership.seat_id).join(Sector, Sector.id == Seat.sector_id)
        .where(Membership.role.in_(SIGNING_ROLES), active_on(day))
        .order_by(Sector.sort_order, Seat.label, Person.name)).all()
    members, seen = [], set()
    for person_id, name, name_en, seat_label, code in rows:
        if person_id in signed or person_id in seen:
            continue
        seen.add(person_id)
        members.append(UnsignedMember(person_id, name, name_en, seat_label, code))
    return Unsigned(day, terms.version_no, members)
