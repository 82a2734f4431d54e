"""Selection rounds through the services: status moves, running each method, deciding
(members seated) and undoing exactly that, publishing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from secretariat.errors import SecretariatError
from secretariat.model import Membership, Person, Seat, SelectionRound
from secretariat.selection import rfc3797
from secretariat.services.selection.deciding import decide_round, undo_decision
from secretariat.services.selection.inputs import set_ballots, set_quotas
from secretariat.services.selection.publishing import publish_round
from secretariat.services.selection.rounds import create_round, move_round, update_round
from secretariat.services.selection.running import run_round
from secretariat.services.selection.screening import screen_candidate
from secretariat.services.selection.sources import announce_source
from tests.core.selection_helpers import DRAW_DAY, make_round


def _count(s, model):
    return s.scalar(select(func.count()).select_from(model))


def test_a_draw_selects_what_rfc3797_gives_for_the_eligible_pool(session, forum):
    r, candidates = make_round(session, "rfc3797")
    record = run_round(session, r.id)
    key = rfc3797.key_string(["3 14 15 92 65", "2718"])
    expected = [step.position for step in rfc3797.select(7, 2, key)]
    assert record["selected"] == expected
    assert record["key_string"] == key
    # The excluded candidate is not in the numbered pool.
    assert [m["name"] for m in record["pool"]] == [c.name for c in candidates[:7]]


def test_status_moves_are_checked(session, forum):
    r, _ = make_round(session, "rfc3797", close=False)
    move_round(session, r.id, "draft")
    with pytest.raises(SecretariatError, match="cannot become"):
        move_round(session, r.id, "closed")  # a draft's call never opened
    with pytest.raises(SecretariatError, match="decide"):
        move_round(session, r.id, "decided")


def test_rules_cannot_change_once_the_call_is_open(session, forum):
    r, _ = make_round(session, "rfc3797", close=False)
    with pytest.raises(SecretariatError, match="Once the call is open"):
        update_round(session, r.id, seats=3)


def test_a_source_recorded_on_the_draw_day_is_refused(session, forum):
    r, _ = make_round(session, "rfc3797", close=False)
    announce_source(session, r.id, description="late", value="7",
                    announced_at=dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.timezone.utc))
    move_round(session, r.id, "closed")
    with pytest.raises(SecretariatError, match="on or after the draw date"):
        run_round(session, r.id)


def test_a_draw_needs_every_candidate_screened(session, forum):
    r, candidates = make_round(session, "rfc3797", close=False)
    screen_candidate(session, candidates[0].id, eligible=None)
    move_round(session, r.id, "closed")
    with pytest.raises(SecretariatError, match="Screen every candidate"):
        run_round(session, r.id)


def test_an_exclusion_needs_a_reason(session, forum):
    _r, candidates = make_round(session, "rfc3797", close=False)
    with pytest.raises(SecretariatError, match="reason"):
        screen_candidate(session, candidates[0].id, eligible=False, reason=" ")


def test_a_government_sector_is_refused(session, forum):
    with pytest.raises(SecretariatError, match="non-government"):
        create_round(session, title="x", sector_code="government_agency", seats=1,
                     term_start=dt.date(2027, 1, 1), method="rfc3797")


def test_leximin_round_meets_its_quotas_and_publishes_probabilities(session, forum):
    r, _ = make_round(session, "leximin", seats=3, close=False)
    set_quotas(session, r.id, [{"category": "gender", "feature": "f", "min": 1, "max": 2},
                               {"category": "gender", "feature": "m", "min": 1, "max": 2}])
    move_round(session, r.id, "closed")
    record = run_round(session, r.id)
    assert sum(record["probabilities"]) == pytest.approx(3)
    genders = [record["pool"][n - 1]["features"]["gender"] for n in record["selected"]]
    assert 1 <= genders.count("f") <= 2 and len(genders) == 3
    assert record["selected"] in [p["members"] for p in record["panels"]]


def test_stv_round_counts_the_ballots(session, forum):
    r, candidates = make_round(session, "stv_scottish", exclude=None, close=False)
    names = [c.name for c in candidates]
    blt_text = "8 2\n" + "4 1 2 0\n3 2 1 0\n2 3 0\n1 4 3 0\n" + "0\n" + "".join(
        f'"{n}"\n' for n in names) + '"CSO seats"\n'
    set_ballots(session, r.id, blt_text)
    move_round(session, r.id, "closed")
    record = run_round(session, r.id)
    assert record["selected"][:1] == [1]
    assert len(record["selected"]) == 2 and record["stages"]


def test_deciding_seats_the_selected_and_undo_removes_exactly_that(session, forum):
    r, _ = make_round(session, "rfc3797")
    record = run_round(session, r.id)
    before = (_count(session, Person), _count(session, Seat), _count(session, Membership))
    decide_round(session, r.id)
    members = session.scalars(select(Membership)).all()
    assert len(members) == 2
    assert {m.person.name for m in members} == {record["pool"][n - 1]["name"]
                                                for n in record["selected"]}
    assert all(m.term_start == dt.date(2027, 1, 1) and m.seat.sector.code == "civil_society"
               for m in members)
    assert session.get(SelectionRound, r.id).status == "decided"
    undo_decision(session, r.id)
    assert (_count(session, Person), _count(session, Seat), _count(session, Membership)) == before
    assert session.get(SelectionRound, r.id).status == "closed"


def test_a_published_round_cannot_be_undone(session, forum):
    r, _ = make_round(session, "rfc3797")
    run_round(session, r.id)
    decide_round(session, r.id)
    publish_round(session, r.id)
    with pytest.raises(SecretariatError, match="published"):
        undo_decision(session, r.id)


def test_changing_an_input_drops_the_result(session, forum):
    r, candidates = make_round(session, "rfc3797", close=False)
    move_round(session, r.id, "closed")
    run_round(session, r.id)
    screen_candidate(session, candidates[0].id, eligible=False, reason="重複申請")
    with pytest.raises(SecretariatError, match="Run the method first"):
        decide_round(session, r.id)


def test_draw_date_guard_uses_the_forum_time_zone(session, forum):
    # 2026-11-19 17:00 UTC is already 2026-11-20 in Taipei: too late for a draw that day.
    r, _ = make_round(session, "rfc3797", close=False)
    announce_source(session, r.id, description="late in Taipei", value="1",
                    announced_at=dt.datetime(2026, 11, 19, 17, 0, tzinfo=dt.timezone.utc))
    move_round(session, r.id, "closed")
    assert DRAW_DAY == dt.date(2026, 11, 20)
    with pytest.raises(SecretariatError, match="late in Taipei"):
        run_round(session, r.id)


def test_scored_round_leaves_a_recused_assessor_out_of_that_candidates_average(session, forum):
    from secretariat.model import CommitteeMember
    from secretariat.services.selection.committee import step_aside
    from secretariat.services.selection.inputs import record_score, set_rubric

    r, candidates = make_round(session, "scored", seats=1, exclude=None, close=False)
    set_rubric(session, r.id, [{"name": "經驗", "weight": "2", "low": 0, "high": 5},
                               {"name": "計畫", "weight": "1", "low": 0, "high": 5}])
    zhao, qian = session.query(CommitteeMember).order_by(CommitteeMember.position).all()
    step_aside(session, zhao.id, candidates[0].id)
    with pytest.raises(SecretariatError, match="stepped aside"):
        record_score(session, zhao.id, candidates[0].id, "經驗", 5)
    for c in candidates:
        high = 5 if c is candidates[1] else 2
        for member in (zhao, qian):
            if (member, c) != (zhao, candidates[0]):
                record_score(session, member.id, c.id, "經驗", high)
                record_score(session, member.id, c.id, "計畫", high)
    move_round(session, r.id, "closed")
    record = run_round(session, r.id)
    assert record["selected"] == [2]
    first = next(x for x in record["ranking"] if x["candidate"] == 1)
    assert first["assessors"] == 1 and record["recused"] == [[1, 1]]


@pytest.mark.parametrize("method", ["approval", "plurality", "stv_meek"])
def test_other_elections_count_the_same_ballots(session, forum, method):
    r, candidates = make_round(session, method, exclude=None, close=False)
    names = [c.name for c in candidates]
    # Each ballot ranks (approves) candidates by their number in the BLT file.
    blt_text = "8 2\n5 1 2 0\n4 2 0\n3 3 1 0\n1 8 0\n0\n" + "".join(f'"{n}"\n' for n in names)
    set_ballots(session, r.id, blt_text)
    move_round(session, r.id, "closed")
    record = run_round(session, r.id)
    if method == "approval":
        assert record["votes"][:3] == [8, 9, 3] and record["selected"] == [2, 1]
    elif method == "plurality":
        assert record["votes"][:3] == [5, 4, 3] and record["selected"] == [1, 2]
    else:
        assert sorted(record["selected"]) == [1, 2] and record["stages"]


def test_ballots_naming_other_candidates_are_refused(session, forum):
    r, _ = make_round(session, "plurality", exclude=None, close=False)
    set_ballots(session, r.id, '2 1\n1 1 0\n0\n"甲"\n"乙"\n')
    move_round(session, r.id, "closed")
    with pytest.raises(SecretariatError, match="other candidates"):
        run_round(session, r.id)


def test_only_a_draft_round_can_be_removed(session, forum):
    from secretariat.services.selection.removing import delete_round

    r, _ = make_round(session, "rfc3797", close=False)
    with pytest.raises(SecretariatError, match="Only a draft"):
        delete_round(session, r.id)
    move_round(session, r.id, "draft")
    delete_round(session, r.id)
    assert session.get(SelectionRound, r.id) is None
