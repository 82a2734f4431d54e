"""Plurality and approval tallies: most votes win; a tie at the last seat is never
decided silently."""

from __future__ import annotations

import pytest

from secretariat.errors import SecretariatError
from secretariat.selection import blt, simple_counts, ties


def test_plurality_counts_first_preferences_only():
    election = blt.election(["A", "B", "C"], 1, [(3, ["A", "B"]), (4, ["B", "A"]),
                                                 (2, ["C", "A"])])
    tally = simple_counts.plurality(election)
    assert tally.votes == (3, 4, 2)
    assert tally.elected_names == ["B"]


def test_plurality_skips_withdrawn_candidates():
    election = blt.election(["A", "B", "C"], 1, [(3, ["A", "C"]), (4, ["B"]), (2, ["C"])],
                            withdrawn=["A"])
    tally = simple_counts.plurality(election)
    assert tally.votes == (0, 4, 5)
    assert tally.elected_names == ["C"]


def test_approval_counts_each_approved_candidate_once_per_ballot():
    tally = simple_counts.approval(["A", "B", "C"], 2,
                                   [["A", "B"], ["B", "B"], ["C"], ["B", "C"]])
    assert tally.votes == (1, 3, 2)
    assert tally.elected_names == ["B", "C"]


def test_approval_refuses_an_unknown_name():
    with pytest.raises(SecretariatError, match="not a candidate"):
        simple_counts.approval(["A"], 1, [["A"], ["Z"]])


def test_a_tie_for_the_last_seat_needs_a_seed_and_is_reported():
    ballots = [["A"], ["A"], ["B"], ["C"]]
    with pytest.raises(ties.LotNeeded):
        simple_counts.approval(["A", "B", "C"], 2, ballots)
    tally = simple_counts.approval(["A", "B", "C"], 2, ballots, seed="public draw")
    assert tally.elected_names[0] == "A"
    assert tally.tied_for_last == (1, 2)
    assert tally == simple_counts.approval(["A", "B", "C"], 2, ballots, seed="public draw")
