"""Decisions: stable numbers, vote validation against the members entitled to vote,
recusals and dissents, the decision log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select

from secretariat.errors import SecretariatError
from secretariat.model import (
    AttendanceStatus,
    AttendeeCapacity,
    Decision,
    DecisionMethod,
    Role,
    VoteChoice,
)
from secretariat.services.meetings import decisions as svc
from secretariat.services import meetings as meeting_service
from tests.core.factories import (
    TAIPEI,
    make_approved_minutes,
    make_meeting,
    make_members,
    make_person_with_membership,
)

VOTE = DecisionMethod.VOTE


@pytest.fixture
def people(session):
    return make_members(session, 5)


@pytest.fixture
def meeting(session, people):
    """Four members attend (one of them by proxy); the fifth sent apologies."""
    a, b, c, d, e = people
    return make_meeting(session, attendees=[a, b, (c, "remote"), (d, "proxy", "member", a),
                                            (e, "apologies")])


def _count(session) -> int:
    return session.scalar(select(func.count(Decision.id)))


def test_numbers_are_year_meeting_ordinal_and_never_change(session, people, meeting):
    first = svc.record_decision(session, meeting_id=meeting.id, text="通過議程。")
    second = svc.record_decision(session, meeting_id=meeting.id, text="通過草案。")
    february = make_meeting(session, attendees=people)
    third = svc.record_decision(session, meeting_id=february.id, text="確認紀錄。")
    assert [first.number, second.number, third.number] == [
        "2026-S01-R01", "2026-S01-R02", "2026-S02-R01"]

    # A meeting entered late, earlier in the year, takes a fresh prefix; nothing renumbers.
    early = make_meeting(session, starts_at=dt.datetime(2026, 1, 5, 10, tzinfo=TAIPEI),
                         attendees=people)
    late_entry = svc.record_decision(session, meeting_id=early.id, text="補登決議。")
    assert late_entry.number == "2026-S03-R01"
    assert svc.record_decision(session, meeting_id=meeting.id, text="追加。").number == \
        "2026-S01-R03"
    session.commit()
    session.expire_all()
    assert session.get(Decision, first.id).number == "2026-S01-R01"

    # Another year (an earlier one: decisions are recorded only once a meeting started).
    other_year = make_meeting(session, starts_at=dt.datetime(2025, 6, 1, 9, tzinfo=TAIPEI),
                              attendees=people)
    assert svc.record_decision(session, meeting_id=other_year.id, text="前年度。").number == \
        "2025-S01-R01"


def test_cancelled_meetings_do_not_count_in_numbers(session, people):
    cancelled = make_meeting(session, attendees=people)
    held = make_meeting(session, attendees=people)
    meeting_service.cancel_meeting(session, cancelled.id)
    assert svc.record_decision(session, meeting_id=held.id, text="x").number == "2026-S01-R01"
    with pytest.raises(SecretariatError, match="cancelled"):
        svc.record_decision(session, meeting_id=cancelled.id, text="x")


def test_entitled_voters_are_attending_members_and_standing_in_alternates(session, people,
                                                                          meeting):
    a, b, c, d, e = people
    assert svc.entitled_voters(session, meeting.id) == {a.id, b.id, c.id, d.id}
    observer, _ = make_person_with_membership(session, "Observer", role=Role.OBSERVER)
    meeting_service.set_attendance(session, meeting.id, person_id=observer.id,
                                   status="present", capacity=AttendeeCapacity.OBSERVER)
    assert observer.id not in svc.entitled_voters(session, meeting.id)


def test_alternate_counts_only_when_standing_in_for_an_absent_member(session):
    holder, membership = make_person_with_membership(session, "Holder")
    alternate, _ = make_person_with_membership(session, "Alternate", role=Role.ALTERNATE,
                                               seat_label=membership.seat.label)
    meeting = make_meeting(session, attendees=[(holder, "apologies"),
                                               (alternate, "present", "alternate")])
    assert svc.entitled_voters(session, meeting.id) == {alternate.id}
    meeting_service.set_attendance(session, meeting.id, person_id=holder.id, status="present")
    assert svc.entitled_voters(session, meeting.id) == {holder.id}


def test_votes_exceeding_the_members_entitled_are_refused(session, meeting):
    with pytest.raises(SecretariatError, match="5 votes were counted but only 4"):
        svc.record_decision(session, meeting_id=meeting.id, text="x", method=VOTE,
                            votes_for=3, votes_against=1, votes_abstain=1)
    assert _count(session) == 0
    decision = svc.record_decision(session, meeting_id=meeting.id, text="x", method=VOTE,
                                   votes_for=3, votes_against=1)
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (3, 1, 0)


def test_recusals_reduce_the_members_who_may_vote(session, people, meeting):
    a = people[0]
    with pytest.raises(SecretariatError, match=r"4 votes were counted but only 3 .*\(1 recused\)"):
        svc.record_decision(session, meeting_id=meeting.id, text="x", method=VOTE,
                            votes_for=4, recused_person_ids=[a.id])
    assert _count(session) == 0


def test_a_recused_member_cannot_vote(session, people, meeting):
    a, b, *_ = people
    with pytest.raises(SecretariatError, match="Member 1 is recused"):
        svc.record_decision(session, meeting_id=meeting.id, text="x", method=VOTE,
                            named_votes={a.id: VoteChoice.FOR, b.id: VoteChoice.FOR},
                            recused_person_ids=[a.id])
    assert _count(session) == 0


def test_only_attending_members_vote_or_are_recused(session, people, meeting):
    absent = people[4]
    with pytest.raises(SecretariatError, match="Member 5 is not entitled to vote"):
        svc.record_decision(session, meeting_id=meeting.id, text="x", method=VOTE,
                            named_votes={absent.id: VoteChoice.FOR})
    with pytest.raises(SecretariatError, match="Member 5 is not a member attending"):
        svc.record_decision(session, meeting_id=meeting.id, text="x",
                            recused_person_ids=[absent.id])
    assert _count(session) == 0


def test_consensus_has_no_counts_and_a_vote_needs_them(session, people, meeting):
    with pytest.raises(SecretariatError, match="consensus has no vote counts"):
        svc.record_decision(session, meeting_id=meeting.id, text="x", votes_for=3)
    with pytest.raises(SecretariatError, match="consensus has no vote counts"):
        svc.record_decision(session, meeting_id=meeting.id, text="x",
                            named_votes={people[0].id: VoteChoice.FOR})
    with pytest.raises(SecretariatError, match="needs the number of votes"):
        svc.record_decision(session, meeting_id=meeting.id, text="x", method=VOTE)
    with pytest.raises(SecretariatError, match="negative"):
        svc.record_decision(session, meeting_id=meeting.id, text="x", method=VOTE,
                            votes_for=2, votes_against=-1)
    assert _count(session) == 0


def test_named_votes_give_the_counts_and_must_agree_with_given_counts(session, people,
                                                                      meeting):
    a, b, c, d, _ = people
    named = {a.id: "for", b.id: "for", c.id: "against", d.id: "abstain"}
    with pytest.raises(SecretariatError, match="do not match the named votes"):
        svc.record_decision(session, meeting_id=meeting.id, text="x", method=VOTE,
                            named_votes=named, votes_for=3)
    decision = svc.record_decision(session, meeting_id=meeting.id, text="x", method="vote",
                                   named_votes=named, votes_for=2)
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (2, 1, 1)
    assert {v.person_id: v.choice for v in decision.votes}[c.id] == VoteChoice.AGAINST


def test_recusals_dissents_and_defaults_are_recorded(session, people, meeting):
    a, b, *_ = people
    decision = svc.record_decision(
        session, meeting_id=meeting.id, agenda_item_id=meeting.agenda_items[1].id,
        text=" 通過行動方案草案。 ", method=VOTE, votes_for=2, votes_against=1,
        recused_person_ids=[a.id], recusal_reasons={a.id: "任職於受補助團體"},
        dissents=[(b.id, "程序不足"), (None, "旁聽者意見")], rationale="多數同意",
        is_public=False)
    assert decision.text == "通過行動方案草案。" and decision.decided_at == meeting.starts_at
    assert [(r.person_id, r.reason) for r in decision.recusals] == [(a.id, "任職於受補助團體")]
    assert [(d.person_id, d.statement) for d in decision.dissents] == [
        (b.id, "程序不足"), (None, "旁聽者意見")]
    with pytest.raises(SecretariatError, match="not on this meeting's agenda"):
        other = make_meeting(session, attendees=people)
        svc.record_decision(session, meeting_id=meeting.id, text="x",
                            agenda_item_id=other.agenda_items[0].id)
    with pytest.raises(SecretariatError, match="empty"):
        svc.record_decision(session, meeting_id=meeting.id, text="  ")
    with pytest.raises(SecretariatError, match="time zone"):
        svc.record_decision(session, meeting_id=meeting.id, text="x",
                            decided_at=dt.datetime(2026, 1, 15, 15))


def test_decision_log_filters_and_aggregates(session, people, meeting):
    a, b, *_ = people
    svc.record_decision(session, meeting_id=meeting.id, text="通過行動方案草案", method=VOTE,
                        votes_for=3, recused_person_ids=[a.id],
                        dissents=[(b.id, "反對"), (None, "補充")])
    svc.record_decision(session, meeting_id=meeting.id, text="Adopt 100% of the agenda",
                        is_public=False)
    # In another year (an earlier one: decisions are recorded only once a meeting started).
    later = make_meeting(session, starts_at=dt.datetime(2025, 3, 1, 10, tzinfo=TAIPEI),
                         attendees=people)
    svc.record_decision(session, meeting_id=later.id, text="確認紀錄")

    rows = svc.decision_rows(session)
    assert [r.number for r in rows] == ["2026-S01-R02", "2026-S01-R01", "2025-S01-R01"]
    voted = rows[1]
    assert (voted.recusal_count, voted.dissent_count, voted.method) == (1, 2, VOTE)
    assert voted.meeting_title == meeting.title and voted.locked is False
    assert [r.number for r in svc.decision_rows(session, search="行動方案")] == ["2026-S01-R01"]
    assert [r.number for r in svc.decision_rows(session, search="100%")] == ["2026-S01-R02"]
    assert [r.number for r in svc.decision_rows(session, search="adopt")] == ["2026-S01-R02"]
    assert len(svc.decision_rows(session, year=2026)) == 2
    assert len(svc.decision_rows(session, method=DecisionMethod.CONSENSUS)) == 2
    assert len(svc.decision_rows(session, is_public=False)) == 1
    assert len(svc.decision_rows(session, meeting_id=later.id)) == 1
    assert [r.number for r in svc.decision_rows(session, limit=1, offset=1)] == ["2026-S01-R01"]
    assert svc.decision_count(session) == 3 and svc.decision_count(session, year=2025) == 1
    assert [r.number for r in svc.decision_rows(session, sort="recusals")][0] == "2026-S01-R01"
    assert [r.number for r in svc.decision_rows(session, sort="number", descending=False,
                                                limit=2)] == ["2025-S01-R01", "2026-S01-R01"]


def test_decision_log_is_one_query_however_many_decisions(session, people, meeting, store):
    for i in range(30):
        svc.record_decision(session, meeting_id=meeting.id, text=f"決議 {i}", method=VOTE,
                            votes_for=2, recused_person_ids=[people[i % 4].id],
                            dissents=[(None, "異議")])
    session.flush()
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(store.engine, "before_cursor_execute", listener)
    try:
        rows = svc.decision_rows(session)
    finally:
        event.remove(store.engine, "before_cursor_execute", listener)
    assert len(rows) == 30 and all(r.recusal_count == 1 for r in rows)
    assert len(statements) == 1


def test_a_mistaken_decision_can_be_deleted_until_its_minutes_are_approved(session, people,
                                                                          meeting):
    mistaken = svc.record_decision(session, meeting_id=meeting.id, text="誤植")
    svc.delete_decision(session, mistaken.id)
    assert _count(session) == 0
    kept = svc.record_decision(session, meeting_id=meeting.id, text="正式決議")
    later = make_meeting(session, attendees=people)
    make_approved_minutes(session, meeting, later)
    with pytest.raises(SecretariatError, match="cannot be deleted"):
        svc.delete_decision(session, kept.id)
    assert svc.get_decision(session, kept.id).text == "正式決議"
    with pytest.raises(SecretariatError, match="does not exist"):
        svc.get_decision(session, 999_999)


def test_attendance_statuses_that_do_not_count(session, people, meeting):
    """Apologies and absence do not entitle; a proxy does."""
    a, b, c, d, e = people
    meeting_service.set_attendance(session, meeting.id, person_id=b.id,
                                   status=AttendanceStatus.ABSENT)
    assert svc.entitled_voters(session, meeting.id) == {a.id, c.id, d.id}
