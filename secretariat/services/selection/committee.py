"""The non-government selection committee: its members, their conflict declarations and
the candidates they stepped aside for."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import CommitteeMember, CommitteeRecusal, SelectionCandidate
from secretariat.services.selection.guards import round_for_change
from secretariat.services.validation import flush, get_or_error, optional_text, required_text


def add_committee_member(s: Session, round_id: int, *, name: str, name_en: str = "",
                         organisation: str = "", declaration: str = "") -> CommitteeMember:
    selection_round = round_for_change(s, round_id)
    member = CommitteeMember(
        round_id=selection_round.id, position=len(selection_round.committee) + 1,
        name=required_text(name, N_("Name")), name_en=optional_text(name_en),
        organisation=optional_text(organisation), declaration=optional_text(declaration))
    selection_round.committee.append(member)  # keeps the loaded collection current
    flush(s)
    return member


def step_aside(s: Session, member_id: int, candidate_id: int) -> CommitteeRecusal:
    """Record that the member has a conflict with the candidate and takes no part in
    assessing them."""
    member = get_or_error(s, CommitteeMember, member_id, N_("committee member"))
    round_for_change(s, member.round_id)
    candidate = get_or_error(s, SelectionCandidate, candidate_id, N_("candidate"))
    if candidate.round_id != member.round_id:
        raise SecretariatError(N_("That candidate applied to another round."))
    if s.get(CommitteeRecusal, (member.id, candidate.id)) is not None:
        raise SecretariatError(N_("{member} has already stepped aside for {candidate}."),
                               member=member.name, candidate=candidate.name)
    recusal = CommitteeRecusal(member_id=member.id, candidate_id=candidate.id)
    member.recusals.append(recusal)
    flush(s)
    return recusal


def committee_member_at(s: Session, round_id: int, position: int) -> CommitteeMember:
    for member in s.scalars(select(CommitteeMember).where(CommitteeMember.round_id == round_id,
                                                          CommitteeMember.position == position)):
        return member
    raise SecretariatError(N_("Round {round} has no committee member number {number}."),
                           round=round_id, number=position)
