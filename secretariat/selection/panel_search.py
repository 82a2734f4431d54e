"""Integer programs over *panel types* (how many members of each group a panel has),
solved with HiGHS (open source, MIT; the ``highspy`` package).

``PanelFinder.best(weights)`` finds the quota-satisfying panel type with the largest total
weight, the pricing step of the LEXIMIN column generation. ``closest_panel`` finds the
panel that misses the quotas by the fewest people, to explain infeasible quotas.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import highspy
import numpy as np

from secretariat.selection.quotas import Problem

INF = highspy.kHighsInf


def quiet_highs() -> highspy.Highs:
    """A HiGHS instance that prints nothing.

    HiGHS's constructor writes a banner straight to file descriptor 1 (not through
    Python's ``sys.stdout``), which would mix with a command's output, e.g. the positions
    ``secretariat sortition --draw`` prints."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
        highs = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    highs.setOptionValue("output_flag", False)
    # One thread: these programs are small, and HiGHS's worker threads cost more than
    # they bring (case (c) of bench/bench_leximin.py: 4.7 s instead of 13 s wall time,
    # half the CPU time, on a shared two-core machine).
    highs.setOptionValue("threads", 1)
    return highs


def _indices(values: Sequence[int]) -> np.ndarray:
    return np.asarray(values, dtype=np.int32)


def _add_panel_rows(highs: highspy.Highs, problem: Problem, slack_columns: bool) -> None:
    """Σ counts = seats and, per quota, minimum ≤ Σ counts ≤ maximum.

    With ``slack_columns`` each quota gets two more columns (under, over) after the
    group columns, so a panel may miss it at a cost."""
    groups = len(problem.groups)
    highs.addRow(problem.seats, problem.seats, groups, _indices(range(groups)),
                 np.ones(groups))
    for q, quota in enumerate(problem.quotas):
        members = problem.quota_groups(quota)
        indices, values = list(members), [1.0] * len(members)
        if slack_columns:
            under, over = groups + 2 * q, groups + 2 * q + 1
            indices += [under, over]
            values += [1.0, -1.0]
        highs.addRow(quota.minimum, quota.maximum, len(indices), _indices(indices),
                     np.asarray(values))


def _integer_columns(highs: highspy.Highs, problem: Problem, costs: Sequence[float]) -> None:
    groups = len(problem.groups)
    upper = np.asarray([group.size for group in problem.groups], dtype=float)
    highs.addCols(groups, np.asarray(costs, dtype=float), np.zeros(groups), upper, 0,
                  _indices([]), _indices([]), np.asarray([]))
    highs.changeColsIntegrality(groups, _indices(range(groups)),
                                np.asarray([highspy.HighsVarType.kInteger] * groups))


class PanelFinder:
    """The best panel type for given weights per group (one model, re-solved)."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.groups = len(problem.groups)
        self.highs = quiet_highs()
        self.highs.setOptionValue("mip_rel_gap", 1e-9)
        self.highs.setOptionValue("mip_abs_gap", 1e-12)
        _integer_columns(self.highs, problem, [0.0] * self.groups)
        _add_panel_rows(self.highs, problem, slack_columns=False)
        self.highs.changeObjectiveSense(highspy.ObjSense.kMaximize)

    def best(self, weights: Sequence[float]) -> tuple[int, ...] | None:
        """The panel type with the largest Σ weights[g]·counts[g], or None if the quotas
        admit no panel at all."""
        self.highs.changeColsCost(self.groups, _indices(range(self.groups)),
                                  np.asarray(weights, dtype=float))
        self.highs.run()
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        counts = tuple(int(round(v)) for v in self.highs.getSolution().col_value)
        return counts if self.problem.satisfies(counts) else None


def closest_panel(problem: Problem) -> tuple[tuple[int, ...], list[tuple[int, int]]]:
    """The panel type missing the quotas by the fewest people: its counts and, per quota,
    (people short of the minimum, people over the maximum)."""
    highs = quiet_highs()
    groups = len(problem.groups)
    _integer_columns(highs, problem, [0.0] * groups)
    slacks = 2 * len(problem.quotas)
    highs.addCols(slacks, np.ones(slacks), np.zeros(slacks), np.full(slacks, INF), 0,
                  _indices([]), _indices([]), np.asarray([]))
    highs.changeColsIntegrality(slacks, _indices(range(groups, groups + slacks)),
                                np.asarray([highspy.HighsVarType.kInteger] * slacks))
    _add_panel_rows(highs, problem, slack_columns=True)
    highs.run()
    values = [int(round(v)) for v in highs.getSolution().col_value]
    misses = [(values[groups + 2 * q], values[groups + 2 * q + 1])
              for q in range(len(problem.quotas))]
    return tuple(values[:groups]), misses
