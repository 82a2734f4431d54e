"""Balance and diversity of the forum on a date, and over time.

The Participation and Co-Creation Standards ask for a balance of government and
non-government members, chosen in a fair process, with high-level representatives who
can take decisions. This module answers, for any day: seats by side and sector (the
``views.balance`` the members page already shows), high-level members by side, how each
side actually attended the forum meetings of the year before, which seats are vacant,
whose terms end within 90 days; and, for a period, the seats by side at the end of each
quarter. Everything counts voting roles only (members and co-chairs), as quorum does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from secretariat.model import Meeting, Membership, Seat, Sector
from secretariat.services.meetings.agenda import attendance_summary
from secretariat.services.members.views import (
    VOTING_ROLES, Balance, MemberRow, active_on, balance, member_rows,
)
from secretariat.vocabulary import Gender, MeetingKind, MeetingStatus, Side

TERMS_ENDING_DAYS = 90  # "terms ending within 90 days" (issue 7)
ATTENDANCE_DAYS = 365  # attendance balance over the forum meetings of the year before


@dataclass(frozen=True)
class AttendanceBalance:
    meetings: int  # held forum meetings counted
    government: int  # attendances (present, remote or by proxy) of government members
    non_government: int

    @property
    def government_share(self) -> float:
        total = self.government + self.non_government
        return self.government / total if total else 0.0


@dataclass(frozen=True)
class VacantSeat:
    seat_id: int
    label: str
    sector_name_zh_tw: str
    sector_name_en: str
    side: Side
    vacant_since: dt.date | None  # the day after the last holder's term ended, if any


@dataclass(frozen=True)
class Diversity:
    on: dt.date
    seats: Balance
    high_level: dict[Side, int]
    # Recorded only where people gave them (never required): "" counts those not recorded.
    genders: dict[str, int]  # ``vocabulary.Gender`` value -> members
    regions: tuple[tuple[str, int], ...]  # (region, members), most first; "" = not recorded
    attendance: AttendanceBalance
    vacancies: tuple[VacantSeat, ...]
    terms_ending: tuple[MemberRow, ...]  # soonest first


@dataclass(frozen=True)
class QuarterBalance:
    year: int
    quarter: int  # 1..4
    on: dt.date  # the quarter's last day (or the period's end)
    government: int
    non_government: int


def diversity(s: Session, *, on: dt.date) -> Diversity:
    rows = [r for r in member_rows(s, on=on) if r.active and r.role in VOTING_ROLES]
    high_level = {side: sum(1 for r in rows if r.high_level and r.side == side) for side in Side}
    horizon = on + dt.timedelta(days=TERMS_ENDING_DAYS)
    ending = sorted((r for r in rows if _end(r) is not None and on <= _end(r) <= horizon),
                    key=lambda r: (_end(r), r.name))
    genders = {gender.value: sum(1 for r in rows if r.gender == gender.value) for gender in Gender}
    regions: dict[str, int] = {}
    for row in rows:
        regions[row.region.strip()] = regions.get(row.region.strip(), 0) + 1
    ordered = tuple(sorted(regions.items(), key=lambda item: (item[0] == "", -item[1], item[0])))
    return Diversity(on=on, seats=balance(s, on=on), high_level=high_level,
                     genders=genders, regions=ordered,
                     attendance=attendance_balance(s, on=on), vacancies=vacancies(s, on=on),
                     terms_ending=tuple(ending))


def _end(row: MemberRow) -> dt.date | None:
    ends = [d for d in (row.term_end, row.ended_on) if d is not None]
    return min(ends) if ends else None


def attendance_balance(s: Session, *, on: dt.date, days: int = ATTENDANCE_DAYS) -> AttendanceBalance:
    start = dt.datetime.combine(on - dt.timedelta(days=days), dt.time(), dt.timezone.utc)
    end = dt.datetime.combine(on + dt.timedelta(days=1), dt.time(), dt.timezone.utc)
    meetings = s.scalars(select(Meeting.id).where(
        Meeting.kind == MeetingKind.FORUM, Meeting.status == MeetingStatus.HELD,
        Meeting.starts_at >= start, Meeting.starts_at < end).order_by(Meeting.starts_at)).all()
    summaries = [attendance_summary(s, meeting_id) for meeting_id in meetings]
    return AttendanceBalance(meetings=len(summaries),
                             government=sum(x.government for x in summaries),
                             non_government=sum(x.non_government for x in summaries))


def vacancies(s: Session, *, on: dt.date) -> tuple[VacantSeat, ...]:
    """Seats in existence on ``on`` that no member or co-chair holds that day."""
    held = select(Membership.seat_id).where(Membership.role.in_(VOTING_ROLES), active_on(on))
    last_end = (select(Membership.seat_id,
                       func.max(func.coalesce(Membership.ended_on, Membership.term_end))
                       .label("last")).where(Membership.term_start <= on)
                .group_by(Membership.seat_id).subquery())
    rows = s.execute(
        select(Seat.id, Seat.label, Sector.name_zh_tw, Sector.name_en, Sector.side,
               last_end.c.last)
        .join(Sector, Sector.id == Seat.sector_id)
        .outerjoin(last_end, last_end.c.seat_id == Seat.id)
        .where(or_(Seat.established_on.is_(None), Seat.established_on <= on),
               or_(Seat.abolished_on.is_(None), Seat.abolished_on > on),
               Seat.id.not_in(held))
        .order_by(Sector.sort_order, Seat.label)).all()
    return tuple(VacantSeat(seat_id, label, zh, en, side,
                            last + dt.timedelta(days=1) if last else None)
                 for seat_id, label, zh, en, side, last in rows)


def quarter_ends(start: dt.date, end: dt.date) -> list[tuple[int, int, dt.date]]:
    """(year, quarter, last day) for every quarter that overlaps start..end; the last one
    ends at ``end`` when the period stops mid-quarter."""
    out = []
    year, quarter = start.year, (start.month - 1) // 3 + 1
    while True:
        first = dt.date(year, 3 * quarter - 2, 1)
        if first > end:
            return out
        next_first = dt.date(year + quarter // 4, 3 * (quarter % 4) + 1, 1)
        out.append((year, quarter, min(next_first - dt.timedelta(days=1), end)))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def balance_by_quarter(s: Session, *, start: dt.date, end: dt.date) -> list[QuarterBalance]:
    """Seats by side at the end of each quarter from ``start`` to ``end``: one query."""
    memberships = s.execute(
        select(Membership.term_start, Membership.term_end, Membership.ended_on, Sector.side)
        .join(Seat, Seat.id == Membership.seat_id).join(Sector, Sector.id == Seat.sector_id)
        .where(Membership.role.in_(VOTING_ROLES), Membership.term_start <= end,
               and_(or_(Membership.term_end.is_(None), Membership.term_end >= start),
                    or_(Membership.ended_on.is_(None), Membership.ended_on >= start)))).all()
    out = []
    for year, quarter, day in quarter_ends(start, end):
        sides = [side for begin, term_end, ended, side in memberships
                 if begin <= day and all(d is None or d >= day for d in (term_end, ended))]
        out.append(QuarterBalance(year, quarter, day, sides.count(Side.GOVERNMENT),
                                  sides.count(Side.NON_GOVERNMENT)))
    return out
