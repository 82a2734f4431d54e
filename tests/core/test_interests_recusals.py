"""Interests declared on agenda items flow into the item's decisions: a recused member
is listed among the recusals and cannot be recorded as voting, whichever is recorded
first; once the decision is approved the declaration can no longer change."""

from __future__ import annotations

import pytest

from secretariat.errors import SecretariatError
from secretariat.interest_vocabulary import MeetingInterestAction
from secretariat.model import DecisionMethod, MeetingInterest, Recusal, VoteChoice
from secretariat.services.interests import meeting_declare
from secretariat.services.meetings import decisions
from secretariat.services.meetings.record import meeting_record
from tests.core.factories import make_approved_minutes, make_meeting, make_members

RECUSED = MeetingInterestAction.RECUSED
NATURE = "任職於受補助單位"


@pytest.fixture
def people(session):
    return make_members(session, 4)


@pytest.fixture
def meeting(session, people):
    return make_meeting(session, items=["Opening", "Grant to the Foundation"],
                        attendees=people)


def _item(meeting):
    return meeting.agenda_items[1]


def _declare(session, meeting, person, action=RECUSED):
    return meeting_declare.declare_at_meeting(
        session, meeting_id=meeting.id, agenda_item_id=_item(meeting).id,
        person_id=person.id, nature=NATURE, action=action)


def _vote(session, meeting, votes, **extra):
    return decisions.record_decision(
        session, meeting_id=meeting.id, agenda_item_id=_item(meeting).id, text="補助案通過。",
        method=DecisionMethod.VOTE, named_votes=votes, **extra)


def test_a_member_who_declared_recused_is_recused_from_the_items_decision(
        session, people, meeting):
    a, b, c, d = people
    _declare(session, meeting, a)
    decision = _vote(session, meeting, {b.id: VoteChoice.FOR, c.id: VoteChoice.FOR,
                                        d.id: VoteChoice.AGAINST})
    assert [(r.person_id, r.reason) for r in decision.recusals] == [(a.id, NATURE)]
    # The decision record (what minutes and exports read) lists the recusal.
    record = meeting_record(session, meeting.id)
    recorded = next(x for x in record.decisions if x.id == decision.id)
    assert [(r.name, r.reason) for r in recorded.recusals] == [(a.name, NATURE)]


def test_a_recused_member_cannot_be_recorded_as_voting(session, people, meeting):
    a, b, *_ = people
    _declare(session, meeting, a)
    with pytest.raises(SecretariatError) as refused:
        _vote(session, meeting, {a.id: VoteChoice.FOR, b.id: VoteChoice.FOR})
    assert "Member 1 declared a conflict of interest on this agenda item and is " \
        "recused" in str(refused.value)


def test_a_decision_on_another_item_is_not_affected(session, people, meeting):
    a, b, *_ = people
    _declare(session, meeting, a)
    decision = decisions.record_decision(
        session, meeting_id=meeting.id, agenda_item_id=meeting.agenda_items[0].id,
        text="議程通過。", method=DecisionMethod.VOTE,
        named_votes={a.id: VoteChoice.FOR, b.id: VoteChoice.FOR})
    assert decision.recusals == []


def test_declaring_after_the_decision_adds_the_recusal_unless_they_voted(
        session, people, meeting):
    a, b, c, d = people
    decision = _vote(session, meeting, {b.id: VoteChoice.FOR, c.id: VoteChoice.FOR})
    _declare(session, meeting, a)
    assert [r.person_id for r in decision.recusals] == [a.id]
    with pytest.raises(SecretariatError, match="is recorded as voting on decision"):
        _declare(session, meeting, b)
    # Withdrawn before approval: the recusal it made goes with it.
    declaration = session.query(MeetingInterest).filter_by(person_id=a.id).one()
    meeting_declare.withdraw_meeting_declaration(session, declaration.id)
    session.flush()
    session.expire_all()
    assert session.query(Recusal).filter_by(decision_id=decision.id).count() == 0


def test_a_member_who_abstains_can_only_be_recorded_abstaining(session, people, meeting):
    a, b, *_ = people
    _declare(session, meeting, a, MeetingInterestAction.ABSTAINED)
    with pytest.raises(SecretariatError, match="can only be recorded as an abstention"):
        _vote(session, meeting, {a.id: VoteChoice.FOR, b.id: VoteChoice.FOR})
    decision = _vote(session, meeting, {a.id: VoteChoice.ABSTAIN, b.id: VoteChoice.FOR})
    assert decision.recusals == [] and decision.votes_abstain == 1


def test_declaration_cannot_be_withdrawn_or_added_once_the_decision_is_approved(
        session, people, meeting):
    a, b, c, d = people
    declaration = _declare(session, meeting, a)
    _vote(session, meeting, {b.id: VoteChoice.FOR, c.id: VoteChoice.FOR})
    later = make_meeting(session, attendees=people)
    make_approved_minutes(session, meeting, later)
    session.commit()

    with pytest.raises(SecretariatError, match="cannot be changed|cannot change"):
        meeting_declare.withdraw_meeting_declaration(session, declaration.id)
    session.rollback()
    with pytest.raises(SecretariatError, match="cannot be changed|cannot change"):
        _declare(session, meeting, d, MeetingInterestAction.DECLARED_ONLY)
    session.rollback()
    assert session.query(MeetingInterest).count() == 1
    assert session.query(Recusal).count() == 1


def test_nature_is_required(session, people, meeting):
    with pytest.raises(SecretariatError, match="nature"):
        meeting_declare.declare_at_meeting(
            session, meeting_id=meeting.id, agenda_item_id=_item(meeting).id,
            person_id=people[0].id, nature="  ", action=RECUSED)
