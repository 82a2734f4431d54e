"""Decision log benchmark: open, sort and filter 10,000 decisions in the GUI's model.

    .venv/bin/python -m bench.bench_decision_log                  # 7 runs, bench/out/large.db
    .venv/bin/python -m bench.bench_decision_log --runs 15 --check

On the large demo (built with ``secretariat demo --scale large`` when missing, as the
start-up benchmark does), an offscreen ``QTableView`` shows ``ui.records``'
``DecisionLogModel`` fed by the application's own database worker. Each measurement
runs from the request (reload, header click, new filter) until the first page is in the
model and the view has processed its events, i.e. what a clerk waits for. Medians are
judged against the 100 ms target (DESIGN §4: any list opens, sorts and filters ≤ 100 ms).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.harness import (  # noqa: E402
    OUT_DIR, BenchmarkError, Series, format_table, run_on_large_demo, venv_script, verdict,
)

TARGET_MS = 100.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs of each step (default 7)")
    parser.add_argument("--db", type=Path, default=OUT_DIR / "large.db", help="demo database (built if missing)")
    parser.add_argument("--cli", default=venv_script("secretariat"), help="command line used to build the demo")
    parser.add_argument("--text", default="預算", help="text filter to time (default 預算)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args(argv)


class Harness:
    """A model and an offscreen view over the store, driven and awaited step by step."""

    def __init__(self, store):
        from PySide6.QtWidgets import QApplication

        from ui.records.decision_model import DecisionLogModel
        from ui.table_view import make_table
        from ui.worker import DatabaseWorker

        self.app = QApplication.instance() or QApplication([])
        self.worker = DatabaseWorker(store)
        self.model = DecisionLogModel(self.worker)
        self.view = make_table(self.model, None)
        self.view.resize(1200, 700)
        self.view.show()

    def open_fresh(self) -> None:
        """What opening the page does: a new model on the view, then its first query."""
        from ui.records.decision_model import DecisionLogModel

        old, self.model = self.model, DecisionLogModel(self.worker)
        self.view.setModel(self.model)
        old.deleteLater()
        self.model.reload()

    def back_to_default(self) -> None:
        """The unfiltered log, newest first, loaded: every step starts from there."""
        from ui.records.actions import DecisionQuery

        if self.model.query != DecisionQuery():
            self.timed(lambda: self.model.set_query(DecisionQuery()))

    def timed(self, request) -> float:
        """Milliseconds from ``request()`` to the first page shown."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop, outcome = QEventLoop(), {}

        def finished(code: int) -> None:
            outcome.setdefault("code", code)
            loop.quit()

        timeout = QTimer()
        timeout.setSingleShot(True)
        timeout.timeout.connect(lambda: finished(2))
        started = time.perf_counter()
        request()  # may replace self.model (open_fresh): connect afterwards
        self.model.loaded.connect(lambda: finished(0))
        self.model.failed.connect(lambda _error: finished(1))
        timeout.start(30000)
        if self.model.loading:
            loop.exec()
        else:
            outcome["code"] = 0
        self.app.processEvents()  # layout and paint of the rows now in the model
        elapsed = (time.perf_counter() - started) * 1000
        timeout.stop()
        self.model.loaded.disconnect()
        self.model.failed.disconnect()
        if outcome.get("code"):
            raise BenchmarkError("the decision log did not load (error or timeout)")
        return elapsed

    def close(self) -> None:
        self.view.close()
        self.worker.wait_idle()


def measure(args: argparse.Namespace) -> int:
    from PySide6.QtCore import Qt

    from secretariat.store import open_store
    from ui.records.decision_model import column_of
    from ui.records.actions import DecisionQuery

    store = open_store(f"sqlite:///{args.db.resolve()}")
    bench = Harness(store)
    ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    steps = {
        "open (first page)": lambda: bench.open_fresh(),
        "sort by number": lambda: bench.model.sort(column_of("number"), ascending),
        "sort by meeting": lambda: bench.model.sort(column_of("meeting"), ascending),
        "sort by decision text": lambda: bench.model.sort(column_of("text"), descending),
        "filter by text": lambda: bench.model.set_query(DecisionQuery(search=args.text)),
        "filter year": lambda: bench.model.set_query(DecisionQuery(year=year)),
    }
    bench.timed(bench.model.reload)  # warm caches; also tells us the size and a year
    total = bench.model.total
    year = int(bench.model.row_at(0).number[:4]) - 1
    series = {label: Series(label) for label in steps}
    for run in range(args.runs + 1):  # the first round warms each query's plan
        for label, step in steps.items():
            bench.back_to_default()
            elapsed = bench.timed(step)
            if run:
                series[label].add(elapsed)
    bench.close()
    store.close()

    print(f"decision log over {total:,} decisions ({args.db}), {args.runs} runs per step, "
          f"text filter {args.text!r}")
    print(format_table(list(series.values()), unit="ms"))
    failed = False
    for s in series.values():
        ok = s.median <= TARGET_MS
        failed |= not ok
        print(verdict(s.label, ok, f"median {s.median:.1f} ms ≤ {TARGET_MS:.0f} ms"))
    return 1 if failed and args.check else 0


def main(argv: list[str] | None = None) -> int:
    return run_on_large_demo(parse_args(argv), measure)


if __name__ == "__main__":
    sys.exit(main())
