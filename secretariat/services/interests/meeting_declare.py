"""Interests declared at a meeting, per agenda item: who, the nature of the interest and
what they did (recused, abstained, declared only).

A member who is recused takes no part in the item's decisions: each decision on the item
lists them among its recusals, and a named vote by them is refused — when the decision is
recorded after the declaration (``services.meetings.decisions.record_decision`` reads
the declarations) and here, when the declaration comes after the decision. Once the
meeting's minutes are approved, or a decision on the item is in the audit chain, the
declarations cannot change (``store.guards``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.interest_vocabulary import MeetingInterestAction
from secretariat.model import (
    AgendaItem,
    Decision,
    DecisionMethod,
    Meeting,
    MeetingInterest,
    Person,
    Recusal,
    Vote,
    VoteChoice,
)
from secretariat.services.meetings.decisions import entitled_voters
from secretariat.services.validation import coerce_enum, get_or_error, label, optional_text


@dataclass(frozen=True)
class MeetingInterestRow:
    id: int
    agenda_item_id: int
    item_position: int
    item_title: str
    item_title_en: str
    person_id: int
    person_name: str
    person_name_en: str
    nature: str
    action: MeetingInterestAction
    version: int


def _item_decisions(s: Session, agenda_item_id: int) -> list[Decision]:
    return list(s.scalars(select(Decision).where(Decision.agenda_item_id == agenda_item_id)
                          .order_by(Decision.number)))


def _check_votes_allow(s: Session, decision: Decision, person: Person,
                       action: MeetingInterestAction) -> None:
    vote = s.scalars(select(Vote).where(Vote.decision_id == decision.id,
                                        Vote.person_id == person.id)).first()
    if vote is None:
        return
    if action == MeetingInterestAction.RECUSED or (
            action == MeetingInterestAction.ABSTAINED and vote.choice != VoteChoice.ABSTAIN):
        raise SecretariatError(N_(
            "{name} is recorded as voting on decision {number} of this item, so cannot be "
            "recorded as {action}. Delete the decision and record it again without their "
            "vote."), name=person.name, number=decision.number, action=label(action.label))


def _sync_recusals(s: Session, item: AgendaItem, person: Person,
                   action: MeetingInterestAction | None, nature: str) -> None:
    """Make the item's decisions list ``person`` as recused exactly when they declared
    "recused" (``action`` None: the declaration was withdrawn)."""
    decisions = _item_decisions(s, item.id)
    if not decisions:
        return
    entitled = entitled_voters(s, item.meeting_id)
    for decision in decisions:
        if action is not None:
            _check_votes_allow(s, decision, person, action)
        recusal = next((r for r in decision.recusals if r.person_id == person.id), None)
        if action == MeetingInterestAction.RECUSED:
            if recusal is None and person.id in entitled:
                _check_counts_leave_room(decision, entitled)
                decision.recusals.append(Recusal(person_id=person.id, reason=nature))
        elif recusal is not None:
            decision.recusals.remove(recusal)


def _check_counts_leave_room(decision: Decision, entitled: set[int]) -> None:
    if decision.method != DecisionMethod.VOTE:
        return
    counted = sum(c or 0 for c in (decision.votes_for, decision.votes_against,
                                   decision.votes_abstain))
    may_vote = len(entitled - {r.person_id for r in decision.recusals}) - 1
    if counted > may_vote:
        raise SecretariatError(N_(
            "Decision {number} counted {total} votes; with one more member recused only "
            "{entitled} could vote. Delete the decision and record it again."),
            number=decision.number, total=counted, entitled=may_vote)


def declare_at_meeting(s: Session, *, meeting_id: int, agenda_item_id: int, person_id: int,
                       nature: str, action: MeetingInterestAction | str,
                       ) -> MeetingInterest:
    """Record (or change) what ``person`` declared on the agenda item."""
    get_or_error(s, Meeting, meeting_id, N_("meeting"))
    item = s.get(AgendaItem, agenda_item_id)
    if item is None or item.meeting_id != meeting_id:
        raise SecretariatError(N_("That agenda item is not on this meeting's agenda."))
    person = get_or_error(s, Person, person_id, N_("person"))
    action = coerce_enum(MeetingInterestAction, action, N_("action"))
    nature = optional_text(nature, N_("Nature of the interest"))
    if not nature:
        raise SecretariatError(N_("Say what the interest is (its nature)."))
    declaration = s.scalars(select(MeetingInterest).where(
        MeetingInterest.agenda_item_id == agenda_item_id,
        MeetingInterest.person_id == person_id)).first()
    if declaration is None:
        declaration = MeetingInterest(meeting_id=meeting_id, agenda_item_id=agenda_item_id,
                                      person_id=person_id)
        s.add(declaration)
    declaration.nature, declaration.action = nature, action
    _sync_recusals(s, item, person, action, nature)
    s.flush()
    return declaration


def withdraw_meeting_declaration(s: Session, declaration_id: int) -> None:
    """Remove a declaration recorded by mistake, and the recusals it made."""
    declaration = get_or_error(s, MeetingInterest, declaration_id,
                               N_("declaration at a meeting"))
    item = s.get(AgendaItem, declaration.agenda_item_id)
    _sync_recusals(s, item, s.get(Person, declaration.person_id), None, "")
    s.delete(declaration)
    s.flush()


def meeting_declarations(s: Session, meeting_id: int) -> list[MeetingInterestRow]:
    rows = s.execute(
        select(MeetingInterest, AgendaItem, Person)
        .join(AgendaItem, AgendaItem.id == MeetingInterest.agenda_item_id)
        .join(Person, Person.id == MeetingInterest.person_id)
        .where(MeetingInterest.meeting_id == meeting_id)
        .order_by(AgendaItem.position, Person.name, Person.id)).all()
    return [MeetingInterestRow(
        id=d.id, agenda_item_id=item.id, item_position=item.position, item_title=item.title,
        item_title_en=item.title_en, person_id=person.id, person_name=person.name,
        person_name_en=person.name_en, nature=d.nature, action=d.action, version=d.version)
        for d, item, person in rows]


def agenda_choices(s: Session, meeting_id: int) -> list[tuple[int, int, str, str]]:
    """(id, position, title, title_en) of the meeting's agenda items, in order: what a
    declaration can be made on."""
    return [tuple(row) for row in s.execute(
        select(AgendaItem.id, AgendaItem.position, AgendaItem.title, AgendaItem.title_en)
        .where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position))]
