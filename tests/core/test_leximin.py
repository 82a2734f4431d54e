"""LEXIMIN: the whole sorted probability vector equals the true LEXIMIN one, found by brute
force on small pools; infeasible quotas are explained."""

from __future__ import annotations

import pytest

from secretariat.errors import SecretariatError
from secretariat.selection.leximin import leximin
from secretariat.selection.panels import publish
from secretariat.selection.quotas import Quota, build_problem
from tests.core.leximin_helpers import brute_force_leximin, feasible_panels, random_instance

TOLERANCE = 1e-6


def _compare(problem, pool):
    published = publish(leximin(problem)).person_probabilities()
    mine = sorted(float(p) for p in published)
    truth = brute_force_leximin(problem, pool)
    assert max(abs(a - b) for a, b in zip(mine, truth, strict=True)) < TOLERANCE, (mine, truth)
    return truth


def test_leximin_is_more_than_maximin():
    # Person 3 is on no feasible panel, so the lowest probability is 0 whatever the
    # lottery: maximin would accept any lottery, even one panel. LEXIMIN goes on: person
    # 1 is on every panel; 6 and 7 share the "c0 = v1" seat; 2, 4 and 5 the other.
    categories = ("c0", "c1")
    pool = [("v0", "v0"), ("v0", "v1"), ("v1", "v1"), ("v0", "v1"), ("v0", "v1"),
            ("v1", "v0"), ("v1", "v0")]
    quotas = [Quota("c0", "v0", 2, 2), Quota("c0", "v1", 1, 1),
              Quota("c1", "v0", 2, 2), Quota("c1", "v1", 1, 1)]
    problem = build_problem(categories, pool, quotas, 3)
    assert _compare(problem, pool) == pytest.approx([0, 1 / 3, 1 / 3, 1 / 3, 0.5, 0.5, 1])
    published = publish(leximin(problem)).person_probabilities()
    assert [float(p) for p in published] == pytest.approx(
        [1, 1 / 3, 0, 1 / 3, 1 / 3, 0.5, 0.5], abs=TOLERANCE)


@pytest.mark.parametrize("seed", range(40))
def test_random_small_pools_match_the_brute_force_leximin(seed):
    _names, pool, _quotas, problem = random_instance(seed, people=9, seats=4,
                                                     values=2 + seed % 2)
    if not feasible_panels(problem, pool):
        with pytest.raises(SecretariatError):
            leximin(problem)
        return
    _compare(problem, pool)


def test_a_quota_needing_more_people_than_the_pool_has_is_named():
    pool = [("F",), ("M",), ("M",), ("M",)]
    quotas = [Quota("gender", "F", 2, 3), Quota("gender", "M", 0, 3)]
    with pytest.raises(SecretariatError) as raised:
        leximin(build_problem(("gender",), pool, quotas, 3))
    text = str(raised.value)
    assert "gender = F" in text and "only 1 people" in text and "1 short" in text


def test_minimums_above_the_seats_are_named():
    pool = [("F",), ("M",), ("M",), ("F",)]
    quotas = [Quota("gender", "F", 2, 2), Quota("gender", "M", 2, 2)]
    with pytest.raises(SecretariatError) as raised:
        leximin(build_problem(("gender",), pool, quotas, 3))
    assert "add up to 4, more than the 3 seats (1 too many)" in str(raised.value)


def test_quotas_that_clash_only_together_are_explained_by_the_closest_panel():
    # Each quota can be met alone, but the only old people are men, and the panel needs
    # two old people and two women among three seats.
    categories = ("gender", "age")
    pool = [("M", "old"), ("M", "old"), ("F", "young"), ("F", "young"), ("M", "young")]
    quotas = [Quota("gender", "F", 2, 3), Quota("gender", "M", 0, 3),
              Quota("age", "old", 2, 3), Quota("age", "young", 0, 3)]
    with pytest.raises(SecretariatError) as raised:
        leximin(build_problem(categories, pool, quotas, 3))
    text = str(raised.value)
    assert "closest panel" in text and "1 short of the minimum 2" in text
