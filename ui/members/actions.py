"""Member actions: add, edit, end a term and their undos, and loading the list (worker
thread, no Qt). Each returns ``Changes`` of kind MEMBER naming the membership."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from secretariat.services import forum as forum_service
from secretariat.services import members as member_service
from secretariat.services.members import people as people_service
from secretariat.vocabulary import Role
from ui.changes import ChangeKind, Changes
from ui.form_values import FormValues

_PERSON_FIELDS = ("name", "name_en", "gender", "region", "organisation", "email", "phone")
_TERM_FIELDS = ("role", "term_start", "term_end", "high_level")


@dataclass(frozen=True)
class MemberForm(FormValues):
    """What the Add/Edit member dialog edits, as plain values."""

    name: str = ""
    name_en: str = ""
    organisation: str = ""
    sector_code: str = "civil_society"
    role: Role = Role.MEMBER
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    high_level: bool = False
    email: str = ""
    phone: str = ""
    seat_label: str = ""
    seat_label_en: str = ""
    gender: str = ""  # a ``Gender`` value; "" is "not recorded"
    region: str = ""


@dataclass(frozen=True)
class MemberList:
    rows: list
    balance: object
    on: dt.date
    has_members: bool = True  # any term at all, past ones included (rows may hide them)


@dataclass(frozen=True)
class SectorChoice:
    code: str
    name_zh_tw: str
    name_en: str


def load_members(s, *, on: dt.date, include_past: bool) -> MemberList:
    rows = member_service.member_rows(s, on=on, include_past=include_past)
    has_members = bool(rows) or (not include_past and bool(
        member_service.member_rows(s, on=on, include_past=True)))
    return MemberList(rows=rows, balance=member_service.balance(s, on=on), on=on,
                      has_members=has_members)


def sector_choices(s) -> list[SectorChoice]:
    return [SectorChoice(x.code, x.name_zh_tw, x.name_en) for x in forum_service.list_sectors(s)]


def _member(membership_id: int) -> Changes:
    return Changes(ChangeKind.MEMBER, ids=(membership_id,))


def add_member(s, form: MemberForm) -> Changes:
    # The form's fields are the service's arguments; an empty text means "none".
    membership = member_service.add_member(
        s, **{**form.as_fields(), "organisation": form.organisation or None,
              "seat_label": form.seat_label or None})
    return _member(membership.id)


def remove_member(s, membership_id: int, *, seat_was_new: bool) -> Changes:
    """Undo of ``add_member``: the membership goes, and the person (and the seat made for
    it) if nothing else uses them."""
    member_service.remove_membership(s, membership_id, delete_orphan_person=True,
                                     delete_empty_seat=seat_was_new)
    return _member(membership_id)


def read_member(s, membership_id: int) -> MemberForm:
    """The current values of a membership, to fill the Edit dialog and to undo an edit."""
    return MemberForm.read_from(member_service.membership_values(s, membership_id))


@dataclass(frozen=True)
class OpenedMember:
    """The Edit dialog's values and the versions they were read at."""

    form: MemberForm
    version: int
    person_version: int


def open_member_form(s, membership_id: int) -> OpenedMember:
    values = member_service.membership_values(s, membership_id)
    return OpenedMember(MemberForm.read_from(values), values.version, values.person_version)


def edit_member(s, membership_id: int, opened: MemberForm, new: MemberForm, *,
                versions: OpenedMember | None = None) -> Changes:
    """Write the fields changed since the dialog opened (undo: the forms swapped), refused
    when the membership or the person changed meanwhile (``versions`` given)."""
    person_id = member_service.membership_values(s, membership_id).person_id
    changed = new.changes_from(opened)
    person_fields = {name: value for name, value in changed.items() if name in _PERSON_FIELDS}
    if "organisation" in person_fields:
        person_fields["organisation"] = new.organisation or None
    term_fields = {name: value for name, value in changed.items() if name in _TERM_FIELDS}
    if person_fields:
        people_service.update_person(
            s, person_id, expected_version=versions and versions.person_version,
            **person_fields)
    if term_fields:
        member_service.update_membership(
            s, membership_id, expected_version=versions and versions.version, **term_fields)
    return _member(membership_id)


def end_term(s, membership_id: int, *, ended_on: dt.date, reason: str) -> Changes:
    member_service.end_term(s, membership_id, ended_on=ended_on, reason=reason)
    return _member(membership_id)


def reopen_term(s, membership_id: int) -> Changes:
    member_service.reopen_term(s, membership_id)
    return _member(membership_id)


@dataclass(frozen=True)
class DiversityView:
    """The forum's balance and diversity on a day, and seats by side per quarter."""

    found: object
    quarters: list


def load_diversity(s, *, on: dt.date, quarters: int = 8) -> DiversityView:
    from secretariat.services.balance.diversity import balance_by_quarter, diversity

    first = dt.date(on.year - (quarters // 4), 1, 1)
    return DiversityView(diversity(s, on=on),
                         balance_by_quarter(s, start=first, end=on)[-quarters:])
