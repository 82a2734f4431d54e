"""The single database writer: every session lives on one worker thread.

Why one thread: SQLite allows one writer at a time, and serialising all work keeps undo
and redo in the order the user gave them (an undo job always runs after the job it
undoes). Jobs are plain functions ``fn(session) -> result``; the worker commits on
success and rolls back on any exception, then hands the outcome to the GUI thread by
a queued signal.

The worker can also open the store itself (``open``): the desktop application shows its
window first and lets this thread pay for importing SQLAlchemy and checking the file.
"""

from __future__ import annotations

import traceback
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:  # imported on the worker thread, after the window is shown
    from secretariat.store import Store

Job = Callable[[Any], Any]
Callback = Callable[[Any], None]


class DatabaseWorker(QObject):
    """Runs jobs one at a time off the GUI thread; callbacks run on the GUI thread."""

    # One tuple (job id, result, exception): PySide6 miscounts references when a bare None
    # crosses threads as an ``object`` argument, which crashed the interpreter at exit.
    _finished = Signal(object)
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

    @property
    def pending(self) -> int:
        return len(self._callbacks)

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

    def run_now(self, job: Job, *, with_session: bool = True) -> Any:
        """Run ``job`` on the worker and wait for it, blocking the GUI: only for a
        dialog that must open now with data its page has not loaded yet."""
        return self.submit(job, with_session=with_session).result()

    def wait_idle(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Let the queued jobs finish (each commits its own work), then close the store."""
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
        with self.store.session() as session:
            try:
                result = job(session)
                session.commit()
            except BaseException:
                session.rollback()
                raise
        return result

    # -- GUI thread ------------------------------------------------------------------
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
