"""Read-only views of the membership: the member list and the balance on a date.

Both answer "who holds a seat on day D" with the same SQL condition, so the list and the
balance can never disagree. Public names are re-exported by ``services.members``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from secretariat.natural_order import natural_key  # noqa: F401  (re-exported)
from secretariat.model import Membership, Organisation, Person, Role, Seat, Sector, Side
from secretariat.services.validation import like_pattern

# Alternates and observers do not hold a seat: they are not counted in balance or quorum.
VOTING_ROLES = (Role.MEMBER, Role.CO_CHAIR)


@dataclass(frozen=True)
class MemberRow:
    membership_id: int
    person_id: int
    seat_id: int
    name: str
    name_en: str
    gender: str  # a ``vocabulary.Gender`` value; "" when not recorded
    region: str
    organisation: str
    organisation_en: str  # "" when the organisation has no English name
    sector_code: str
    sector_name_zh_tw: str
    sector_name_en: str
    side: Side
    seat_label: str
    seat_label_en: str  # "" when the seat has no English label (show ``seat_label``)
    role: Role
    term_start: dt.date
    term_end: dt.date | None
    ended_on: dt.date | None
    high_level: bool
    active: bool
    version: int


@dataclass(frozen=True)
class SectorCount:
    code: str
    name_zh_tw: str
    name_en: str
    side: Side
    count: int
    share: float


@dataclass(frozen=True)
class Balance:
    on: dt.date
    total: int
    government: int
    non_government: int
    government_share: float
    non_government_share: float
    by_sector: list[SectorCount]


def active_on(day: dt.date) -> ColumnElement[bool]:
    """SQL for Membership.is_active_on(day): both ends are inclusive (last day served)."""
    return and_(
        Membership.term_start <= day,
        or_(Membership.term_end.is_(None), Membership.term_end >= day),
        or_(Membership.ended_on.is_(None), Membership.ended_on >= day),
    )


def not_over_by(day: dt.date) -> ColumnElement[bool]:
    """Active on ``day`` or starting later: what the member list shows by default."""
    return and_(
        or_(Membership.term_end.is_(None), Membership.term_end >= day),
        or_(Membership.ended_on.is_(None), Membership.ended_on >= day),
    )


def rows_active_on(rows: list[MemberRow], day: dt.date) -> list[MemberRow]:
    """Of ``member_rows(include_past=True)``, the ones active on ``day``, in the same order
    and marked as ``member_rows(on=day)`` marks them: many meetings' rosters from one
    query (a publication reads a thousand meetings)."""
    return [replace(r, active=True) for r in rows if r.term_start <= day and all(
        end is None or day <= end for end in (r.term_end, r.ended_on))]


def member_rows(
    s: Session, *, on: dt.date | None = None, search: str | None = None,
    include_past: bool = False,
) -> list[MemberRow]:
    """Current and future memberships (all of them with ``include_past``), by sector and seat."""
    day = on or dt.date.today()
    query = (
        select(Membership, Person, Seat, Sector, Organisation.name, Organisation.name_en)
        .join(Membership.person).join(Membership.seat).join(Seat.sector)
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
    )
    if not include_past:
        query = query.where(not_over_by(day))
    if search and search.strip():
        pattern = like_pattern(search)
        query = query.where(or_(*(
            column.ilike(pattern, escape="\\")
            for column in (Person.name, Person.name_en, Organisation.name,
                           Organisation.name_en, Seat.label, Seat.label_en,
                           Sector.name_zh_tw, Sector.name_en)
        )))
    # Ordered here rather than in SQL: no SQL ORDER BY compares the numbers in seat labels
    # by value on both SQLite and PostgreSQL.
    ordered = sorted(s.execute(query), key=lambda found: (
        found[3].sort_order, natural_key(found[2].label), found[0].term_start, found[1].name))
    return [
        MemberRow(
            membership_id=m.id, person_id=p.id, seat_id=seat.id, name=p.name,
            name_en=p.name_en, gender=p.gender, region=p.region, organisation=org or "",
            organisation_en=org_en or "", sector_code=sector.code,
            sector_name_zh_tw=sector.name_zh_tw, sector_name_en=sector.name_en, side=sector.side, seat_label=seat.label,
            seat_label_en=seat.label_en, role=m.role, term_start=m.term_start,
            term_end=m.term_end, ended_on=m.ended_on, high_level=m.high_level,
            active=m.is_active_on(day), version=m.version,
        )
        for m, p, seat, sector, org, org_en in ordered
    ]


def balance(s: Session, *, on: dt.date) -> Balance:
    """Seats held on ``on`` by side and sector; every sector is listed, even with none."""
    counts: dict[int, int] = dict(s.execute(  # type: ignore[arg-type]
        select(Seat.sector_id, func.count(Membership.id))
        .join(Membership.seat)
        .where(Membership.role.in_(VOTING_ROLES), active_on(on))
        .group_by(Seat.sector_id)
    ).all())
    sectors = list(s.scalars(select(Sector).order_by(Sector.sort_order, Sector.id)))
    total = sum(counts.values())
    by_sector = [
        SectorCount(code=sector.code, name_zh_tw=sector.name_zh_tw, name_en=sector.name_en,
                    side=sector.side, count=counts.get(sector.id, 0),
                    share=_share(counts.get(sector.id, 0), total))
        for sector in sectors
    ]
    government = sum(c.count for c in by_sector if c.side == Side.GOVERNMENT)
    non_government = total - government
    return Balance(
        on=on, total=total, government=government, non_government=non_government,
        government_share=_share(government, total),
        non_government_share=_share(non_government, total), by_sector=by_sector,
    )


def _share(part: int, total: int) -> float:
    return part / total if total else 0.0
