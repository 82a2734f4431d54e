"""The LEXIMIN lottery over quota-satisfying panels (Flanigan et al., Nature 596, 2021).

LEXIMIN chooses the probability distribution over panels that maximises the lowest
selection probability of anyone in the pool, then, among those, the second lowest, and so
on. The algorithm here follows the paper's (a linear program per level, with column
generation because there are far too many panels to list), with one change of scale:

* It works on **groups** of people with identical feature values (``quotas.Problem``).
  They are interchangeable, the LEXIMIN probabilities are unique and therefore equal
  within a group, so a panel is described by its *type*, the number of members of each
  group (``counts``), and person g's probability is E[counts[g]] / size[g].
* Level by level, with the groups fixed so far at their probabilities, the dual LP
  "min μ − Σ fixed·y  s.t.  μ ≥ Σ_g y_g·counts_g/size_g for every known panel type,
  Σ_{unfixed} y = 1, y ≥ 0" is solved over the panel types found so far; the integer
  program of ``PanelFinder`` looks for a panel type violating it (weights y_g/size_g);
  if there is one it is added, else the level's optimum z is proven. Groups with a
  positive dual weight y_g cannot exceed z in any optimal distribution (complementary
  slackness), so they are fixed at z; at least one group is fixed per level.
* When every group is fixed, a last LP over the panel types found gives the distribution.

``panels.expand`` turns the panel types into panels of people for publication.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np

from secretariat.selection.feasibility import raise_infeasible
from secretariat.selection.panel_search import INF, PanelFinder, quiet_highs
from secretariat.selection.quotas import Problem

# Fixed groups must keep their probability up to this (it absorbs the LP's rounding).
SLACK = 1e-9
# A panel type improves the dual only if it beats μ by more than this.
IMPROVEMENT = 1e-10
# A dual weight above this fixes its group.
POSITIVE_DUAL = 1e-9
# Panel types with less probability than this are rounding noise of the LP: the final
# distribution is solved again without them (if it stays feasible).
NEGLIGIBLE = 1e-7
LP_TOLERANCE = 1e-10


@dataclass(frozen=True)
class GroupLottery:
    """The LEXIMIN distribution over panel types and each group's member probability."""

    problem: Problem
    types: tuple[tuple[tuple[int, ...], float], ...]  # (counts per group, probability)
    group_probabilities: tuple[float, ...]
    levels: int
    panel_types_tried: int

    def person_probabilities(self) -> list[float]:
        result = [0.0] * self.problem.pool_size
        for group, probability in zip(self.problem.groups, self.group_probabilities,
                                      strict=True):
            for person in group.members:
                result[person] = probability
        return result


def _lp() -> highspy.Highs:
    highs = quiet_highs()
    highs.setOptionValue("primal_feasibility_tolerance", LP_TOLERANCE)
    highs.setOptionValue("dual_feasibility_tolerance", LP_TOLERANCE)
    return highs


def _run(highs: highspy.Highs) -> bool:
    """Solve; if the tight tolerances defeat HiGHS, once more with its defaults."""
    highs.run()
    if highs.getModelStatus() == highspy.HighsModelStatus.kOptimal:
        return True
    highs.setOptionValue("primal_feasibility_tolerance", 1e-7)
    highs.setOptionValue("dual_feasibility_tolerance", 1e-7)
    highs.run()
    return highs.getModelStatus() == highspy.HighsModelStatus.kOptimal


class _DualLP:
    """The level's dual LP, kept across levels: a row per panel type, columns y_g and μ."""

    def __init__(self, sizes: list[int]):
        self.sizes = sizes
        self.groups = len(sizes)
        self.highs = _lp()
        g = self.groups
        costs = np.zeros(g + 1)
        costs[g] = 1.0
        self.highs.addCols(g + 1, costs, np.r_[np.zeros(g), -INF], np.full(g + 1, INF), 0,
                           np.asarray([], dtype=np.int32), np.asarray([], dtype=np.int32),
                           np.asarray([]))
        self.highs.addRow(1.0, 1.0, g, np.arange(g, dtype=np.int32), np.ones(g))

    def add_panel_type(self, counts: tuple[int, ...]) -> None:
        """μ − Σ_g y_g·counts_g/size_g ≥ 0."""
        used = [g for g in range(self.groups) if counts[g]]
        values = [-counts[g] / self.sizes[g] for g in used] + [1.0]
        self.highs.addRow(0.0, INF, len(values), np.asarray(used + [self.groups],
                                                              dtype=np.int32),
                          np.asarray(values))

    def fix(self, group: int, value: float) -> None:
        """The group leaves the Σ y = 1 row and enters the objective with −value."""
        self.highs.changeCoeff(0, group, 0.0)
        self.highs.changeColCost(group, -(value - SLACK))

    def solve(self) -> tuple[np.ndarray, float, float]:
        """(y, μ, objective)."""
        if not _run(self.highs):
            status = self.highs.getModelStatus()
            raise RuntimeError(f"LEXIMIN dual LP: {self.highs.modelStatusToString(status)}")
        values = np.asarray(self.highs.getSolution().col_value)
        return (np.maximum(values[:self.groups], 0.0), float(values[self.groups]),
                float(self.highs.getInfo().objective_function_value))


