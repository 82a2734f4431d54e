"""People and organisations. Contact details go to ``PersonContact`` (private)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.vocabulary import Gender
from secretariat.model import (
    ActionItem,
    AgendaItem,
    Attendance,
    Dissent,
    Membership,
    Organisation,
    Person,
    PersonContact,
    Recusal,
    Sector,
    Vote,
    utcnow,
)
from secretariat.services.validation import (
    check_email,
    flush,
    get_for_update,
    get_or_error,
    is_referenced,
    like_pattern,
    optional_text,
    required_text,
)

_PUBLIC_FIELDS = ("name", "name_en", "job_title", "gender", "region")
_CONTACT_FIELDS = ("email", "phone", "address", "internal_notes")
_ORGANISATION_FIELDS = ("organisation", "organisation_id")


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    name_en: str
    job_title: str
    gender: str  # a ``Gender`` value; "" when not recorded
    region: str
    organisation: str
    email: str
    phone: str
    version: int


def get_or_create_organisation(s: Session, name: str, *, sector_id: int | None = None,
                               name_en: str = "") -> Organisation:
    """Organisations are matched by exact name (after trimming spaces). A sector or an
    English name given fills one the organisation does not have yet."""
    clean = required_text(name, N_("Organisation name"))
    clean_en = optional_text(name_en)
    if sector_id is not None:
        get_or_error(s, Sector, sector_id, N_("sector"))
    organisation = s.scalars(select(Organisation).where(Organisation.name == clean)).first()
    if organisation is None:
        organisation = Organisation(name=clean, name_en=clean_en, sector_id=sector_id)
        s.add(organisation)
        flush(s)
        return organisation
    if organisation.sector_id is None and sector_id is not None:
        organisation.sector_id = sector_id
    if not organisation.name_en and clean_en:
        organisation.name_en = clean_en
    flush(s)
    return organisation


def list_organisations(s: Session) -> list[Organisation]:
    return list(s.scalars(select(Organisation).order_by(Organisation.name)))


def add_person(
    s: Session,
    *,
    name: str,
    name_en: str = "",
    job_title: str = "",
    gender: Gender | str = Gender.NOT_RECORDED,
    region: str = "",
    organisation: str | None = None,
    organisation_id: int | None = None,
    email: str = "",
    phone: str = "",
    address: str = "",
    internal_notes: str = "",
) -> Person:
    person = Person(
        name=required_text(name, N_("Name")),
        name_en=optional_text(name_en),
        job_title=optional_text(job_title),
        gender=check_gender(gender),
        region=check_region(region),
    )
    contact = _contact_values(email=email, phone=phone, address=address,
                              internal_notes=internal_notes)
    person.organisation_id = _organisation_id(s, organisation, organisation_id)
    if any(contact.values()):
        person.contact = PersonContact(**contact)
    s.add(person)
    flush(s)
    return person


def update_person(
    s: Session, person_id: int, *, expected_version: int | None = None, **fields: object
) -> Person:
    person = get_for_update(s, Person, person_id, N_("person"), expected_version=expected_version,
                            fields=fields,
                            allowed=_PUBLIC_FIELDS + _CONTACT_FIELDS + _ORGANISATION_FIELDS)
    public = {key: fields[key] for key in _PUBLIC_FIELDS if key in fields}
    if "name" in public:
        public["name"] = required_text(public["name"], N_("Name"))  # type: ignore[arg-type]
    for key in ("name_en", "job_title"):
        if key in public:
            public[key] = optional_text(public[key])  # type: ignore[arg-type]
    if "gender" in public:
        public["gender"] = check_gender(public["gender"])  # type: ignore[arg-type]
    if "region" in public:
        public["region"] = check_region(public["region"])  # type: ignore[arg-type]
    contact = _contact_values(**{k: fields[k] for k in _CONTACT_FIELDS if k in fields})
    if any(key in fields for key in _ORGANISATION_FIELDS):
        public["organisation_id"] = _organisation_id(
            s, fields.get("organisation"), fields.get("organisation_id")  # type: ignore[arg-type]
        )
    for key, value in public.items():
        setattr(person, key, value)
    if contact:
        if person.contact is None:
            person.contact = PersonContact()
        for key, value in contact.items():
            setattr(person.contact, key, value)
        # The contact details are part of the person's optimistic lock: a form opened
        # earlier must not overwrite someone else's new email address either.
        person.updated_at = utcnow()
    flush(s)
    return person


def delete_person(s: Session, person_id: int, *, expected_version: int | None = None) -> None:
    """Delete someone entered by mistake; people with a record in the forum's history stay."""
    person = get_for_update(s, Person, person_id, N_("person"), expected_version=expected_version)
    reason = _why_person_is_needed(s, person_id)
    if reason is not None:
        raise SecretariatError(reason, name=person.name)
    s.delete(person)
    flush(s)


