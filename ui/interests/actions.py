"""Conflicts-of-interest actions for the GUI (worker thread, no Qt): loading the page,
declaring an interest and its undo, exporting the public register, counting overdue
declarations for the main window. Each change returns ``Changes`` of kind INTEREST."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from secretariat.interest_vocabulary import DeclarationOccasion, InterestKind
from secretariat.services.interests import breaches, declare, listing, overdue, register
from secretariat.services.members import people as people_service
from ui.changes import ChangeKind, Changes


@dataclass(frozen=True)
class InterestRow:
    """One declared interest, or a declaration of nothing (``kind`` None; ``id`` is then
    the declaration's number, negated, so rows never share an id)."""

    id: int
    declaration_id: int
    person_name: str
    person_name_en: str
    declared_on: dt.date
    occasion: DeclarationOccasion
    kind: InterestKind | None
    description: str
    description_en: str
    organisation: str
    organisation_en: str
    is_public: bool


@dataclass(frozen=True)
class InterestsData:
    rows: list[InterestRow]
    overdue: list  # services.interests.overdue.OverdueDeclaration
    on: dt.date
    breaches: list = ()  # services.interests.breaches.BreachRow, newest first


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    name_en: str


@dataclass(frozen=True)
class InterestForm:
    """What the Declare interest dialog asks."""

    person_id: int
    declared_on: dt.date
    occasion: DeclarationOccasion
    kind: InterestKind
    description: str = ""
    description_en: str = ""
    organisation: str = ""
    is_public: bool = True


def _rows(declarations) -> list[InterestRow]:
    rows = []
    for d in declarations:
        common = dict(declaration_id=d.id, person_name=d.person_name,
                      person_name_en=d.person_name_en, declared_on=d.declared_on,
                      occasion=d.occasion)
        if not d.items:
            rows.append(InterestRow(id=-d.id, kind=None, description="", description_en="",
                                    organisation="", organisation_en="", is_public=True,
                                    **common))
        for item in d.items:
            rows.append(InterestRow(
                id=item.id, kind=item.kind, description=item.description,
                description_en=item.description_en, organisation=item.organisation,
                organisation_en=item.organisation_en, is_public=item.is_public, **common))
    return rows


def load_interests(s, *, on: dt.date) -> InterestsData:
    return InterestsData(rows=_rows(listing.declaration_rows(s)),
                         overdue=overdue.overdue_declarations(s, on), on=on,
                         breaches=breaches.breach_rows(s))


def person_choices(s) -> list[PersonChoice]:
    return [PersonChoice(p.id, p.name, p.name_en) for p in people_service.list_people(s)]


def overdue_count(s) -> int:
    return overdue.overdue_count(s, dt.date.today())


def _interest(item_id: int) -> Changes:
    return Changes(ChangeKind.INTEREST, ids=(item_id,))


def declare_interest(s, form: InterestForm) -> tuple[Changes, bool]:
    """Record the interest; also says whether its declaration was made by it (so the
    undo removes that declaration too)."""
    existing = {row.id for row in listing.declaration_rows(s, form.person_id)
                if row.declared_on == form.declared_on}
    on_record = declare.organisation_named(s, form.organisation)
    declaration = declare.declare_interests(
        s, person_id=form.person_id, declared_on=form.declared_on, occasion=form.occasion,
        items=[declare.ItemInput(
            kind=form.kind, description=form.description, description_en=form.description_en,
            organisation_id=on_record, organisation_name="" if on_record else form.organisation,
            is_public=form.is_public)])
    return _interest(declaration.items[-1].id), declaration.id not in existing


def withdraw_interest(s, item_id: int, *, drop_empty_declaration: bool) -> Changes:
    declare.remove_interest_item(s, item_id, drop_empty_declaration=drop_empty_declaration)
    return _interest(item_id)


def export_register(s, out: Path) -> int:
    return register.write_register(s, Path(out))


@dataclass(frozen=True)
class BreachForm:
    person_id: int
    occurred_on: dt.date
    description: str
    sanction: str = ""
    decision_number: str = ""
    decided_on: dt.date | None = None


def record_breach(s, form: BreachForm) -> Changes:
    breach = breaches.record_breach(
        s, person_id=form.person_id, occurred_on=form.occurred_on,
        description=form.description, sanction=form.sanction,
        decision_number=form.decision_number or None, decided_on=form.decided_on)
    return Changes(ChangeKind.INTEREST, ids=(breach.id,))


def remove_breach(s, breach_id: int) -> Changes:
    breaches.remove_breach(s, breach_id)
    return Changes(ChangeKind.INTEREST, ids=(breach_id,))
