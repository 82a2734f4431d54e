"""Adopted versions of the terms of reference in the audit chain: what their entries
hash. Adopting a version enters it, publishing it enters it again (the publication date
is part of the content), and ``verify_chain`` then reports a version changed behind the
program's back.

The content is every column of the version but bookkeeping (the record's id, forum,
optimistic-locking version and timestamps): status, dates, the adopting decision by
record id (a decision's number may be respelled by a schema upgrade, as 0006 did), the
change note and every rule; the text of every topic in both languages; the composition
by sector code. Version 1 made by migration 0008 is not entered (migrations cannot run
the program's code); every version adopted from then on is.

Read from the tables like ``content`` (no ``services.terms`` import: that package
appends to the chain, so the chain must not depend on it).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.i18n import N_
from secretariat.model import Sector, TermsClause, TermsOfReference, TermsSeats

TERMS = "terms_of_reference"
_BOOKKEEPING = {"id", "forum_id", "version", "created_at", "updated_at"}
CHANGED_MSGID = N_(
    "Version {version} of the terms of reference (record {record_id}) no longer matches "
    "the content recorded in audit entry {entry_id}: it was changed outside the program.")


def _plain(value: object) -> object:
    value = getattr(value, "value", value)  # enums by their stored value
    return value.isoformat() if hasattr(value, "isoformat") else value


def load_terms(s: Session, ids: list[int]) -> dict[int, dict]:
    # Columns, not ORM objects: what the tables hold now, not what this session loaded.
    table = TermsOfReference.__table__
    columns = [c for c in table.columns if c.key not in _BOOKKEEPING]
    contents = {}
    for row in s.execute(select(table.c.id, *columns).where(table.c.id.in_(ids))):
        values = row._mapping
        contents[values["id"]] = {**{c.key: _plain(values[c.key]) for c in columns},
                                  "texts": {}, "seats": {}}
    for terms_id, topic, zh_tw, en in s.execute(
            select(TermsClause.terms_id, TermsClause.topic, TermsClause.text_zh_tw,
                   TermsClause.text_en).where(TermsClause.terms_id.in_(ids))):
        contents[terms_id]["texts"][topic] = [zh_tw, en]
    for terms_id, code, seats, alternates in s.execute(
            select(TermsSeats.terms_id, Sector.code, TermsSeats.seats, TermsSeats.alternates)
            .join(Sector, Sector.id == TermsSeats.sector_id)
            .where(TermsSeats.terms_id.in_(ids))):
        contents[terms_id]["seats"][code] = [seats, alternates]
    return contents


def terms_label(s: Session, record_id: int) -> dict:
    return {"version": s.scalar(select(TermsOfReference.version_no)
                                .where(TermsOfReference.id == record_id))}
