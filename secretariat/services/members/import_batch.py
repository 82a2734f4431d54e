"""The second half of the member import: the rows checked against the stored records and
against each other, then written in bulk.

``Stored.load`` reads, in a handful of queries, everything the checks need (sectors,
organisations, people, seats and their terms); ``check_rows`` then plays every row in
memory as ``add_member`` would, with the same rules and messages (``rules.check_membership``
and ``adding``), so a row sees the rows above it. Nothing is written until the whole file
passes; ``import_write.write_rows`` then inserts each table in batches.

Who is the same person: a row's name and organisation, exactly as stored. A row without
an organisation means "not given": it is the person of that name without an organisation
if there is one, else the only person of that name; when several people with different
organisations share the name the row is refused until it names the organisation.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.model import Membership, Organisation, Person, PersonContact, Role, Seat, Sector
from secretariat.services.forum import forum_languages, list_sectors, require_forum
from secretariat.services.members.views import VOTING_ROLES
from secretariat.services.validation import terms_overlap

@dataclass(frozen=True)
class ImportReport:
    people_added: int
    organisations_added: int
    seats_added: int
    memberships_added: int


@dataclass(frozen=True)
class Row:
    """One row's cells, checked and converted."""

    number: int  # as the spreadsheet shows it
    name: str
    name_en: str
    organisation: str | None
    sector_code: str
    role: Role | None
    term_start: dt.date | None
    term_end: dt.date | None
    high_level: bool
    email: str
    phone: str
    seat_label: str | None
    seat_label_en: str = ""
    gender: str = ""  # a ``Gender`` value
    region: str = ""


@dataclass(eq=False)
class _Person:
    id: int | None  # None until written
    name: str
    organisation: str | None
    name_en: str = ""
    gender: str = ""
    region: str = ""
    email: str = ""
    phone: str = ""
    has_contact: bool = False  # a stored contact row exists
    filled: bool = False  # a stored person's missing email or phone comes from the file
    details_filled: bool = False  # … or their missing gender or region


@dataclass(eq=False)
class _Seat:
    id: int | None
    label: str
    sector_id: int
    abolished_on: dt.date | None = None
    label_en: str = ""
    terms: list[_Term] = field(default_factory=list)


