"""Reading declarations of interests back: every item with its person and day, newest
declaration first, for the command line's and the page's lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from secretariat.interest_vocabulary import DeclarationOccasion, InterestKind
from secretariat.model import InterestDeclaration, InterestItem, Organisation


@dataclass(frozen=True)
class ItemRow:
    id: int
    kind: InterestKind
    description: str
    description_en: str
    organisation: str  # the organisation on record's name, else the name typed
    organisation_en: str
    is_public: bool


@dataclass(frozen=True)
class DeclarationRow:
    id: int
    person_id: int
    person_name: str
    person_name_en: str
    declared_on: dt.date
    occasion: DeclarationOccasion
    items: tuple[ItemRow, ...]


def item_row(item: InterestItem) -> ItemRow:
    organisation: Organisation | None = item.organisation
    return ItemRow(
        id=item.id, kind=item.kind, description=item.description,
        description_en=item.description_en,
        organisation=organisation.name if organisation else item.organisation_name,
        organisation_en=(organisation.name_en if organisation else "") or "",
        is_public=item.is_public)


def declaration_rows(s: Session, person_id: int | None = None) -> list[DeclarationRow]:
    query = (select(InterestDeclaration)
             .options(selectinload(InterestDeclaration.items)
                      .selectinload(InterestItem.organisation),
                      selectinload(InterestDeclaration.person))
             .order_by(InterestDeclaration.declared_on.desc(), InterestDeclaration.id))
    if person_id is not None:
        query = query.where(InterestDeclaration.person_id == person_id)
    return [DeclarationRow(
        id=d.id, person_id=d.person_id, person_name=d.person.name,
        person_name_en=d.person.name_en, declared_on=d.declared_on, occasion=d.occasion,
        items=tuple(item_row(item) for item in d.items)) for d in s.scalars(query)]


def current_declarations(s: Session) -> dict[int, DeclarationRow]:
    """Each person's newest declaration: what they declare now (a yearly declaration
    replaces the one before)."""
    newest: dict[int, DeclarationRow] = {}
    for row in declaration_rows(s):
        newest.setdefault(row.person_id, row)
    return newest
