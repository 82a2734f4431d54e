"""Meek's method: keep values that converge, a quota recomputed from the votes still in
play, no value lost, and the same councillors as declared on the real ward files."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from secretariat.selection import blt, meek, scottish, ties
from secretariat.selection.stv_result import EXCLUSION

DATA = Path(__file__).parent / "data" / "stv"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
REAL = sorted(name for name in EXPECTED if not name.startswith("_"))


@pytest.mark.parametrize("name", REAL)
def test_real_wards_elect_the_declared_councillors(name):
    result = meek.count(blt.read_file(DATA / name))
    assert set(result.elected_names) == set(EXPECTED[name]["official_elected"])
    assert EXPECTED[name]["droop_meek"]["same_elected"]


@pytest.mark.parametrize("name", REAL)
def test_no_value_is_lost_and_elected_candidates_settle_at_the_quota(name):
    election = blt.read_file(DATA / name)
    result = meek.count(election)
    excess = Fraction(0)
    for stage in result.stages:
        excess += stage.non_transferable
        # Every vote is with a candidate or non-transferable, to the last 10⁻⁹.
        assert sum(stage.votes) + excess == result.valid_votes
    # Before anyone is excluded the keep values have converged: every candidate elected
    # so far holds the quota, within the stated tolerance.
    elected: list[int] = []
    for stage in result.stages:
        if stage.excluded:
            surplus = sum(stage.votes[c] - stage.quota for c in elected)
            assert abs(surplus) <= meek.DEFAULT_TOLERANCE
            assert all(stage.votes[c] >= stage.quota - Fraction(1, 10**6) for c in elected)
        elected.extend(stage.elected)


def test_the_quota_falls_as_votes_become_non_transferable():
    result = meek.count(blt.read_file(DATA / "edinburgh_2017_ward13.blt"))
    quotas = [stage.quota for stage in result.stages]
    assert quotas[0] == Fraction(7613, 4) + Fraction(1, 10**9)
    assert quotas == sorted(quotas, reverse=True) and quotas[-1] < quotas[0]


def test_surplus_passes_through_an_elected_candidate():
    """Where Meek differs from the Scottish rules: a surplus reaching an elected candidate
    is shared on by that candidate's keep value instead of skipping them."""
    election = blt.election(["A", "B", "C", "D"], 3, [
        (40, ["A", "B", "C"]),
        (30, ["B", "D"]),
        (16, ["C"]),
        (14, ["D"]),
    ])
    scot = scottish.count(election)
    meek_result = meek.count(election)
    assert scot.elected_names[:2] == ["A", "B"] == meek_result.elected_names[:2]
    # Scottish (quota 26): A's surplus of 14 skips B, already elected: all 14 go to C.
    assert scot.stages[1].changes[2] == 14
    # Meek: A's papers reach C only through B, who keeps a share of them.
    stage = meek_result.stages[1]
    ka, kb = stage.keep_values[0], stage.keep_values[1]
    assert 0 < ka < 1 and 0 < kb < 1
    assert abs(stage.votes[2] - (16 + 40 * (1 - ka) * (1 - kb))) <= Fraction(1, 10**7)
    assert stage.votes[2] < 16 + 14
    # …which here changes who takes the third seat.
    assert scot.elected_names == ["A", "B", "C"]
    assert meek_result.elected_names == ["A", "B", "D"]


def test_keep_values_converge_to_the_stated_tolerance():
    election = blt.election(["A", "B", "C"], 2, [(50, ["A", "B"]), (30, ["B", "A"]),
                                                 (20, ["C"])])
    coarse = meek.count(election, tolerance=Fraction(1, 10))
    fine = meek.count(election, tolerance=Fraction(1, 10**7))
    assert coarse.elected_names == fine.elected_names == ["A", "B"]


def test_exclusion_ties_need_a_seed_and_are_reproducible():
    election = blt.election(["A", "B", "C"], 1, [(3, ["A"]), (2, ["B"]), (2, ["C"])])
    with pytest.raises(ties.LotNeeded):
        meek.count(election)
    result = meek.count(election, seed="published seed")
    assert result == meek.count(election, seed="published seed")
    assert any(s.tie == "lot" for s in result.stages)
    assert any(s.action == EXCLUSION for s in result.stages)