def leximin(problem: Problem) -> GroupLottery:
    """The LEXIMIN distribution; ``SecretariatError`` (with reasons) if no panel exists."""
    sizes = [group.size for group in problem.groups]
    finder = PanelFinder(problem)
    first = finder.best([1.0 / size for size in sizes])
    if first is None:
        raise_infeasible(problem)
    dual = _DualLP(sizes)
    known: dict[tuple[int, ...], None] = {first: None}
    dual.add_panel_type(first)
    fixed: dict[int, float] = {}
    levels = 0
    while len(fixed) < len(sizes):
        levels += 1
        while True:
            y, mu, z = dual.solve()
            candidate = finder.best(y / np.asarray(sizes))
            if candidate is None or candidate in known:
                break
            if sum(y[g] * candidate[g] / sizes[g] for g in range(len(sizes))) <= mu + IMPROVEMENT:
                break
            known[candidate] = None
            dual.add_panel_type(candidate)
        unfixed = [g for g in range(len(sizes)) if g not in fixed]
        tight = [g for g in unfixed if y[g] > POSITIVE_DUAL] or [max(unfixed, key=y.__getitem__)]
        for g in tight:
            fixed[g] = min(z, 1.0)
            dual.fix(g, fixed[g])
    types = _final_distribution(list(known), sizes, fixed)
    probabilities = tuple(
        sum(p * counts[g] for counts, p in types) / sizes[g] for g in range(len(sizes)))
    return GroupLottery(problem=problem, types=tuple(types),
                        group_probabilities=probabilities, levels=levels,
                        panel_types_tried=len(known))


def _final_distribution(columns: list[tuple[int, ...]], sizes: list[int],
                        fixed: dict[int, float]) -> list[tuple[tuple[int, ...], float]]:
    """Probabilities of the panel types giving every group at least its fixed value (the
    simplex method returns a vertex: few panel types), without negligible ones."""
    weights = _distribution_lp(columns, sizes, fixed, SLACK)
    if weights is None:
        raise RuntimeError("LEXIMIN final LP found no distribution")
    kept = [c for c, w in enumerate(weights) if w > NEGLIGIBLE]
    if len(kept) < len(columns):
        # Without the dropped types no group loses more than their total probability,
        # so this is always feasible.
        dropped = sum(w for w in weights if w <= NEGLIGIBLE)
        again = _distribution_lp([columns[c] for c in kept], sizes, fixed, SLACK + dropped)
        if again is not None:
            columns, weights = [columns[c] for c in kept], again
    kept_weights = [(columns[c], w) for c, w in enumerate(weights) if w > 0.0]
    total = sum(w for _counts, w in kept_weights)
    return [(counts, w / total) for counts, w in kept_weights]


def _distribution_lp(columns: list[tuple[int, ...]], sizes: list[int],
                     fixed: dict[int, float], slack: float) -> list[float] | None:
    """Weights of ``columns`` giving each group its fixed value less at most ``slack``.

    Within that slack the LP maximises the margin t every group keeps above
    "fixed − slack" (t ≤ slack): the groups end as close to their LEXIMIN values as the
    panel types allow, instead of wherever a vertex of the slack leaves them."""
    highs = _lp()
    n = len(columns)
    costs = np.r_[np.zeros(n), 1.0]
    highs.addCols(n + 1, costs, np.zeros(n + 1), np.r_[np.full(n, INF), slack], 0,
                  np.asarray([], dtype=np.int32), np.asarray([], dtype=np.int32),
                  np.asarray([]))
    highs.addRow(1.0, 1.0, n, np.arange(n, dtype=np.int32), np.ones(n))
    for g, size in enumerate(sizes):
        used = [c for c, counts in enumerate(columns) if counts[g]]
        highs.addRow(fixed[g] - slack, INF, len(used) + 1,
                     np.asarray(used + [n], dtype=np.int32),
                     np.asarray([columns[c][g] / size for c in used] + [-1.0]))
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    if not _run(highs):
        return None
    return [max(float(v), 0.0) for v in highs.getSolution().col_value[:n]]
