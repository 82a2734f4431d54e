"""Deciding a round: the selected candidates become members in the round's seats for its
term, in one action; ``undo_decision`` removes exactly what the decision created, as long
as the round is not published."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Membership, Person, Role, Seat, SelectionAppointment
from secretariat.selection.round_vocabulary import RoundStatus
from secretariat.services.members import add_member, remove_membership
from secretariat.services.selection.guards import round_for_change
from secretariat.services.selection.rounds import check_move
from secretariat.services.validation import flush, lock_for_change
from secretariat.model import SelectionRound


def decide_round(s: Session, round_id: int, *,
                 expected_version: int | None = None) -> list[SelectionAppointment]:
    selection_round = round_for_change(s, round_id, expected_version=expected_version,
                                       keeps_result=True)
    check_move(selection_round, RoundStatus.DECIDED)
    selected = sorted((c for c in selection_round.candidates if c.selected_rank),
                      key=lambda c: c.selected_rank)
    if not selection_round.result_json or not selected:
        raise SecretariatError(N_("Run the method first: there is no result to decide."))
    appointments = []
    for candidate in selected:
        # Ids only grow: whatever is newer than the newest before this member was made
        # for it, and is what the undo may remove.
        last_person = s.scalar(select(func.max(Person.id))) or 0
        last_seat = s.scalar(select(func.max(Seat.id))) or 0
        membership = add_member(
            s, name=candidate.name, name_en=candidate.name_en,
            organisation=candidate.organisation or None,
            sector_code=selection_round.sector.code, role=Role.MEMBER,
            term_start=selection_round.term_start, term_end=selection_round.term_end)
        appointment = SelectionAppointment(
            round_id=selection_round.id, candidate_id=candidate.id,
            membership_id=membership.id, person_created=membership.person_id > last_person,
            seat_created=membership.seat_id > last_seat)
        selection_round.appointments.append(appointment)
        appointments.append(appointment)
    selection_round.status = RoundStatus.DECIDED
    flush(s)
    return appointments


def undo_decision(s: Session, round_id: int, *, expected_version: int | None = None) -> None:
    selection_round = lock_for_change(s, SelectionRound, round_id, N_("selection round"),
                                      expected_version=expected_version)
    if selection_round.status == RoundStatus.PUBLISHED:
        raise SecretariatError(N_("The round's result is published and can no longer be "
                                  "undone; correct it with a new round."))
    check_move(selection_round, RoundStatus.CLOSED)
    for appointment in list(selection_round.appointments):
        membership_id = appointment.membership_id
        s.delete(appointment)
        flush(s)
        if s.get(Membership, membership_id) is not None:
            remove_membership(s, membership_id,
                              delete_orphan_person=appointment.person_created,
                              delete_empty_seat=appointment.seat_created)
    selection_round.status = RoundStatus.CLOSED
    flush(s)
