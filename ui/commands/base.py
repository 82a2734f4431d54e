"""The undo command shape shared by every domain action.

A dialog runs an operation first (so a refused input can be shown next to its field)
and only then pushes the command; the command's first ``redo()`` therefore does
nothing. Later redo/undo calls queue jobs on the single database worker, which runs them
in the order given, so an undo never overtakes the action it undoes.

Undoing an "add" and redoing it creates a record with a new id. ``RecordIds`` keeps the
original id valid for every other command on the stack by following that renaming.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from ui.operations import Change
from ui.worker import DatabaseWorker


class RecordIds:
    """Original id -> id of the same record after it was re-created by a redo."""

    def __init__(self) -> None:
        self._current: dict[tuple[str, int], int] = {}

    def resolve(self, topic: str, record_id: int) -> int:
        return self._current.get((topic, record_id), record_id)

    def renamed(self, topic: str, original_id: int, new_id: int) -> None:
        self._current[(topic, original_id)] = new_id


class CommandContext:
    """What every page and command needs: the worker, the undo stack and the id map."""

    def __init__(self, worker: DatabaseWorker, stack) -> None:
        self.worker = worker
        self.stack = stack
        self.ids = RecordIds()


class WorkerCommand(QUndoCommand):
    """Subclasses implement ``apply(session)`` and ``revert(session)``, each returning a
    ``Change``. They run on the worker thread, so they read ids at run time."""

    def __init__(self, context: CommandContext, text: str):
        super().__init__(text)
        self.context = context
        self._first_redo = True  # already done by the dialog

    def apply(self, session) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self, session) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, job: Callable) -> None:
        worker = self.context.worker
        worker.submit(job, worker.changed.emit)


def run_then_push(context: CommandContext, operation: Callable,
                  make_command: Callable[[object], WorkerCommand],
                  on_error: Callable[[BaseException], None],
                  on_done: Callable[[], None] | None = None) -> None:
    """Run ``operation(session)`` now; on success push ``make_command(result)`` (whose
    first redo is a no-op) and announce the change; on failure call ``on_error``."""

    def done(result) -> None:
        context.stack.push(make_command(result))
        change = result[0] if isinstance(result, tuple) else result
        context.worker.changed.emit(change)
        if on_done is not None:
            on_done()

    context.worker.submit(operation, done, on_error)
