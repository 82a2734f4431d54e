"""How a user action is undone: the shared undo stack and the base of every named command.

The job first, then the stack. ``QUndoStack.undo()`` moves its index and only then calls
the command, while our commands' work runs later on the database worker; a refused undo
(a decision chained since, a record someone else changed) used to leave the index moved,
and the next redo then recorded the decision a second time. ``UndoStack`` therefore runs
the command's job on the worker first and moves its index only when the job succeeded
(the command's own ``undo``/``redo`` are then told not to run it again). A failure shows
its message and leaves the stack where it was, matching the database. Presses made while
a job is on its way wait their turn, and a failure drops them: each step was meant to
follow the one that failed.

Steps that cannot be undone (approving minutes, opening a correction: they lock records
and enter the audit chain) are not pushed: ``run_irreversible`` runs them and closes the
history before them with a visible note (``history_closed``), as the commands below
would refer to records that can no longer change.

A dialog runs its action first (so a refused input shows next to its field) and then
pushes the command (``run_then_push``); the command's first ``redo()`` does nothing.
Undoing an "add" and redoing it creates a record with a new id; ``RecordIds`` keeps the
original id valid for every other command on the stack.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from secretariat.i18n import _
from ui.changes import Changes
from ui.worker import DatabaseWorker

Job = Callable  # (session) -> Changes


class RecordIds:
    """Original id -> id of the same record after it was re-created by a redo."""

    def __init__(self) -> None:
        self._current: dict[tuple[str, int], int] = {}

    def resolve(self, topic: str, record_id: int) -> int:
        return self._current.get((topic, record_id), record_id)

    def renamed(self, topic: str, original_id: int, new_id: int) -> None:
        self._current[(topic, original_id)] = new_id


class RecordVersions:
    """The version each record had after this workstation last wrote it. Undo and redo
    of an edit pass it as ``expected_version``: if another workstation changed the
    record since, the step is refused (and the stack stays), rather than overwriting."""

    def __init__(self) -> None:
        self._versions: dict[tuple[str, int], int] = {}

    def expected(self, topic: str, record_id: int) -> int | None:
        return self._versions.get((topic, record_id))

    def wrote(self, topic: str, record_id: int, version: int) -> None:
        self._versions[(topic, record_id)] = version


class UndoStack(QUndoStack):
    """A QUndoStack whose undo and redo run the command's job before moving the index."""

    history_closed = Signal(str)  # the note shown when an irreversible step cut the history
    step_failed = Signal(object)  # an undo or redo was refused (the error, also shown)

    def __init__(self, worker: DatabaseWorker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.in_flight = False
        self._waiting: list[bool] = []  # presses while a job runs: True = undo
        self.report_error: Callable[[BaseException, str], None] = _show_error
        self._actions: list[tuple[QAction, bool]] = []
        for signal in (self.canUndoChanged, self.canRedoChanged, self.undoTextChanged,
                       self.redoTextChanged):
            signal.connect(self._update_actions)

    def undo(self) -> None:
        self._press(backwards=True)

    def redo(self) -> None:
        self._press(backwards=False)

    def _press(self, *, backwards: bool) -> None:
        if self.in_flight:
            self._waiting.append(backwards)
        elif backwards and self.canUndo():
            self._step(self.command(self.index() - 1), backwards=True)
        elif not backwards and self.canRedo():
            self._step(self.command(self.index()), backwards=False)

    def _next(self) -> None:
        if self._waiting and not self.in_flight:
            self._press(backwards=self._waiting.pop(0))

    def _step(self, command: QUndoCommand, *, backwards: bool) -> None:
        move = super().undo if backwards else super().redo
        if not isinstance(command, WorkerCommand):
            move()
            return

        def done(changes: Changes) -> None:
            command.job_done = True  # the stack moves now; the command must not rerun it
            try:
                move()
            finally:
                command.job_done = False
                self._set_in_flight(False)
            self.worker.changed.emit(changes)
            self._next()

        def failed(error: BaseException) -> None:
            self._waiting.clear()
            self._set_in_flight(False)  # the index never moved: it still matches the records
            self.step_failed.emit(error)
            self.report_error(error, _("Undo") if backwards else _("Redo"))

        self._set_in_flight(True)
        self.worker.submit(command.revert if backwards else command.apply, done, failed)

    def close_history(self, step: str) -> None:
        """An irreversible ``step`` was taken: nothing before it can be undone any more."""
        had_history = self.count() > 0
        self._waiting.clear()
        self.clear()
        if had_history:
            self.history_closed.emit(_("“{step}” cannot be undone; the steps before it can "
                                       "no longer be undone either.").format(step=step))

    # -- menu actions (QUndoStack.createUndoAction would bypass the Python undo()) ---------
    def make_action(self, parent, text: str, *, backwards: bool) -> QAction:
        action = QAction(text, parent)
        action.triggered.connect(self.undo if backwards else self.redo)
        self._actions.append((action, backwards))
        action.destroyed.connect(lambda *_a, a=action: self._forget(a))
        self._update_actions()
        return action

    def _forget(self, action: QAction) -> None:
        self._actions = [(a, b) for a, b in self._actions if a is not action]

    def _set_in_flight(self, value: bool) -> None:
        self.in_flight = value
        self._update_actions()

    def _update_actions(self, *_args) -> None:
        for action, backwards in self._actions:
            if backwards:
                action.setEnabled(self.canUndo())
                action.setText(_("&Undo {step}").format(step=self.undoText())
                               if self.canUndo() else _("&Undo"))
            else:
                action.setEnabled(self.canRedo())
                action.setText(_("&Redo {step}").format(step=self.redoText())
                               if self.canRedo() else _("&Redo"))


def _show_error(error: BaseException, title: str) -> None:
    from ui.errors import show_error

    show_error(None, error, title)


class CommandContext:
    """What every page and command needs: the worker, the undo stack, the id map, and
    ``open_meeting(meeting_id, parent)`` (set by the main window, so pages that link to a
    meeting need not import the editor)."""

    def __init__(self, worker: DatabaseWorker, stack: UndoStack) -> None:
        self.worker = worker
        self.stack = stack
        self.ids = RecordIds()
        self.versions = RecordVersions()
        self.open_meeting: Callable[[int, object], None] = lambda _meeting_id, _parent: None


class WorkerCommand(QUndoCommand):
    """Subclasses implement ``apply(session)`` and ``revert(session)``, each returning
    ``Changes``. They run on the worker thread, so they read ids at run time. The
    ``UndoStack`` runs them before it moves; ``redo``/``undo`` only run them when some
    other code drives the stack (a plain QUndoStack, or Qt itself)."""

    def __init__(self, context: CommandContext, text: str):
        super().__init__(text)
        self.context = context
        self._first_redo = True  # already done by the dialog
        self.job_done = False

    def apply(self, session) -> Changes:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self, session) -> Changes:  # pragma: no cover - abstract
        raise NotImplementedError

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        if not self.job_done:
            self._run(self.apply)

    def undo(self) -> None:
        if not self.job_done:
            self._run(self.revert)

    def _run(self, job: Callable) -> None:
        worker = self.context.worker
        worker.submit(job, worker.changed.emit)

    def resolve(self, topic: str, record_id: int) -> int:
        return self.context.ids.resolve(topic, record_id)


