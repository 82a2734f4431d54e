"""What every benchmark shares: the large demo forum, timed child processes, summaries and a
plain-text report.

A benchmark runs whole programs as a user would, so it measures them as child processes:
the figure the program reports itself (``ready in S s`` on its standard output) and the
wall time the parent saw from spawn to exit.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "bench" / "out"
READY_LINE = re.compile(r"ready in ([0-9]+(?:\.[0-9]+)?) s")
FIGURE_LINE = re.compile(r"^(\w+) in ([0-9]+(?:\.[0-9]+)?) s$", re.MULTILINE)


class BenchmarkError(RuntimeError):
    """A measured program failed or did not say it was ready."""


@dataclass(frozen=True)
class Timing:
    ready: float  # seconds, as printed by the program itself
    wall: float  # seconds, spawn to exit, seen by the parent
    # Every "<what> in S s" line the program printed, e.g. {"ready": 0.15, "loaded": 0.6}.
    figures: dict[str, float] = field(default_factory=dict)
    output: str = ""  # what the program printed on its standard output


@dataclass
class Series:
    """Repeated measurements of one quantity."""

    label: str
    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)


def venv_script(name: str) -> str:
    """An entry-point script of the running interpreter's environment, else one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def checkout_environment() -> dict[str, str]:
    """The environment with this checkout first on ``PYTHONPATH``: the venv's entry points
    (``secretariat``, ``secretariat-app``) then run this checkout's code, not that of the
    folder the venv was installed from (another worktree, say)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


@contextmanager
def gui_environment() -> Iterator[dict[str, str]]:
    """Environment for measured GUI processes: offscreen, and settings kept out of $HOME.

    A private config folder means every run starts from the same (default) settings and
    a benchmark never changes the user's window geometry or language; a private cache
    folder keeps the application's first-page snapshot apart from the user's.
    """
    env = checkout_environment()
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="secretariat-bench-") as scratch:
        env["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")
        env["XDG_CACHE_HOME"] = str(Path(scratch) / "cache")  # the first-page snapshot
        runtime = Path(scratch) / "runtime"
        runtime.mkdir(mode=0o700)
        env["XDG_RUNTIME_DIR"] = str(runtime)
        yield env


def ensure_large_demo(db_path: Path, cli: str, rebuild: bool) -> None:
    """Build the large demo forum unless it is already there (it takes up to two minutes)."""
    files_dir = db_path.with_name(db_path.name + ".files")
    if rebuild:
        remove_database(db_path, files_dir)
    if db_path.exists():
        print(f"using existing demo database {db_path} ({db_path.stat().st_size / 1e6:.1f} MB)")
        return
    db_path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building the large demo into {db_path} …", flush=True)
    started = time.perf_counter()
    result = subprocess.run([cli, "--db", str(db_path), "demo", "--scale", "large"],
                            env=checkout_environment())
    if result.returncode != 0:
        remove_database(db_path, files_dir)  # a half-built demo would skew every later run
        raise BenchmarkError(f"building the demo failed (exit {result.returncode})")
    print(f"built in {time.perf_counter() - started:.1f} s ({db_path.stat().st_size / 1e6:.1f} MB)")


def remove_database(db_path: Path, files_dir: Path) -> None:
    for path in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        path.unlink(missing_ok=True)
    shutil.rmtree(files_dir, ignore_errors=True)


def run_on_large_demo(args: argparse.Namespace, measure: Callable[[argparse.Namespace], int],
                      rebuild: bool = False) -> int:
    """A benchmark's exit status: ``measure(args)`` on the large demo (``args.db``, built
    with ``args.cli`` when missing); a failed run is reported, not raised."""
    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    try:
        ensure_large_demo(args.db.resolve(), args.cli, rebuild)
        return measure(args)
    except BenchmarkError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1


def run_ready(command: Sequence[str], env: dict[str, str], timeout: float = 120.0) -> Timing:
    """Run ``command`` to completion; return its own ``ready in`` figure and the wall time."""
    started = time.perf_counter()
    result = subprocess.run(list(command), env=env, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - started
    match = READY_LINE.search(result.stdout)
    if result.returncode != 0 or not match:
        raise BenchmarkError(
            f"{' '.join(command)} exited {result.returncode} "
            f"{'without a ready line' if not match else ''}\n"
            f"--- stdout ---\n{result.stdout[-2000:]}\n--- stderr ---\n{result.stderr[-2000:]}"
        )
    figures = {name: float(value) for name, value in FIGURE_LINE.findall(result.stdout)}
    return Timing(ready=float(match.group(1)), wall=wall, figures=figures, output=result.stdout)


def format_table(series: Sequence[Series], unit: str = "s") -> str:
    """Median, minimum and maximum of each series, aligned."""
    width = max(len(s.label) for s in series)
    lines = [f"{'':{width}}   {'median':>8}   {'min':>8}   {'max':>8}"]
    for s in series:
        lines.append(
            f"{s.label:{width}}   {s.median:8.3f}   {s.low:8.3f}   {s.high:8.3f}   {unit}  (n={len(s.values)})"
        )
    return "\n".join(lines)


def verdict(target: str, passed: bool, detail: str) -> str:
    return f"{target:<22} {'PASS' if passed else 'FAIL'}   ({detail})"
