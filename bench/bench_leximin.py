"""LEXIMIN benchmark: the stratified lottery on generated pools, as Flanigan et al. timed it.

    .venv/bin/python -m bench.bench_leximin               # the three cases, 3 runs each
    .venv/bin/python -m bench.bench_leximin --runs 5 --case a --case c

Cases (Flanigan et al., Nature 2021, report a median of 2.7 s for (a)-like instances and
1,161.8 s for (b)-like ones with Gurobi):

* (a) 200 people, 20 seats, 2 categories (gender 2 values, age 4);
* (b) 2,000 people, 200 seats, 2 categories (gender 3 values, region 5);
* (c) 300 candidates, 15 seats, 4 categories with 3, 4, 5 and 6 values.

Each pool is drawn with a self-selection bias: some values are two to three times as
common in the pool as in the population the quotas follow, so the lottery must favour the
rarer people, as real sortition pools do. Quotas are the population share of the seats
± 10 % (at least ± 1 seat). Each run solves LEXIMIN (``selection.leximin``) and builds the
published panel list (``selection.panels.publish``); the report gives, per case, the
median of each (wall and CPU time: the machine may be shared) and the minimum selection
probability.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time

from secretariat.selection.leximin import leximin
from secretariat.selection.panels import publish
from secretariat.selection.quotas import Quota, build_problem

CASES = {
    "a": dict(people=200, seats=20, values=(2, 4)),
    "b": dict(people=2000, seats=200, values=(3, 5)),
    "c": dict(people=300, seats=15, values=(3, 4, 5, 6)),
}
PAPER = {"a": "median 2.7 s (Gurobi)", "b": "median 1,161.8 s (Gurobi)", "c": "-"}


def generate(people: int, seats: int, values: tuple[int, ...], seed: int):
    rng = random.Random(seed)
    categories = [f"category{c + 1}" for c in range(len(values))]
    population, pool_weights = [], []
    for count in values:
        shares = [rng.uniform(0.5, 1.5) for _ in range(count)]
        total = sum(shares)
        population.append([s / total for s in shares])
        # Self-selection: the pool over-represents some values two- or threefold.
        pool_weights.append([s * rng.choice((1, 1, 2, 3)) for s in shares])
    pool = [tuple(f"v{rng.choices(range(len(w)), weights=w)[0] + 1}" for w in pool_weights)
            for _ in range(people)]
    quotas = []
    for c, category in enumerate(categories):
        for v, share in enumerate(population[c]):
            target = share * seats
            slack = max(1.0, 0.1 * target)
            available = sum(1 for person in pool if person[c] == f"v{v + 1}")
            low = min(max(0, math.floor(target - slack)), available)
            quotas.append(Quota(category, f"v{v + 1}", low, max(low, math.ceil(target + slack))))
    return build_problem(categories, pool, quotas, seats)


def measure(case: str, runs: int) -> dict[str, list[float]]:
    spec = CASES[case]
    figures: dict[str, list[float]] = {"leximin": [], "cpu": [], "publish": [], "minimum": []}
    for run in range(runs):
        problem = generate(**spec, seed=20_261_206 + run)
        started, cpu = time.perf_counter(), time.process_time()
        lottery = leximin(problem)
        solved, cpu = time.perf_counter(), time.process_time() - cpu
        published = publish(lottery)
        done = time.perf_counter()
        minimum = float(min(published.person_probabilities()))
        figures["leximin"].append(solved - started)
        figures["cpu"].append(cpu)
        figures["publish"].append(done - solved)
        figures["minimum"].append(minimum)
        print(f"  ({case}) run {run + 1}: {len(problem.groups)} groups, {lottery.levels} "
              f"levels, {lottery.panel_types_tried} panel types tried, "
              f"{len(lottery.types)} used, {len(published.panels)} panels published; "
              f"LEXIMIN {solved - started:.2f} s (CPU {cpu:.2f} s), publish {done - solved:.2f} s, "
              f"minimum probability {minimum:.6f}", flush=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--case", action="append", choices=sorted(CASES))
    args = parser.parse_args(argv)
    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    report = []
    for case in args.case or sorted(CASES):
        spec = CASES[case]
        print(f"case ({case}): {spec['people']} people, {spec['seats']} seats, "
              f"categories with {spec['values']} values", flush=True)
        figures = measure(case, args.runs)
        report.append((case, figures))
    print()
    print(f"{'case':<6}{'LEXIMIN median':>16}{'CPU median':>12}{'publish median':>16}"
          f"{'min. probability (median)':>28}   paper")
    for case, figures in report:
        print(f"({case})   {statistics.median(figures['leximin']):13.2f} s"
              f"{statistics.median(figures['cpu']):10.2f} s"
              f"{statistics.median(figures['publish']):14.2f} s"
              f"{statistics.median(figures['minimum']):28.6f}   {PAPER[case]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
