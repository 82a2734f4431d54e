"""Start-up benchmark: ``secretariat-app --smoke-test`` on the large demo against a bare window.

    .venv/bin/python -m bench.startup [--runs 7] [--app PATH] [--db PATH]

Builds the large demo forum once (``bench/out/large.db``), then runs the application's
smoke test and ``bench/bare_window.py`` alternately, so both see the same machine load,
and prints medians, extremes, their ratios and the targets: ready ≤ 1.0 s, ready ≤ 3×
bare and loaded ≤ 3× bare. The application reports two moments: ``ready`` (window shown,
event loop idle) and ``loaded`` (database open, the first page's table showing its
records, event loop idle again), both against the bare window's ``ready``. A run whose
first page showed no records is an error: ``loaded`` would then not be what a clerk
waits for.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    OUT_DIR,
    REPO_ROOT,
    BenchmarkError,
    Series,
    format_table,
    gui_environment,
    run_on_large_demo,
    run_ready,
    venv_script,
    verdict,
)

READY_TARGET_S = 1.0
RATIO_TARGET = 3.0
# ui/app.py --smoke-test: "first page shows N records" when it prints "loaded".
RECORDS_LINE = re.compile(r"^first page shows ([0-9]+) records$", re.MULTILINE)
BARE_WINDOW = REPO_ROOT / "bench" / "bare_window.py"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs of each program (default 7)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs first, to warm disk caches (default 1)")
    parser.add_argument("--app", default=venv_script("secretariat-app"),
                        help="the application to measure, e.g. a PyInstaller build (default: this venv's)")
    parser.add_argument("--cli", default=venv_script("secretariat"), help="command line used to build the demo")
    parser.add_argument("--db", type=Path, default=OUT_DIR / "large.db", help="demo database (built if missing)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the demo database first")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return run_on_large_demo(args, measure, rebuild=args.rebuild)


def measure(args: argparse.Namespace) -> int:
    app_command = [args.app, "--db", str(args.db.resolve()), "--smoke-test"]
    bare_command = [sys.executable, str(BARE_WINDOW)]
    app_ready, bare_ready = Series("secretariat-app ready"), Series("bare window ready")
    app_loaded = Series("secretariat-app loaded")
    app_wall, bare_wall = Series("secretariat-app wall"), Series("bare window wall")

    with gui_environment() as env:
        print(f"platform {env['QT_QPA_PLATFORM']}; {args.warmup} warm-up + {args.runs} runs each, interleaved")
        for _ in range(args.warmup):
            run_ready(app_command, env)
            run_ready(bare_command, env)
        for run in range(1, args.runs + 1):
            app = run_ready(app_command, env)
            bare = run_ready(bare_command, env)
            if "loaded" not in app.figures:
                raise BenchmarkError(f"{args.app} printed no 'loaded in S s' line (an older build?)")
            records = RECORDS_LINE.search(app.output)
            if records is None or int(records.group(1)) == 0:
                raise BenchmarkError(f"{args.app} was 'loaded' without records on its first page:\n"
                                     f"{app.output[-1000:]}")
            app_ready.add(app.ready)
            app_loaded.add(app.figures["loaded"])
            app_wall.add(app.wall)
            bare_ready.add(bare.ready)
            bare_wall.add(bare.wall)
            print(f"  run {run}: app ready {app.ready:.3f} s, loaded {app.figures['loaded']:.3f} s "
                  f"({records.group(1)} records; wall {app.wall:.3f}); "
                  f"bare {bare.ready:.3f} s (wall {bare.wall:.3f})", flush=True)

    ready_ratio = app_ready.median / bare_ready.median
    loaded_ratio = app_loaded.median / bare_ready.median
    wall_ratio = app_wall.median / bare_wall.median
    print()
    print(f"app: {' '.join(app_command)}")
    print(format_table([app_ready, app_loaded, bare_ready, app_wall, bare_wall]))
    print(f"ratio app/bare (medians): ready {ready_ratio:.2f}×, loaded {loaded_ratio:.2f}× "
          f"(against bare ready), wall {wall_ratio:.2f}×")
    ready_ok = app_ready.median <= READY_TARGET_S
    ratio_ok = ready_ratio <= RATIO_TARGET
    loaded_ok = loaded_ratio <= RATIO_TARGET
    print(verdict(f"ready ≤ {READY_TARGET_S:.1f} s", ready_ok, f"median {app_ready.median:.3f} s"))
    print(verdict(f"ready ≤ {RATIO_TARGET:.0f}× bare", ratio_ok, f"{ready_ratio:.2f}× on ready medians"))
    print(verdict(f"loaded ≤ {RATIO_TARGET:.0f}× bare", loaded_ok,
                  f"{loaded_ratio:.2f}× on loaded/bare ready medians; loaded {app_loaded.median:.3f} s"))
    return 1 if args.check and not (ready_ok and ratio_ok and loaded_ok) else 0


if __name__ == "__main__":
    sys.exit(main())
