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

Job = Callable  # (session) -> Change


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


class PairCommand(WorkerCommand):
    """``forward(session)`` and ``backward(session)``, each returning a Change."""

    def __init__(self, context: CommandContext, text: str, forward: Job, backward: Job):
        super().__init__(context, text)
        self.forward, self.backward = forward, backward

    def apply(self, session):
        return self.forward(session)

    def revert(self, session):
        return self.backward(session)


class RecreateCommand(WorkerCommand):
    """A record that one direction creates (new id each time) and the other deletes.

    ``create(session) -> (Change, new_id)`` (see ``created``); ``delete(session,
    current_id) -> Change``. ``created_first`` says which direction the user's own action
    was. Later commands on the stack find the record under its newest id.
    """

    def __init__(self, context: CommandContext, text: str, topic: str, record_id: int,
                 create: Callable, delete: Callable, created_first: bool = True):
        super().__init__(context, text)
        self.topic, self.record_id, self.created_first = topic, record_id, created_first
        self.create, self.delete = create, delete

    def _create(self, session):
        change, new_id = self.create(session)
        self.context.ids.renamed(self.topic, self.record_id, new_id)
        return change

    def _delete(self, session):
        return self.delete(session, self.context.ids.resolve(self.topic, self.record_id))

    def apply(self, session):
        return self._create(session) if self.created_first else self._delete(session)

    def revert(self, session):
        return self._delete(session) if self.created_first else self._create(session)


def created(change: Change) -> tuple[Change, int]:
    """``(change, new id)`` for a ``RecreateCommand`` from an operation whose Change names
    the record it created."""
    return change, change.ids[0]


class EditCommand(WorkerCommand):
    """An edit made through a form: ``edit(session, record_id, form)`` returns
    ``(Change, previous form)``; redo writes ``new``, undo writes ``old`` back. The id is
    resolved under ``topic`` when the job runs, as undo may have re-created the record."""

    def __init__(self, context: CommandContext, text: str, topic: str, record_id: int,
                 edit: Callable, old, new):
        super().__init__(context, text)
        self.topic, self.record_id, self.edit = topic, record_id, edit
        self.old, self.new = old, new

    def _write(self, session, form):
        return self.edit(session, self.context.ids.resolve(self.topic, self.record_id), form)[0]

    def apply(self, session):
        return self._write(session, self.new)

    def revert(self, session):
        return self._write(session, self.old)


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
