"""The Member selection page's steps after the call closes: run the method on the compute
pool (progress, cancel), decide and undo the decision, publish, export the report. A
mixin of ``SelectionPage`` (which has ``detail``, ``context``, ``status``, ``progress``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from secretariat.i18n import _
from ui.undo import run_irreversible, run_then_push


def _ops():
    from ui.selection import actions

    return actions


class RoundLifecycle:
    def run_method(self) -> None:
        if self.detail is None:
            return
        ops, round_id = _ops(), self.detail.row.id
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.run_job = self.context.worker.submit_long(
            lambda s: ops.read_inputs(s, round_id), ops.compute_result,
            on_progress=self._run_progress, on_done=self._run_done,
            on_error=self._run_failed, on_cancelled=self._run_cancelled)
        self._update_buttons()

    def _run_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if label:
            self.status.setText(_(label))

    def _run_done(self, computed) -> None:
        inputs, record = computed
        self._run_finished()
        self.context.worker.submit(lambda s: _ops().store_result(s, inputs, record),
                                   self.context.worker.changed.emit, self._failed)

    def _run_failed(self, error: BaseException) -> None:
        self._run_finished()
        self._failed(error)

    def _run_cancelled(self) -> None:
        self._run_finished()
        self.status.setText(_("Run cancelled; nothing was stored."))

    def _run_finished(self) -> None:
        self.run_job = None
        self.progress.setVisible(False)
        self._update_buttons()

    def cancel_run(self) -> None:
        if self.run_job is not None:
            self.run_job.cancel()

    def decide(self) -> None:
        from ui.selection.undo import DecideRound

        round_id, title = self.detail.row.id, self.detail.row.title
        run_then_push(self.context, lambda s: _ops().decide(s, round_id),
                      lambda _c: DecideRound(self.context, round_id, title), self._failed)

    def undo_decision(self) -> None:
        from ui.selection.undo import UndoDecision

        round_id, title = self.detail.row.id, self.detail.row.title
        run_then_push(self.context, lambda s: _ops().undo_decision(s, round_id),
                      lambda _c: UndoDecision(self.context, round_id, title), self._failed)

    def publish(self) -> None:
        round_id = self.detail.row.id
        run_irreversible(self.context, _("Publish round"),
                         lambda s: _ops().publish(s, round_id), self._failed)

    def export_report(self, folder: Path | None = None, on_done=None) -> None:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, _("Export the round report to"))
            if not chosen:
                return
            folder = Path(chosen)
        ops, round_id = _ops(), self.detail.row.id

        def done(written) -> None:
            self.status.setText(_("Wrote {count} files to {folder}.").format(
                count=len(written), folder=folder))
            if on_done:
                on_done(written)

        self.context.worker.submit_long(lambda s: ops.read_report(s, round_id),
                                        lambda data, progress: ops.write_report(data, folder,
                                                                                progress),
                                        on_done=done, on_error=self._failed)

