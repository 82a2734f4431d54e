"""The single database writer: every session lives on one worker thread.

Why one thread: SQLite allows one writer at a time, and serialising all work keeps undo
and redo in the order the user gave them (an undo job always runs after the job it
undoes). Jobs are plain functions ``fn(session) -> result``; the worker commits on
success and rolls back on any exception, then hands the outcome to the GUI thread by
a queued signal.

The worker can also open the store itself (``open``): the desktop application shows its
window first and lets this thread pay for importing SQLAlchemy and checking the file.

Long computations (rendering, hashing, building a site) must not hold the one writer:
``submit_long`` reads what they need on the database thread, then computes on a separate
pool while other jobs go on, reports progress to the GUI thread and honours cancel.
"""

from __future__ import annotations

import threading
import traceback
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:  # imported on the worker thread, after the window is shown
    from secretariat.store import Store

Job = Callable[[Any], Any]
Callback = Callable[[Any], None]
# Reserved for the long computations, so they never wait behind (or block) the writer.
COMPUTE_THREADS = 2


class JobCancelled(Exception):
    """Raised by ``LongProgress.report`` once the job was cancelled: the computation stops
    at its next report."""


class LongProgress:
    """What a long computation gets: ``report(done, total, label="")`` (the callback the
    core's long functions take) and ``cancelled()``. Called on the compute thread."""

    def __init__(self, handle: "LongJob", emit: Callable[[tuple], None]):
        self._handle, self._emit = handle, emit

    def cancelled(self) -> bool:
        return self._handle.cancelled

    def report(self, done: int, total: int, label: str = "") -> None:
        if self._handle.cancelled:
            raise JobCancelled()
        self._emit((self._handle.id, done, total, label))


