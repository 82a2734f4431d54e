"""Start-up benchmark: ``secretariat-app --smoke-test`` on the large demo against a bare window.

    .venv/bin/python -m bench.startup [--runs 7] [--app PATH] [--db PATH]

Builds the large demo forum once (``bench/out/large.db``), then runs, in turn so all see
the same machine load, the application's smoke test as a clerk starts it (with the
first-page snapshot its previous run saved), the same with the snapshot turned off
(``SECRETARIAT_FIRST_PAGE_SNAPSHOT=0``: the records come from the database) and
``bench/bare_window.py``, and prints medians, extremes, their ratios and the targets:
ready ≤ 1.0 s, ready ≤ 3× bare and loaded ≤ 3× bare (on the default start, with the
snapshot). The application reports ``ready`` (window shown, event loop idle) and
``loaded`` (the first page's table showing its records, event loop idle again); with the
snapshot also ``database`` (the database's rows have replaced the snapshot's). A run
whose first page showed no records, or a snapshot run that did not use the snapshot, is
an error: ``loaded`` would then not be what it says.
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


def compile_checkout() -> None:
    """Write the checkout's bytecode caches first, as an installed program has them: with
    ``PYTHONDONTWRITEBYTECODE`` set (some shells and CI images set it) every run would
    otherwise compile the project's modules from source, which the bare window, made of
    installed packages only, never pays."""
    import compileall

    for package in ("ui", "secretariat"):
        compileall.compile_dir(str(REPO_ROOT / package), quiet=1)


def _records(app, label: str) -> str:
    if "loaded" not in app.figures:
        raise BenchmarkError(f"{label} printed no 'loaded in S s' line (an older build?)")
    records = RECORDS_LINE.search(app.output)
    if records is None or int(records.group(1)) == 0:
        raise BenchmarkError(f"{label} was 'loaded' without records on its first page:\n"
                             f"{app.output[-1000:]}")
    return records.group(1)


def measure(args: argparse.Namespace) -> int:
    app_command = [args.app, "--db", str(args.db.resolve()), "--smoke-test"]
    bare_command = [sys.executable, str(BARE_WINDOW)]
    app_ready, bare_ready = Series("app ready"), Series("bare window ready")
    app_loaded = Series("app loaded (snapshot)")
    app_database = Series("app database rows (same runs)")
    plain_ready = Series("no-snapshot app ready")
    plain_loaded = Series("no-snapshot app loaded (database)")
    app_wall, bare_wall = Series("app wall"), Series("bare window wall")

    compile_checkout()
    with gui_environment() as env:
        plain_env = dict(env, SECRETARIAT_FIRST_PAGE_SNAPSHOT="0")
        print(f"platform {env['QT_QPA_PLATFORM']}; {args.warmup} warm-up + {args.runs} runs each, interleaved")
        for _ in range(max(args.warmup, 1)):  # the first run saves the snapshot
            run_ready(app_command, env)
            run_ready(app_command, plain_env)
            run_ready(bare_command, env)
        for run in range(1, args.runs + 1):
            app = run_ready(app_command, env)
            plain = run_ready(app_command, plain_env)
            bare = run_ready(bare_command, env)
            records = _records(app, args.app)
            plain_records = _records(plain, f"{args.app} without snapshot")
            if "snapshot" not in app.figures or "database" not in app.figures:
                raise BenchmarkError(f"{args.app} did not use its first-page snapshot:\n"
                                     f"{app.output[-1000:]}")
            if "snapshot" in plain.figures:
                raise BenchmarkError("SECRETARIAT_FIRST_PAGE_SNAPSHOT=0 still used the snapshot")
            app_ready.add(app.ready)
            app_loaded.add(app.figures["loaded"])
            app_database.add(app.figures["database"])
            app_wall.add(app.wall)
            plain_ready.add(plain.ready)
            plain_loaded.add(plain.figures["loaded"])
            bare_ready.add(bare.ready)
            bare_wall.add(bare.wall)
            print(f"  run {run}: app ready {app.ready:.3f} s, loaded {app.figures['loaded']:.3f} s "
                  f"(snapshot, {records} records), database {app.figures['database']:.3f} s; "
                  f"no snapshot: ready {plain.ready:.3f} s, loaded {plain.figures['loaded']:.3f} s "
                  f"({plain_records} records); bare {bare.ready:.3f} s", flush=True)

    ready_ratio = app_ready.median / bare_ready.median
    loaded_ratio = app_loaded.median / bare_ready.median
    wall_ratio = app_wall.median / bare_wall.median
    print()
    print(f"app: {' '.join(app_command)}")
    print(format_table([app_ready, app_loaded, app_database, plain_ready, plain_loaded,
                        bare_ready, app_wall, bare_wall]))
    print(f"ratio app/bare (medians): ready {ready_ratio:.2f}×, loaded {loaded_ratio:.2f}× "
          f"(snapshot; against bare ready), database rows {app_database.median / bare_ready.median:.2f}×, "
          f"without snapshot loaded {plain_loaded.median / bare_ready.median:.2f}×, "
          f"wall {wall_ratio:.2f}×")
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
