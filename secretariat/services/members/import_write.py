"""The last step of the member import: what ``import_batch`` planned, inserted table by
table in batches, so the number of statements grows with the batches, not with the rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import bindparam, func, insert, literal_column, select, update
from sqlalchemy.orm import Session

from secretariat.model import Membership, Organisation, Person, PersonContact, Seat, utcnow
from secretariat.services.members.import_batch import ImportReport, Stored
from secretariat.services.validation import hold_write_lock

BATCH = 1000  # rows per INSERT: a few thousand bound values, within every driver's limit


def write_rows(s: Session, stored: Stored, progress: Callable[[int], None]) -> ImportReport:
    """Insert what ``check_rows`` planned; ``progress(done)`` counts up to the rows."""
    rows = len(stored.new_terms)
    units = max(1, len(stored.new_organisations) + 2 * len(stored.new_people)
                + len(stored.new_seats) + len(stored.new_terms))
    done = 0
    hold_write_lock(s)  # the ids chosen below stay free (SQLite)

    def tick(count: int) -> None:
        nonlocal done
        done += count
        progress(min(rows, done * rows // units))

    org_ids = _insert(s, Organisation, [
        {"name": name, "sector_id": stored.organisations[name][1]}
        for name in stored.new_organisations], tick)
    for name, org_id in zip(stored.new_organisations, org_ids):
        stored.organisations[name][0] = org_id
    now = utcnow()
    _update(s, Organisation, [{"row_id": org_id, "sector_id": sector_id, "updated_at": now}
                              for org_id, sector_id in stored.organisation_sectors.items()])
    person_ids = _insert(s, Person, [
        {"name": p.name, "name_en": p.name_en, "gender": p.gender, "region": p.region,
         "organisation_id": stored.organisations[p.organisation][0] if p.organisation else None}
        for p in stored.new_people], tick)
    for person, person_id in zip(stored.new_people, person_ids):
        person.id = person_id
    _write_contacts(s, stored, now, tick)
    _update(s, Person, [{"row_id": p.id, "gender": p.gender, "region": p.region,
                         "updated_at": now}
                        for people in stored.people.values() for p in people
                        if p.details_filled])
    seat_ids = _insert(s, Seat, [{"forum_id": stored.forum_id, "label": seat.label,
                                  "label_en": seat.label_en, "sector_id": seat.sector_id}
                                 for seat in stored.new_seats], tick)
    for seat, seat_id in zip(stored.new_seats, seat_ids):
        seat.id = seat_id
    # An alternate may stand in for a member added by a row above it: those go second.
    first = [t for t in stored.new_terms if t.alternate_for is None or t.alternate_for.id]
    second = [t for t in stored.new_terms if t.alternate_for is not None and not t.alternate_for.id]
    for terms in (first, second):
        ids = _insert(s, Membership, [
            {"seat_id": t.seat.id, "person_id": t.person.id,  # type: ignore[union-attr]
             "role": t.role, "term_start": t.start, "term_end": t.end, "high_level": t.high_level,
             "alternate_for_id": t.alternate_for.id if t.alternate_for else None}
            for t in terms], tick)
        for term, term_id in zip(terms, ids):
            term.id = term_id
    s.expire_all()  # objects the session read before must not hide the new rows
    return ImportReport(people_added=len(stored.new_people),
                        organisations_added=len(stored.new_organisations),
                        seats_added=len(stored.new_seats), memberships_added=rows)


def _write_contacts(s: Session, stored: Stored, now: dt.datetime,
                    tick: Callable[[int], None]) -> None:
    new = [{"person_id": p.id, "email": p.email, "phone": p.phone}
           for p in stored.new_people if p.email or p.phone]
    filled = [p for people in stored.people.values() for p in people if p.filled]
    new += [{"person_id": p.id, "email": p.email, "phone": p.phone}
            for p in filled if not p.has_contact]
    _insert(s, PersonContact, new, lambda count: None, returning=False)
    tick(len(stored.new_people))
    _update(s, PersonContact, [{"row_id": p.id, "email": p.email, "phone": p.phone}
                               for p in filled if p.has_contact], key="person_id")
    # The contact details are part of the person's optimistic lock (``update_person``).
    _update(s, Person, [{"row_id": p.id, "updated_at": now} for p in filled])


def _insert(s: Session, model: type, values: list[dict], tick: Callable[[int], None], *,
            returning: bool = True) -> list[int]:
    """Insert ``values`` in batches; the new ids in the order of ``values``.

    SQLite cannot say which returned id belongs to which row of a multi-row INSERT, and
    SQLAlchemy then inserts one row per statement: there the ids are chosen here (the
    transaction holds the write lock) and the rows go in one ``executemany``. PostgreSQL
    takes them from its sequence and returns them in order."""
    table = model.__table__  # type: ignore[attr-defined]
    statement = insert(table).values(**_constants(table))
    if returning and values and s.get_bind().dialect.name == "sqlite":
        first = (s.scalar(select(func.max(table.c.id))) or 0) + 1
        ids = list(range(first, first + len(values)))
        for start in range(0, len(values), BATCH):
            s.execute(statement, [dict(row, id=row_id) for row, row_id in
                                  zip(values[start:start + BATCH], ids[start:start + BATCH])])
            tick(len(values[start:start + BATCH]))
        return ids
    if returning:
        statement = statement.returning(table.c.id, sort_by_parameter_order=True)
    ids: list[int] = []
    for start in range(0, len(values), BATCH):
        batch = values[start:start + BATCH]
        result = s.execute(statement, batch)
        if returning:
            ids.extend(result.scalars())
        tick(len(batch))
    return ids


def _constants(table) -> dict:
    """The columns every new row of an import shares, written into the statement rather than
    bound and converted row by row (the slowest part of a large insert): version 1 and the
    import's time, in the text form both SQLite and PostgreSQL read as a UTC timestamp."""
    now = f"'{utcnow():%Y-%m-%d %H:%M:%S.%f}'"
    return {name: literal_column(value) for name, value in
            (("version", "1"), ("created_at", now), ("updated_at", now)) if name in table.c}


def _update(s: Session, model: type, values: list[dict], *, key: str = "id") -> None:
    """Set the given columns on each row (one executemany) and move its version on, so a
    form opened before the import is refused instead of overwriting it."""
    if not values:
        return
    table = model.__table__  # type: ignore[attr-defined]
    # Bound names must differ from the column names the statement sets.
    columns = {name: bindparam("new_" + name) for name in values[0] if name != "row_id"}
    statement = (update(table).where(table.c[key] == bindparam("row_id"))
                 .values(version=table.c.version + 1, **columns))
    params = [{("new_" + k if k != "row_id" else k): v for k, v in row.items()} for row in values]
    for start in range(0, len(params), BATCH):
        s.execute(statement, params[start:start + BATCH])
