"""The public register of interests (公開利益登錄): each person's current declaration,
public items only. Private items never reach it; nothing else of the private part of
the program (contact details, internal notes, meeting declarations) is read here.

CSV columns (UTF-8 with a byte-order mark, so Excel reads the Chinese; one row per
public item, and one row with the interest columns empty for a declaration with no
public item):

``person``, ``person_en``
    the person's name in Chinese and English
``declared_on``
    the day of their current (newest) declaration, ISO 8601 (2026-03-31)
``occasion``
    ``appointment``, ``yearly`` or ``update``
``kind``, ``kind_label``
    ``employment``, ``board_seat``, ``funding``, ``shareholding``, ``family_tie``,
    ``gift`` or ``other``, and the same in words in the language of the export
``description``, ``description_en``
    the interest as declared, in Chinese and English
``organisation``, ``organisation_en``
    the organisation it concerns: as on record (both languages) or as typed
"""

from __future__ import annotations

import csv
import io
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.atomic_files import write_atomically
from secretariat.i18n import _
from secretariat.services.interests.listing import current_declarations

COLUMNS = ("person", "person_en", "declared_on", "occasion", "kind", "kind_label",
           "description", "description_en", "organisation", "organisation_en")


@dataclass(frozen=True)
class RegisterRow:
    person: str
    person_en: str
    declared_on: dt.date
    occasion: str
    kind: str = ""
    kind_label: str = ""
    description: str = ""
    description_en: str = ""
    organisation: str = ""
    organisation_en: str = ""


def register_rows(s: Session) -> list[RegisterRow]:
    rows = []
    for declaration in sorted(current_declarations(s).values(),
                              key=lambda d: (d.person_name, d.person_id)):
        person = dict(person=declaration.person_name, person_en=declaration.person_name_en,
                      declared_on=declaration.declared_on,
                      occasion=declaration.occasion.value)
        public = [item for item in declaration.items if item.is_public]
        if not public:
            rows.append(RegisterRow(**person))
        for item in public:
            rows.append(RegisterRow(
                **person, kind=item.kind.value, kind_label=_(item.kind.label),
                description=item.description, description_en=item.description_en,
                organisation=item.organisation, organisation_en=item.organisation_en))
    return rows


def register_csv(rows: list[RegisterRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, column).isoformat() if column == "declared_on"
                         else getattr(row, column) for column in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def write_register(s: Session, out: Path) -> int:
    """Write the register to ``out`` (whole or not at all); returns the number of rows."""
    rows = register_rows(s)
    write_atomically(Path(out), register_csv(rows))
    return len(rows)