def run_then_push(context: CommandContext, action: Callable,
                  make_command: Callable[[object], WorkerCommand],
                  on_error: Callable[[BaseException], None],
                  on_done: Callable[[], None] | None = None,
                  on_result: Callable[[object], None] | None = None) -> None:
    """Run ``action(session)`` (returning ``Changes`` or ``(Changes, extra)``) now; on
    success push ``make_command(result)`` and announce the changes; on failure call
    ``on_error``. ``on_result`` receives the result, before ``on_done``."""

    def done(result) -> None:
        context.stack.push(make_command(result))
        if on_result is not None:
            on_result(result)
        context.worker.changed.emit(result[0] if isinstance(result, tuple) else result)
        if on_done is not None:
            on_done()

    context.worker.submit(action, done, on_error)


def run_irreversible(context: CommandContext, step: str, action: Callable,
                     on_error: Callable[[BaseException], None],
                     on_done: Callable[[], None] | None = None) -> None:
    """Run a step that cannot be undone; on success close the undo history before it."""

    def done(changes: Changes) -> None:
        context.stack.close_history(step)
        context.worker.changed.emit(changes)
        if on_done is not None:
            on_done()

    context.worker.submit(action, done, on_error)


def run_and_announce(context: CommandContext, action: Callable,
                     on_error: Callable[[BaseException], None],
                     on_done: Callable[[object], None] | None = None) -> None:
    """Run a step that leaves the undo history as it is (starting or circulating minutes:
    nothing to take back, nothing earlier locked) and announce its changes."""

    def done(changes: Changes) -> None:
        context.worker.changed.emit(changes)
        if on_done is not None:
            on_done(changes)

    context.worker.submit(action, done, on_error)
