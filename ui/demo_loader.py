"""Loading the demo forum from the GUI: the core's generator behind a progress dialog."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget

from secretariat.i18n import _
from ui.changes import Changes
from ui.progress import Progress, run_with_progress


def _load(store, progress: Progress):
    from secretariat.demo import load_demo  # heavy: only when the user asks for it

    return load_demo(store, scale="small", progress=progress.report, cancel=progress.cancelled)


def load_demo_forum(parent: QWidget | None, worker, on_done: Callable[[], None],
                    on_error: Callable[[BaseException], None]):
    def done(_summary) -> None:
        worker.changed.emit(Changes.everything())
        on_done()

    return run_with_progress(parent, worker, _("Loading the demo forum…"), _load, done,
                             on_error, with_session=False)
