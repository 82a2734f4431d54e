"""Start-up of another checkout (e.g. main) against this one, interleaved in one invocation.

    git archive main | tar -x -C /tmp/base
    .venv/bin/python -m bench.startup_compare --base /tmp/base [--runs 7]

Per round: ``secretariat-app --smoke-test`` on the large demo with the other checkout's
code, with this checkout's code and its first-page snapshot, with this checkout's code
and ``SECRETARIAT_FIRST_PAGE_SNAPSHOT=0``, and the bare window; then medians and their
ratios to the bare window's ``ready``. Both checkouts' bytecode is compiled first.
"""

from __future__ import annotations

import argparse
import compileall
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    OUT_DIR, REPO_ROOT, Series, format_table, gui_environment, run_on_large_demo, run_ready,
    venv_script,
)
from bench.startup import BARE_WINDOW  # noqa: E402


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="the other checkout's root")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--app", default=venv_script("secretariat-app"))
    parser.add_argument("--cli", default=venv_script("secretariat"))
    parser.add_argument("--db", type=Path, default=OUT_DIR / "large.db")
    return parser.parse_args(argv)


def measure(args) -> int:
    for root in (REPO_ROOT, args.base.resolve()):
        for package in ("ui", "secretariat"):
            compileall.compile_dir(str(root / package), quiet=1)
    app = [args.app, "--db", str(args.db.resolve()), "--smoke-test"]
    bare = [sys.executable, str(BARE_WINDOW)]
    names = ["bare ready", "base ready", "base loaded", "this ready", "this loaded (snapshot)",
             "this database (same runs)", "this, no snapshot: ready",
             "this, no snapshot: loaded (database)"]
    series = {name: Series(name) for name in names}
    with gui_environment() as env:
        base_env = dict(env, PYTHONPATH=str(args.base.resolve()))
        plain_env = dict(env, SECRETARIAT_FIRST_PAGE_SNAPSHOT="0")
        for warm in (base_env, env, plain_env):  # this checkout's saves its snapshot
            run_ready(app, warm)
        run_ready(bare, env)
        for run in range(1, args.runs + 1):
            base, this, plain, floor = (run_ready(app, base_env), run_ready(app, env),
                                        run_ready(app, plain_env), run_ready(bare, env))
            if "snapshot" not in this.figures or "snapshot" in plain.figures:
                raise SystemExit("the snapshot was not used, or used when turned off")
            for name, value in zip(names, (
                    floor.ready, base.ready, base.figures["loaded"], this.ready,
                    this.figures["loaded"], this.figures["database"], plain.ready,
                    plain.figures["loaded"])):
                series[name].add(value)
            print(f"  run {run}: bare {floor.ready:.3f}; base {base.ready:.3f}/"
                  f"{base.figures['loaded']:.3f}; this {this.ready:.3f}/"
                  f"{this.figures['loaded']:.3f}/database {this.figures['database']:.3f}; "
                  f"no snapshot {plain.ready:.3f}/{plain.figures['loaded']:.3f}", flush=True)
    print(format_table(list(series.values())))
    floor = series["bare ready"].median
    for name in names[1:]:
        print(f"{name:38} {series[name].median / floor:.2f}× bare ready")
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    return run_on_large_demo(args, measure)


if __name__ == "__main__":
    sys.exit(main())
