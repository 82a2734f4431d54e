"""Declaring interests: a person's declaration on a day (at appointment, yearly, or an
update), item by item, each public or private; and taking a mistaken item back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.interest_vocabulary import DeclarationOccasion, InterestKind
from secretariat.model import InterestDeclaration, InterestItem, Organisation, Person
from secretariat.services.validation import (
    check_date,
    coerce_enum,
    get_or_error,
    optional_text,
)


@dataclass(frozen=True)
class ItemInput:
    """One interest as entered: what it is, in either language, and whom it concerns."""

    kind: InterestKind | str
    description: str = ""
    description_en: str = ""
    organisation_id: int | None = None
    organisation_name: str = ""
    is_public: bool = True


def _checked_item(s: Session, item: ItemInput) -> InterestItem:
    kind = coerce_enum(InterestKind, item.kind, N_("kind of interest"))
    description = optional_text(item.description, N_("Description"))
    description_en = optional_text(item.description_en, N_("Description (English)"))
    organisation_name = optional_text(item.organisation_name, N_("Organisation"))
    if item.organisation_id is not None:
        get_or_error(s, Organisation, item.organisation_id, N_("organisation"))
    if not (description or description_en or organisation_name or item.organisation_id):
        raise SecretariatError(N_("Describe the interest, or name the organisation it "
                                  "concerns."))
    return InterestItem(kind=kind, description=description, description_en=description_en,
                        organisation_id=item.organisation_id,
                        organisation_name=organisation_name, is_public=item.is_public)


def declare_interests(s: Session, *, person_id: int, declared_on: dt.date | str,
                      items: list[ItemInput] = (),
                      occasion: DeclarationOccasion | str = DeclarationOccasion.YEARLY,
                      ) -> InterestDeclaration:
    """Add ``items`` to the person's declaration of ``declared_on`` (made if there is none
    that day). No items: a declaration of nothing to declare, which still counts."""
    get_or_error(s, Person, person_id, N_("person"))
    day = check_date(declared_on, N_("Date of the declaration"))
    if day > dt.date.today():
        raise SecretariatError(N_("A declaration cannot be dated after today ({date})."),
                               date=day)
    occasion = coerce_enum(DeclarationOccasion, occasion, N_("occasion"))
    new_items = [_checked_item(s, item) for item in items]
    declaration = s.scalars(select(InterestDeclaration).where(
        InterestDeclaration.person_id == person_id,
        InterestDeclaration.declared_on == day)).first()
    if declaration is None:
        declaration = InterestDeclaration(person_id=person_id, declared_on=day,
                                          occasion=occasion)
        s.add(declaration)
    declaration.items.extend(new_items)
    s.flush()
    return declaration


def organisation_named(s: Session, name: str) -> int | None:
    """The organisation on record with this name (Chinese, or English in any case)."""
    value = (name or "").strip()
    if not value:
        return None
    return s.scalars(select(Organisation.id).where(
        (Organisation.name == value) | (func.lower(Organisation.name_en) == value.lower()))
        .order_by(Organisation.id)).first()


def remove_interest_item(s: Session, item_id: int, *,
                         drop_empty_declaration: bool = False) -> None:
    """Take back an item entered by mistake. The declaration stays (it was made, even if
    it now declares nothing) unless ``drop_empty_declaration``: the undo of the entry
    that created it."""
    item = get_or_error(s, InterestItem, item_id, N_("declared interest"))
    declaration = item.declaration
    declaration.items.remove(item)
    if drop_empty_declaration and not declaration.items:
        s.delete(declaration)
    s.flush()


def remove_declaration(s: Session, declaration_id: int) -> None:
    """Take back a whole declaration entered by mistake, with its items."""
    s.delete(get_or_error(s, InterestDeclaration, declaration_id, N_("declaration")))
    s.flush()
