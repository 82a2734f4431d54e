"""The rules every membership keeps, checked before anything is written.

A term ends on or after it starts; a seat has at most one voting holder (member or
co-chair) on any date; a person is not twice on the same seat at once; only an alternate
stands in for someone, and only for a voting holder.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Membership, Role, Seat
from secretariat.services.members.views import VOTING_ROLES
from secretariat.services.validation import get_or_error, terms_overlap


def check_membership(
    s: Session, m: Membership, *, seat: Seat | None = None, ignore_id: int | None = None,
) -> None:
    """All rules for one membership, checked against the others on the same seat.

    ``m`` is a transient copy (never added to the session) so a refusal leaves the stored
    record untouched."""
    if m.term_end is not None and m.term_end < m.term_start:
        raise SecretariatError(N_("Term end {end} is before term start {start}."),
                               end=m.term_end, start=m.term_start)
    if m.alternate_for_id is not None:
        _check_alternate_for(s, m, ignore_id)
    seat = seat or (s.get(Seat, m.seat_id) if m.seat_id else None)
    if seat is None:
        return  # a new seat has no other holders
    if seat.abolished_on is not None and m.term_start > seat.abolished_on:
        raise SecretariatError(N_("Seat “{label}” was abolished on {date}."),
                               label=seat.label, date=seat.abolished_on)
    query = select(Membership).where(Membership.seat_id == seat.id)
    if ignore_id is not None:
        query = query.where(Membership.id != ignore_id)
    for other in s.scalars(query):
        if not terms_overlap(m.term_start, m.effective_end(),
                             other.term_start, other.effective_end()):
            continue
        if other.person_id == m.person_id:
            raise SecretariatError(
                N_("{name} already has a term on seat “{label}” (from {start}) that overlaps "
                   "these dates."),
                name=other.person.name, label=seat.label, start=other.term_start)
        if m.role in VOTING_ROLES and other.role in VOTING_ROLES:
            raise SecretariatError(
                N_("Seat “{label}” is already held by {name} (term from {start}) during these "
                   "dates. End that term first or choose other dates."),
                label=seat.label, name=other.person.name, start=other.term_start)


def _check_alternate_for(s: Session, m: Membership, ignore_id: int | None) -> None:
    if m.role != Role.ALTERNATE:
        raise SecretariatError(N_("Only an alternate can stand in for another member."))
    target = get_or_error(s, Membership, m.alternate_for_id, N_("membership"))
    if target.id == ignore_id or target.role not in VOTING_ROLES:
        raise SecretariatError(N_("An alternate can only stand in for a member or co-chair."))


def copy_membership(m: Membership, **changes: object) -> Membership:
    """A transient copy with ``changes``, to check an edit before the record takes it."""
    values = {key: getattr(m, key) for key in (
        "seat_id", "person_id", "role", "term_start", "term_end", "ended_on", "high_level",
        "alternate_for_id")}
    values.update(changes)
    return Membership(**values)
