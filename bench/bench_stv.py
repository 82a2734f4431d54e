"""STV counting benchmark: a generated 10,000-ballot election counted by the Scottish
rules and by Meek's method.

    .venv/bin/python -m bench.bench_stv              # 12 candidates, 4 seats, 7 runs
    .venv/bin/python -m bench.bench_stv --ballots 50000 --candidates 15 --seats 5 --runs 5
    .venv/bin/python -m bench.bench_stv --write bench/out/generated.blt   # keep the file

The election is generated from a fixed seed, so every run counts the same ballots:
candidates belong to four "parties" of different strength; each voter ranks a first
choice by party strength, then, with probability 0.7 at each step, another candidate
(same party first, more often than not), so ballots have realistic lengths (1 to all
candidates) and transfers within and between parties. Each method counts once to warm up,
then ``--runs`` times; the report gives the median, the fastest and the slowest count, the
number of stages and who was elected (both methods, for comparison). Parsing the BLT text
is timed as well.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from secretariat.selection import blt, meek, scottish

PARTY_STRENGTH = (0.38, 0.30, 0.20, 0.12)
CONTINUE = 0.7
SAME_PARTY = 0.6


def generate(ballots: int, candidates: int, seats: int, seed: int = 2026) -> blt.Election:
    rng = random.Random(seed)
    names = [f"Candidate {i + 1:02d} (P{i % len(PARTY_STRENGTH) + 1})"
             for i in range(candidates)]
    party = [i % len(PARTY_STRENGTH) for i in range(candidates)]
    # Within a party, candidates differ in appeal too.
    appeal = [rng.uniform(0.5, 1.5) for _ in range(candidates)]
    weights = [PARTY_STRENGTH[party[i]] * appeal[i] for i in range(candidates)]
    counted: dict[tuple[int, ...], int] = {}
    for _ in range(ballots):
        remaining = list(range(candidates))
        first = rng.choices(remaining, weights=weights)[0]
        ranking = [first]
        remaining.remove(first)
        while remaining and rng.random() < CONTINUE:
            same = [c for c in remaining if party[c] == party[ranking[-1]]]
            pool = same if same and rng.random() < SAME_PARTY else remaining
            pick = rng.choices(pool, weights=[weights[c] for c in pool])[0]
            ranking.append(pick)
            remaining.remove(pick)
        key = tuple(ranking)
        counted[key] = counted.get(key, 0) + 1
    return blt.Election(tuple(names), seats,
                        tuple(blt.Ballot(w, r) for r, w in counted.items()),
                        title=f"Generated election: {ballots:,} ballots")


def timed(function, runs: int) -> tuple[list[float], object]:
    result = function()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return times, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ballots", type=int, default=10_000)
    parser.add_argument("--candidates", type=int, default=12)
    parser.add_argument("--seats", type=int, default=4)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write", type=Path, help="also write the generated BLT file here")
    args = parser.parse_args(argv)

    election = generate(args.ballots, args.candidates, args.seats)
    text = blt.dumps(election)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(text, encoding="utf-8")
    print(f"STV benchmark: {args.ballots:,} ballots ({len(election.ballots):,} distinct "
          f"rankings), {args.candidates} candidates, {args.seats} seats; "
          f"median of {args.runs} runs after one warm-up")
    rows = [("read BLT", *timed(lambda: blt.parse(text), args.runs)),
            ("Scottish STV", *timed(lambda: scottish.count(election), args.runs)),
            ("Meek STV", *timed(lambda: meek.count(election), args.runs))]
    print(f"{'':14}{'median':>10}{'fastest':>10}{'slowest':>10}  stages  elected")
    for label, times, result in rows:
        line = (f"{label:14}{statistics.median(times) * 1000:>8.1f}ms"
                f"{min(times) * 1000:>8.1f}ms{max(times) * 1000:>8.1f}ms")
        if hasattr(result, "stages"):
            elected = ", ".join(n.split(" (")[0].replace("Candidate ", "#")
                                for n in result.elected_names)
            line += f"  {len(result.stages):>6}  {elected}"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
