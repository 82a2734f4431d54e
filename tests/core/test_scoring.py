"""Scored assessment: weighted sums, recused assessors left out of that candidate's
average, ties ordered by an RFC 3797 draw over the tied candidates."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretariat.errors import SecretariatError
from secretariat.selection import rfc3797
from secretariat.selection.scoring import Criterion, assess

RUBRIC = [Criterion("experience", Fraction(2), 0, 5), Criterion("plan", Fraction(1), 0, 5)]


def scores(table):
    """table[assessor][candidate] = (experience, plan)"""
    return {(a, c, name): value for a, row in enumerate(table) for c, pair in enumerate(row)
            if pair is not None for name, value in zip(("experience", "plan"), pair, strict=True)}


def test_weighted_average_and_recusal_excluded_from_that_candidate_only():
    # Assessor 0 scores candidate 0 highly but has a conflict with them.
    table = [[(5, 5), (3, 3), (1, 1)], [(2, 2), (4, 4), (1, 1)]]
    result = assess(RUBRIC, 3, 2, scores(table), {(0, 0)}, seats=1)
    by_candidate = {r.candidate: r for r in result.ranking}
    assert by_candidate[0].average == 6 and by_candidate[0].assessors == 1  # only assessor 1
    assert by_candidate[1].average == Fraction(9 + 12, 2)
    assert result.selected == (1,)


def test_a_recused_assessors_missing_scores_are_not_missing():
    table = [[None, (3, 3)], [(2, 2), (4, 4)]]
    assert assess(RUBRIC, 2, 2, scores(table), {(0, 0)}, seats=1).selected == (1,)
    with pytest.raises(SecretariatError, match="missing"):
        assess(RUBRIC, 2, 2, scores(table), set(), seats=1)


def test_scores_outside_the_scale_are_refused():
    with pytest.raises(SecretariatError, match="outside"):
        assess(RUBRIC, 1, 1, scores([[(6, 1)]]), set(), seats=1)


def test_a_tie_for_the_last_seat_is_drawn_by_rfc3797_over_the_tied():
    table = [[(5, 5), (3, 3), (3, 3), (3, 3)]]
    key = rfc3797.key_string(["1 2 3"])
    result = assess(RUBRIC, 4, 1, scores(table), set(), seats=2, key=key)
    order = [step.position for step in rfc3797.select(3, 3, key)]
    assert [r.candidate for r in result.ranking] == [0, *(1 + p - 1 for p in order)]
    assert result.ranking[1].tie_draw == (1, 2, 3)
    with pytest.raises(SecretariatError, match="tied for the last seat"):
        assess(RUBRIC, 4, 1, scores(table), set(), seats=2)


def test_a_tie_that_decides_nothing_needs_no_draw():
    table = [[(5, 5), (3, 3), (3, 3)]]
    assert assess(RUBRIC, 3, 1, scores(table), set(), seats=1).selected == (0,)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_property_the_selected_score_at_least_as_high_as_everyone_else(data):
    candidates = data.draw(st.integers(2, 6))
    assessors = data.draw(st.integers(1, 3))
    seats = data.draw(st.integers(1, candidates - 1))
    recused = {(a, c) for a in range(assessors) for c in range(candidates)
               if a > 0 and data.draw(st.booleans())}
    table = {(a, c, crit.name): data.draw(st.integers(crit.low, crit.high))
             for a in range(assessors) for c in range(candidates) for crit in RUBRIC
             if (a, c) not in recused}
    result = assess(RUBRIC, candidates, assessors, table, recused, seats,
                    key=rfc3797.key_string(["7 8 9"]))
    averages = {r.candidate: r.average for r in result.ranking}
    chosen = set(result.selected)
    assert len(chosen) == seats
    assert min(averages[c] for c in chosen) >= max(averages[c] for c in averages if c not in chosen)
    # A recused assessor's scores never count: each average uses only the others.
    for r in result.ranking:
        assert r.assessors == sum(1 for a in range(assessors) if (a, r.candidate) not in recused)