class LongJob:
    """The handle ``submit_long`` returns: ``cancel()`` from the GUI thread, at any stage."""

    def __init__(self, job_id: int):
        self.id = job_id
        self._cancel = threading.Event()
        self.finished = False  # set on the GUI thread once a callback has been called

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Stop the job: a read not begun is skipped, a computation stops at its next
        progress report, and neither ``on_done`` nor ``on_error`` is called then
        (``on_cancelled`` is)."""
        self._cancel.set()


class DatabaseWorker(QObject):
    """Runs jobs one at a time off the GUI thread; callbacks run on the GUI thread."""

    # One tuple (job id, result, exception): PySide6 miscounts references when a bare None
    # crosses threads as an ``object`` argument, which crashed the interpreter at exit.
    _finished = Signal(object)
    _long_progress = Signal(object)  # (long job id, done, total, label)
    _long_finished = Signal(object)  # (long job id, result, exception)
    busy_changed = Signal(bool)
    changed = Signal(object)  # ui.changes.Changes: what views should refresh

    def __init__(self, store: Store | None = None, parent: QObject | None = None):
        """``store`` None: call ``open(url, ...)`` before submitting jobs."""
        super().__init__(parent)
        self.store = store
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._next_id = 0
        self._finished.connect(self._deliver)
        self._compute_pool = QThreadPool(self)
        self._compute_pool.setMaxThreadCount(COMPUTE_THREADS)
        self._long_jobs: dict[int, tuple[LongJob, dict[str, Callable | None]]] = {}
        self._long_progress.connect(self._deliver_long_progress)
        self._long_finished.connect(self._deliver_long)

    @property
    def pending(self) -> int:
        """Jobs whose outcome has not reached the GUI yet, long computations included."""
        return len(self._callbacks) + len(self._long_jobs)

    def submit(self, job: Job, on_done: Callback | None = None,
               on_error: Callback | None = None, *, with_session: bool = True) -> Future:
        """Queue ``job``; ``with_session=False`` passes the Store itself (e.g. the demo
        loader, which commits in batches)."""
        self._next_id += 1
        job_id = self._next_id
        self._callbacks[job_id] = (on_done, on_error)
        future: Future = Future()
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._pool.start(lambda: self._run(job_id, job, future, with_session))
        return future

    def open(self, url: str, on_done: Callback, on_error: Callback) -> Future:
        """Open the store for ``url`` on the worker thread; ``on_done(store)`` on the GUI
        thread. Jobs submitted meanwhile queue behind it and see the open store."""

        def open_on_worker(_none) -> Store:
            from secretariat.store import open_store

            self.store = open_store(url)
            return self.store

        return self.submit(open_on_worker, on_done, on_error, with_session=False)

    def submit_long(self, read_job: Job, compute: Callable[[Any, LongProgress], Any],
                    on_progress: Callable[[int, int, str], None] | None = None,
                    on_done: Callback | None = None, on_error: Callback | None = None, *,
                    on_cancelled: Callable[[], None] | None = None) -> LongJob:
        """Run ``read_job(session)`` on the database thread (queued like any job, its
        session committed or rolled back as usual), then ``compute(data, progress)`` on a
        compute thread, without a session: every other job runs meanwhile. All callbacks
        run on the GUI thread: ``on_progress(done, total, label)`` for each report,
        ``on_done(result)``, or ``on_error(exc)`` if the read or the computation failed,
        or ``on_cancelled()`` after ``cancel()``. ``compute`` must not touch the
        session's objects (they belong to the database thread): ``read_job`` returns
        plain data."""
        self._next_id += 1
        handle = LongJob(self._next_id)
        callbacks = {"progress": on_progress, "done": on_done, "error": on_error,
                     "cancelled": on_cancelled}
        self._long_jobs[handle.id] = (handle, callbacks)

        def read(session):
            if handle.cancelled:
                raise JobCancelled()
            return read_job(session)

        def start_compute(data) -> None:  # GUI thread, once the read is done
            if handle.cancelled:
                self._long_finished.emit((handle.id, None, JobCancelled()))
                return
            self._compute_pool.start(lambda: self._compute(handle, compute, data))

        self.submit(read, start_compute,
                    lambda error: self._deliver_long((handle.id, None, error)))
        return handle

    def run_now(self, job: Job, *, with_session: bool = True) -> Any:
        """Run ``job`` on the worker and wait for it, blocking the GUI: only for a
        dialog that must open now with data its page has not loaded yet."""
        return self.submit(job, with_session=with_session).result()

    def wait_idle(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Let the queued jobs finish (each commits its own work), then close the store.
        Long computations still running are cancelled (they write nothing to the store)."""
        for handle, _callbacks in list(self._long_jobs.values()):
            handle.cancel()
        self._compute_pool.waitForDone()
        self._pool.waitForDone()
        if self.store is not None:
            self.store.close()

    # -- worker thread -------------------------------------------------------------
    def _run(self, job_id: int, job: Job, future: Future, with_session: bool) -> None:
        try:
            result = self._execute(job, with_session)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to show
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            future.set_exception(exc)
            self._finished.emit((job_id, None, exc))
        else:
            future.set_result(result)
            self._finished.emit((job_id, result, None))

    def _execute(self, job: Job, with_session: bool) -> Any:
        if not with_session:
            return job(self.store)  # None for the job that opens it
        # Committed, and repeated after a transient failure (another workstation or the
        # command line holding the database, a lost race for a number): jobs work only
        # through the session they are given, so running one again is safe.
        return self.store.run_transaction(job)

    # -- compute thread ----------------------------------------------------------------
    def _compute(self, handle: LongJob, compute: Callable, data: Any) -> None:
        try:
            result = compute(data, LongProgress(handle, self._long_progress.emit))
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to show
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._long_finished.emit((handle.id, None, exc))
        else:
            self._long_finished.emit((handle.id, result, None))

    # -- GUI thread ------------------------------------------------------------------
    def _deliver_long_progress(self, report: tuple[int, int, int, str]) -> None:
        job_id, done, total, label = report
        entry = self._long_jobs.get(job_id)
        if entry is None or entry[0].cancelled:
            return
        on_progress = entry[1]["progress"]
        if on_progress is not None:
            on_progress(done, total, label)

    def _deliver_long(self, outcome: tuple[int, Any, BaseException | None]) -> None:
        job_id, result, error = outcome
        entry = self._long_jobs.pop(job_id, None)
        if entry is None:
            return
        handle, callbacks = entry
        handle.finished = True
        if handle.cancelled or isinstance(error, JobCancelled):
            if callbacks["cancelled"] is not None:
                callbacks["cancelled"]()
        elif error is None:
            if callbacks["done"] is not None:
                callbacks["done"](result)
        elif callbacks["error"] is not None:
            callbacks["error"](error)
        else:
            from ui.errors import show_error

            show_error(None, error)

    def _deliver(self, outcome: tuple[int, Any, BaseException | None]) -> None:
        job_id, result, error = outcome
        on_done, on_error = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            from ui.errors import show_error

            show_error(None, error)