def person_is_referenced(s: Session, person_id: int) -> bool:
    return _why_person_is_needed(s, person_id) is not None


def list_people(s: Session, search: str | None = None) -> list[PersonRow]:
    query = (
        select(Person)
        .outerjoin(Person.organisation)
        .options(selectinload(Person.organisation), selectinload(Person.contact))
        .order_by(Person.name, Person.id)
    )
    if search and search.strip():
        pattern = like_pattern(search)
        query = query.where(or_(
            Person.name.ilike(pattern, escape="\\"),
            Person.name_en.ilike(pattern, escape="\\"),
            Organisation.name.ilike(pattern, escape="\\"),
        ))
    return [
        PersonRow(
            id=p.id, name=p.name, name_en=p.name_en, job_title=p.job_title,
            gender=p.gender, region=p.region,
            organisation=p.organisation.name if p.organisation else "",
            email=p.contact.email if p.contact else "",
            phone=p.contact.phone if p.contact else "",
            version=p.version,
        )
        for p in s.scalars(query)
    ]


REGION_MAX_LENGTH = 100  # the column's length


def check_gender(value: Gender | str | None) -> str:
    """The stored value of a gender: one of ``Gender`` ("" when not recorded)."""
    if value is None:
        return Gender.NOT_RECORDED.value
    if isinstance(value, Gender):
        return value.value
    try:
        return Gender(str(value).strip().lower()).value
    except ValueError:
        raise SecretariatError(
            N_("“{value}” is not a gender this program records (female, male, other, or "
               "leave it empty)."), value=value) from None


def check_region(value: str | None) -> str:
    region = optional_text(value, N_("Region"))
    if len(region) > REGION_MAX_LENGTH:
        raise SecretariatError(N_("The region is too long (at most {limit} characters)."),
                               limit=REGION_MAX_LENGTH)
    return region


def _organisation_id(s: Session, name: str | None, organisation_id: int | None) -> int | None:
    if organisation_id is not None:
        return get_or_error(s, Organisation, organisation_id, N_("organisation")).id
    if name and name.strip():
        return get_or_create_organisation(s, name).id
    return None


def _contact_values(**fields: object) -> dict[str, str]:
    values = {key: optional_text(value) for key, value in fields.items()}  # type: ignore[arg-type]
    if "email" in values:
        values["email"] = check_email(values["email"])
    return values


# Each check pairs a query "is this person used here?" with the message that says why
# the person cannot be deleted.
_REFERENCES = (
    (Membership.person_id, N_("{name} cannot be deleted: they hold or held a seat. "
                              "Remove their memberships first.")),
    (Attendance.person_id, N_("{name} cannot be deleted: they are in a meeting's attendance.")),
    (Attendance.represented_by_id, N_("{name} cannot be deleted: they represented a member "
                                      "at a meeting.")),
    (Vote.person_id, N_("{name} cannot be deleted: they voted on a decision.")),
    (Recusal.person_id, N_("{name} cannot be deleted: a decision records their recusal.")),
    (Dissent.person_id, N_("{name} cannot be deleted: a decision records their dissent.")),
    (ActionItem.owner_person_id, N_("{name} cannot be deleted: they own an action item.")),
    (AgendaItem.presenter_person_id, N_("{name} cannot be deleted: they present an agenda "
                                        "item.")),
)


def _why_person_is_needed(s: Session, person_id: int) -> str | None:
    for column, message in _REFERENCES:
        if is_referenced(s, column, person_id):
            return message
    return None