@dataclass(eq=False)
class _Term:
    id: int | None
    person: _Person | None
    role: Role
    start: dt.date
    end: dt.date | None  # the effective end: planned or actual, whichever comes first
    seat: _Seat | None = None
    high_level: bool = False
    alternate_for: _Term | None = None

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Stored:
    """The records the checks need, read once, and what the file adds to them."""

    def __init__(self, s: Session):
        forum = require_forum(s)
        self.language = (forum_languages(forum) or ["zh_TW"])[0]
        self.sectors: list[Sector] = list_sectors(s)
        self.sector_by_code = {sector.code: sector for sector in self.sectors}
        self.organisations: dict[str, list] = {  # name -> [id, sector id]
            name: [org_id, sector_id] for org_id, name, sector_id in
            s.execute(select(Organisation.id, Organisation.name, Organisation.sector_id))}
        self.people: dict[str, list[_Person]] = defaultdict(list)
        person_by_id: dict[int, _Person] = {}
        for person_id, name, organisation, gender, region, contact_id, email, phone in s.execute(
                select(Person.id, Person.name, Organisation.name, Person.gender, Person.region,
                       PersonContact.person_id, PersonContact.email, PersonContact.phone)
                .outerjoin(Organisation, Person.organisation_id == Organisation.id)
                .outerjoin(PersonContact, PersonContact.person_id == Person.id)
                .order_by(Person.id)):
            person = _Person(person_id, name, organisation, gender=gender, region=region,
                             email=email or "", phone=phone or "",
                             has_contact=contact_id is not None)
            self.people[name].append(person)
            person_by_id[person_id] = person
        self.seats: dict[str, _Seat] = {}
        seat_by_id: dict[int, _Seat] = {}
        self.seat_counts: dict[int, int] = defaultdict(int)
        for seat_id, label, sector_id, abolished_on in s.execute(
                select(Seat.id, Seat.label, Seat.sector_id, Seat.abolished_on)
                .where(Seat.forum_id == forum.id).order_by(Seat.id)):
            seat = seat_by_id[seat_id] = _Seat(seat_id, label, sector_id, abolished_on)
            self.seats.setdefault(label, seat)
            self.seat_counts[sector_id] += 1
        self.forum_id = forum.id
        self.terms_of: dict[tuple, list[_Term]] = defaultdict(list)  # (person, sector, role)
        for term_id, seat_id, person_id, role, start, end, ended in s.execute(
                select(Membership.id, Membership.seat_id, Membership.person_id,
                       Membership.role, Membership.term_start, Membership.term_end,
                       Membership.ended_on).join(Seat).where(Seat.forum_id == forum.id)
                .order_by(Membership.id)):
            ends = [day for day in (end, ended) if day is not None]
            seat = seat_by_id[seat_id]
            term = _Term(term_id, person_by_id[person_id], role, start, min(ends, default=None),
                         seat)
            seat.terms.append(term)
            self.terms_of[(term.person, seat.sector_id, role)].append(term)
        self.new_organisations: list[str] = []
        self.organisation_sectors: dict[int, int] = {}  # stored organisation -> its sector
        self.new_people: list[_Person] = []
        self.new_seats: list[_Seat] = []
        self.new_terms: list[_Term] = []

    load = classmethod(lambda cls, s: cls(s))

    def sector_spellings(self) -> dict[str, str]:
        """Sector code, Chinese name or English name (lower-cased) -> code."""
        return {spelling.strip().lower(): sector.code for sector in self.sectors
                for spelling in (sector.code, sector.name_zh_tw, sector.name_en)}

    def add(self, row: Row) -> None:
        """Add the row to the plan, or raise the first rule it breaks (``add_member``'s)."""
        sector = self.sector_by_code[row.sector_code]
        seat = self.seats.get(row.seat_label) if row.seat_label else None
        if seat is not None and seat.sector_id != sector.id:
            raise SecretariatError(
                N_("Seat “{label}” belongs to another sector; choose that sector or another "
                   "seat."), label=seat.label)
        person = self._person(row.name, row.organisation)
        term = _Term(None, person, row.role, row.term_start, row.term_end, seat,  # type: ignore[arg-type]
                     row.high_level)
        if person is not None:
            self._check_not_already_member(term, person, sector)
        if seat is not None:
            term.alternate_for = _holder_to_stand_in_for(seat, term)
            _check_seat(term, seat)
        # Every check passed: the row's records join the plan.
        if person is None:
            person = _Person(None, row.name, row.organisation, name_en=row.name_en,
                             gender=row.gender, region=row.region, email=row.email,
                             phone=row.phone)
            self.people[row.name].append(person)
            self.new_people.append(person)
        else:
            self._fill_missing_contact(person, row)
        if row.organisation:
            self._organisation(row.organisation, sector.id)
        if seat is None:
            label = row.seat_label or self._next_seat_label(sector)
            seat = _Seat(None, label, sector.id, label_en=row.seat_label_en
                         or self._english_seat_label(sector, label))
            self.seats[seat.label] = seat
            self.seat_counts[sector.id] += 1
            self.new_seats.append(seat)
        term.person, term.seat = person, seat
        seat.terms.append(term)
        self.terms_of[(person, sector.id, term.role)].append(term)
        self.new_terms.append(term)

    def _person(self, name: str, organisation: str | None) -> _Person | None:
        candidates = self.people.get(name, [])
        if organisation:
            return next((p for p in candidates if p.organisation == organisation), None)
        without = [p for p in candidates if p.organisation is None]
        if without or not candidates:
            return without[0] if without else None
        organisations = sorted({p.organisation for p in candidates})  # type: ignore[type-var]
        if len(organisations) > 1:
            raise SecretariatError(
                N_("Several people are called {name} ({organisations}); give the "
                   "organisation to say which one."),
                name=name, organisations=_(", ").join(organisations))
        return candidates[0]

    def _check_not_already_member(self, term: _Term, person: _Person, sector: Sector) -> None:
        for other in self.terms_of.get((person, sector.id, term.role), ()):
            if terms_overlap(term.start, term.end, other.start, other.end):
                raise SecretariatError(
                    N_("{name} is already recorded in this sector with this role for an "
                       "overlapping term (from {start})."), name=person.name, start=other.start)

    def _fill_missing_contact(self, person: _Person, row: Row) -> None:
        for key in ("email", "phone"):
            if getattr(row, key) and not getattr(person, key):
                setattr(person, key, getattr(row, key))
                person.filled = person.id is not None
        for key in ("gender", "region"):  # as ``adding._fill_missing_details``
            if getattr(row, key) and not getattr(person, key):
                setattr(person, key, getattr(row, key))
                person.details_filled = person.id is not None

    def _organisation(self, name: str, sector_id: int) -> None:
        known = self.organisations.get(name)
        if known is None:
            self.organisations[name] = [None, sector_id]
            self.new_organisations.append(name)
        elif known[1] is None:
            known[1] = sector_id
            if known[0] is not None:
                self.organisation_sectors[known[0]] = sector_id

    def _next_seat_label(self, sector: Sector) -> str:
        """As ``seats.next_seat_label``: the sector's name and the next free number."""
        base = sector.name(self.language)
        number = self.seat_counts[sector.id] + 1
        while f"{base} {number}" in self.seats:
            number += 1
        return f"{base} {number}"


    def _english_seat_label(self, sector: Sector, label: str) -> str:
        """As ``seats.english_seat_label``: "Civil society organisation 3" beside the
        label ``_next_seat_label`` made; "" for one the file chose."""
        base = sector.name(self.language)
        number = label[len(base) + 1:] if label.startswith(base + " ") else ""
        if not number.isdigit() or self.language == "en":
            return ""
        return f"{sector.name('en')} {number}"


def _holder_to_stand_in_for(seat: _Seat, term: _Term) -> _Term | None:
    if term.role != Role.ALTERNATE:
        return None
    return next((other for other in seat.terms
                 if other.role in VOTING_ROLES and other.active_on(term.start)), None)


def _check_seat(term: _Term, seat: _Seat) -> None:
    """``rules.check_membership`` for a seat and the terms it already has."""
    if seat.abolished_on is not None and term.start > seat.abolished_on:
        raise SecretariatError(N_("Seat “{label}” was abolished on {date}."),
                               label=seat.label, date=seat.abolished_on)
    for other in seat.terms:
        if not terms_overlap(term.start, term.end, other.start, other.end):
            continue
        if other.person is term.person:
            raise SecretariatError(
                N_("{name} already has a term on seat “{label}” (from {start}) that overlaps "
                   "these dates."), name=other.person.name, label=seat.label, start=other.start)
        if term.role in VOTING_ROLES and other.role in VOTING_ROLES:
            raise SecretariatError(
                N_("Seat “{label}” is already held by {name} (term from {start}) during these "
                   "dates. End that term first or choose other dates."),
                label=seat.label, name=other.person.name,  # type: ignore[union-attr]
                start=other.start)


def check_rows(rows: list[Row], stored: Stored) -> list[tuple[int, str]]:
    """(row number, reason) for each row the stored records or the rows above refuse."""
    errors = []
    for row in rows:
        try:
            stored.add(row)
        except SecretariatError as exc:
            errors.append((row.number, str(exc)))
    return errors
