"""Compliance benchmark: judge the whole catalogue for the large demo's cycle (50,000
contributions), and list and search its contributions.

    .venv/bin/python -m bench.bench_compliance               # 7 runs, bench/out/large.db
    .venv/bin/python -m bench.bench_compliance --runs 15 --check

On the large demo (built when missing, as the other benchmarks do), each run times
``compliance.service.check_cycle`` (read the records, evaluate every entry: target
≤ 1 s), the first page of contributions newest first (≤ 100 ms) and a text search over
them (≤ 50 ms median).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import OUT_DIR, run_on_large_demo, venv_script, verdict  # noqa: E402

TARGETS_MS = {"check the catalogue": 1000.0, "list contributions": 100.0,
              "search contributions": 50.0}
SEARCHES = ("預算", "開放資料", "花蓮", "說明", "不存在的詞")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, default=OUT_DIR / "large.db")
    parser.add_argument("--cli", default=venv_script("secretariat"))
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args(argv)


def measure(args: argparse.Namespace) -> int:
    from secretariat.compliance.service import check_cycle
    from secretariat.services.cocreation.contributions import contribution_rows
    from secretariat.store import open_store

    store = open_store(f"sqlite:///{args.db.resolve()}")
    timings: dict[str, list[float]] = {name: [] for name in TARGETS_MS}
    try:
        with store.session() as s:
            report = check_cycle(s)  # warm-up
            print(f"cycle {report.cycle_name}: {len(report.facts.contributions):,} "
                  f"contributions, {len(report.facts.meetings):,} meetings")
            for _run in range(args.runs):
                started = time.perf_counter()
                check_cycle(s, cycle_id=report.cycle_id)
                timings["check the catalogue"].append(time.perf_counter() - started)
                started = time.perf_counter()
                contribution_rows(s, report.cycle_id, limit=200)
                timings["list contributions"].append(time.perf_counter() - started)
                for text in SEARCHES:
                    started = time.perf_counter()
                    contribution_rows(s, report.cycle_id, search=text, limit=200)
                    timings["search contributions"].append(time.perf_counter() - started)
    finally:
        store.close()
    missed = False
    for name, values in timings.items():
        median_ms = statistics.median(values) * 1000
        passed = median_ms <= TARGETS_MS[name]
        missed |= not passed
        print(verdict(name, passed, f"median {median_ms:.1f} ms, target "
                                    f"≤ {TARGETS_MS[name]:.0f} ms, n={len(values)}"))
    return 1 if (missed and args.check) else 0


def main(argv: list[str] | None = None) -> int:
    return run_on_large_demo(parse_args(argv), measure)


if __name__ == "__main__":
    sys.exit(main())
