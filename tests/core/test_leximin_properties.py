"""Properties of the published LEXIMIN lottery on any pool (hypothesis): every panel meets
every quota, the probabilities add up to the seats, members of a group are treated alike,
and the ticket draw gives exactly the published probabilities."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from secretariat.errors import SecretariatError
from secretariat.selection import rfc3797
from secretariat.selection.leximin import leximin
from secretariat.selection.panels import expand, publish
from secretariat.selection.quotas import Quota, build_problem
from tests.core.leximin_helpers import brute_force_leximin

SMALL_RESOLUTION = 1000  # small enough to try every ticket


@st.composite
def instances(draw):
    categories = [f"c{c}" for c in range(draw(st.integers(1, 3)))]
    values = {c: [f"v{v}" for v in range(draw(st.integers(1, 3)))] for c in categories}
    size = draw(st.integers(1, 14))
    people = [tuple(draw(st.sampled_from(values[c])) for c in categories) for _ in range(size)]
    seats = draw(st.integers(1, min(size, 6)))
    quotas = []
    for c in categories:
        for v in values[c]:
            low = draw(st.integers(0, seats))
            quotas.append(Quota(c, v, low, draw(st.integers(low, seats))))
    return build_problem(categories, people, quotas, seats)


def _solved(problem):
    try:
        return leximin(problem)
    except SecretariatError:
        assume(False)


def _meets_quotas(problem, members):
    counts = [sum(1 for m in members if m in group.members) for group in problem.groups]
    return len(set(members)) == len(members) and problem.satisfies(counts)


PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])


@PROPERTY
@given(instances())
def test_every_published_panel_meets_every_quota_and_probabilities_add_up_to_the_seats(problem):
    lottery = publish(_solved(problem))
    assert lottery.panels
    for panel in lottery.panels:
        assert len(panel.members) == problem.seats
        assert _meets_quotas(problem, panel.members)
    assert sum(lottery.person_probabilities()) == problem.seats  # exactly (fractions)
    assert sum(panel.tickets for panel in lottery.panels) == lottery.resolution


@PROPERTY
@given(instances())
def test_members_of_a_group_get_exactly_the_same_probability(problem):
    exact = expand(_solved(problem))
    person = Counter()
    for members, probability in exact.items():
        for m in members:
            person[m] += probability
    for group in problem.groups:
        assert len({person[m] for m in group.members}) == 1
    assert sum(person.values()) == problem.seats * sum(exact.values())


@PROPERTY
@given(instances(), st.lists(st.integers(0, 99), min_size=1, max_size=4))
def test_the_ticket_draw_gives_exactly_the_published_probabilities(problem, numbers):
    lottery = publish(_solved(problem), resolution=SMALL_RESOLUTION)
    wins = Counter(lottery.panel_for_ticket(t) for t in range(1, SMALL_RESOLUTION + 1))
    assert {panel: Fraction(count, SMALL_RESOLUTION) for panel, count in wins.items()} == {
        panel: lottery.probability(panel) for panel in lottery.panels}
    person = Counter()
    for panel, count in wins.items():
        for m in panel.members:
            person[m] += Fraction(count, SMALL_RESOLUTION)
    assert [person[m] for m in range(problem.pool_size)] == lottery.person_probabilities()
    # The winning ticket is the RFC 3797 draw of one position among the tickets.
    key = rfc3797.key_string([" ".join(map(str, numbers))])
    ticket = lottery.winning_ticket(key)
    assert ticket == rfc3797.select(SMALL_RESOLUTION, 1, key)[0].position
    panel = lottery.panel_for_ticket(ticket)
    assert panel.first_ticket <= ticket <= panel.last_ticket


@st.composite
def small_instances(draw):
    """Pools small enough to list every panel (at most C(9, 4) = 126)."""
    problem = draw(instances())
    assume(problem.pool_size <= 9 and problem.seats <= 4)
    return problem


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(small_instances())
def test_the_whole_sorted_vector_is_the_brute_force_leximin(problem):
    people = [None] * problem.pool_size
    for group in problem.groups:
        for m in group.members:
            people[m] = group.features
    published = publish(_solved(problem)).person_probabilities()
    truth = brute_force_leximin(problem, people)
    assert sorted(float(p) for p in published) == pytest.approx(truth, abs=1e-6)
