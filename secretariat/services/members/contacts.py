"""How many people have private contact details on record: what a publication preview
says it holds back (counted only; the details themselves are never read here)."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from secretariat.model import PersonContact


def people_with_contact_details(s: Session) -> int:
    """People with at least one contact detail or note filled in."""
    filled = or_(*(func.length(func.coalesce(column, "")) > 0 for column in (
        PersonContact.email, PersonContact.phone, PersonContact.address,
        PersonContact.internal_notes)))
    return s.scalar(select(func.count()).select_from(PersonContact).where(filled)) or 0
