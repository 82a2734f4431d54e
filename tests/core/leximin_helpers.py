"""An independent LEXIMIN for small pools: every feasible panel of people listed, and the
textbook algorithm on people (no groups, no column generation, no dual weights): maximise
the lowest probability, then fix exactly the people who cannot get more (one LP each)."""

from __future__ import annotations

import itertools
import random

import highspy
import numpy as np

from secretariat.selection.panel_search import INF, quiet_highs
from secretariat.selection.quotas import Quota, build_problem

TOLERANCE = 1e-9


def feasible_panels(problem, people):
    """Every set of ``seats`` people (indices) meeting every quota."""
    panels = []
    for panel in itertools.combinations(range(len(people)), problem.seats):
        if all(quota.minimum
               <= sum(people[i][problem.categories.index(quota.category)] == quota.value
                      for i in panel)
               <= quota.maximum for quota in problem.quotas):
            panels.append(panel)
    return panels


def _solve(panels, n, objective_person, floors):
    """max π_objective (or z when None) s.t. π_i ≥ floors[i] (None: ≥ z)."""
    highs = quiet_highs()
    m = len(panels)
    cost = np.zeros(m + 1)
    if objective_person is None:
        cost[m] = 1.0
    highs.addCols(m + 1, cost, np.r_[np.zeros(m), -INF], np.r_[np.full(m, INF), INF], 0,
                  np.asarray([], dtype=np.int32), np.asarray([], dtype=np.int32),
                  np.asarray([]))
    highs.addRow(1.0, 1.0, m, np.arange(m, dtype=np.int32), np.ones(m))
    rows = [[] for _ in range(n)]
    for p, panel in enumerate(panels):
        for i in panel:
            rows[i].append(p)
    for i in range(n):
        if floors[i] is None:
            highs.addRow(0.0, INF, len(rows[i]) + 1, np.asarray(rows[i] + [m], dtype=np.int32),
                         np.r_[np.ones(len(rows[i])), -1.0])
        else:
            highs.addRow(floors[i], INF, len(rows[i]), np.asarray(rows[i], dtype=np.int32),
                         np.ones(len(rows[i])))
    if objective_person is not None:
        highs.changeColsCost(len(rows[objective_person]),
                             np.asarray(rows[objective_person], dtype=np.int32),
                             np.ones(len(rows[objective_person])))
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    highs.run()
    assert highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return highs.getInfo().objective_function_value


def brute_force_leximin(problem, people):
    """The sorted LEXIMIN probability vector of the people."""
    panels = feasible_panels(problem, people)
    n = len(people)
    fixed = [None] * n
    while any(f is None for f in fixed):
        z = _solve(panels, n, None, fixed)
        newly = []
        for i in range(n):
            if fixed[i] is None:
                floors = [f - TOLERANCE if f is not None else z - TOLERANCE for f in fixed]
                floors[i] = z - TOLERANCE
                if _solve(panels, n, i, floors) <= z + 1e-7:
                    newly.append(i)
        assert newly, "some person must be fixed at every level"
        for i in newly:
            fixed[i] = z
    return sorted(fixed)


def random_instance(seed, people=9, seats=4, categories=2, values=3):
    """A small pool with random features and random (not necessarily loose) quotas."""
    rng = random.Random(seed)
    names = [f"c{c}" for c in range(categories)]
    pool = [tuple(f"v{rng.randrange(values)}" for _ in names) for _ in range(people)]
    quotas = []
    for c, name in enumerate(names):
        for v in range(values):
            have = sum(person[c] == f"v{v}" for person in pool)
            low = rng.randint(0, min(have, seats // values + 1))
            quotas.append(Quota(name, f"v{v}", low, rng.randint(low, seats)))
    return names, pool, quotas, build_problem(names, pool, quotas, seats)
