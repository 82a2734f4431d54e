"""``add_member``: person, seat and membership in one call (the GUI's "Add member" dialog
and the CSV import), with every check made before the first record is written."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Membership, Organisation, Person, Role, Seat, Sector
from secretariat.services.members.views import VOTING_ROLES
from secretariat.services.members.rules import check_membership
from secretariat.services.members.seats import (
    add_seat,
    english_seat_label,
    next_seat_label,
    seat_by_label,
)
from secretariat.services.validation import (
    check_date,
    check_optional_date,
    coerce_enum,
    flush,
    required_text,
    terms_overlap,
)
from secretariat.services.forum import require_forum, sector_by_code
from secretariat.services.members.people import (
    add_person,
    check_gender,
    check_region,
    get_or_create_organisation,
    update_person,
)
from secretariat.services.validation import optional_text
from secretariat.vocabulary import Gender


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
    seat_label_en: str = "",
    gender: Gender | str = Gender.NOT_RECORDED,
    region: str = "",
) -> Membership:
    """Person (reused when the same name and organisation exist) + seat + membership.

    ``seat_label_en`` names a seat made for the member in English (a seat named on the
    fly gets its sector's English name); an existing seat keeps its own. ``gender`` and
    ``region`` are optional; a person reused keeps theirs and gets only those missing.
    Everything is checked before the first record is written.
    """
    forum = require_forum(s)
    clean_name = required_text(name, N_("Name"))
    sector = sector_by_code(s, sector_code)
    role = coerce_enum(Role, role, N_("Role"))
    start = check_date(term_start, N_("Term start"))
    end = check_optional_date(term_end, N_("Term end"))
    clean_gender, clean_region = check_gender(gender), check_region(region)
    clean_label_en = optional_text(seat_label_en, N_("Seat name in English"))
    seat = seat_by_label(s, forum.id, seat_label.strip()) if seat_label and seat_label.strip() else None
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
    check_membership(s, probe, seat=seat)
    if person is None:
        person = add_person(s, name=clean_name, name_en=name_en, organisation=organisation,
                            email=email, phone=phone, gender=clean_gender,
                            region=clean_region)
    else:
        _fill_missing_contact(s, person, email=email, phone=phone)
        _fill_missing_details(s, person, gender=clean_gender, region=clean_region)
    if organisation and organisation.strip():
        get_or_create_organisation(s, organisation, sector_id=sector.id)
    if seat is None:
        label = (seat_label or "").strip() or next_seat_label(s, forum, sector)
        seat = add_seat(s, label=label, sector_id=sector.id,
                        label_en=clean_label_en or english_seat_label(forum, sector, label))
    probe.seat_id, probe.person_id = seat.id, person.id
    s.add(probe)
    flush(s)
    return probe


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


def _fill_missing_details(s: Session, person: Person, *, gender: str, region: str) -> None:
    fill = {key: value for key, value in (("gender", gender), ("region", region))
            if value and not getattr(person, key)}
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
