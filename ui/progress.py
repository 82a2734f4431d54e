"""Long work with a progress dialog and cooperative cancel.

The worker thread only writes to a small ``Progress`` record; a QTimer on the GUI
thread polls it, so the work never touches Qt and the GUI never waits for the work.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from secretariat.i18n import _

POLL_MS = 100


@dataclass
class Progress:
    done: int = 0
    total: int = 0
    label: str = ""
    _cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, done: int, total: int, label: str = "") -> None:
        """The callback the core's long functions take (called on the worker thread)."""
        self.done, self.total, self.label = done, total, label

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


def run_with_progress(parent: QWidget | None, worker, title: str,
                      job: Callable[[Any, Progress], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None], *,
                      with_session: bool = True) -> QProgressDialog:
    """Run ``job(session_or_store, progress)`` on the database worker behind a dialog."""
    progress = Progress()
    dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(progress.cancel)
    timer = QTimer(dialog)
    timer.setInterval(POLL_MS)

    def poll() -> None:
        if progress.total:
            dialog.setMaximum(progress.total)
            dialog.setValue(min(progress.done, progress.total))
        if progress.label:
            dialog.setLabelText(progress.label)

    def finish(callback: Callable, value) -> None:
        timer.stop()
        dialog.close()
        dialog.deleteLater()
        callback(value)

    timer.timeout.connect(poll)
    timer.start()
    dialog.show()
    worker.submit(lambda target: job(target, progress), lambda r: finish(on_done, r),
                  lambda e: finish(on_error, e), with_session=with_session)
    dialog.progress = progress  # type: ignore[attr-defined]  # for tests
    return dialog
