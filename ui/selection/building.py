"""The Member selection page's steps that build a round: a new round (undoable), opening
and closing the call (undoable), importing candidates, recording an announced source and
importing the method's inputs from a file. A mixin of ``SelectionPage``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QPushButton

from secretariat.i18n import _
from secretariat.selection.round_vocabulary import RoundStatus
from ui.undo import run_and_announce, run_then_push


def _ops():
    from ui.selection import input_actions

    return input_actions


class RoundBuilding:
    def build_controls(self) -> QHBoxLayout:
        self.new_button = QPushButton(_("&New round…"))
        self.open_call_button = QPushButton(_("&Open the call"))
        self.close_call_button = QPushButton(_("C&lose the call"))
        self.import_button = QPushButton(_("&Import candidates…"))
        self.source_button = QPushButton(_("Record a sou&rce…"))
        self.inputs_button = QPushButton(_("Import the method's inpu&ts…"))
        bar = QHBoxLayout()
        for button in (self.new_button, self.open_call_button, self.close_call_button,
                       self.import_button, self.source_button, self.inputs_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.new_button.clicked.connect(lambda: self.new_round())
        self.open_call_button.clicked.connect(lambda: self.move_call(RoundStatus.CALL_OPEN))
        self.close_call_button.clicked.connect(lambda: self.move_call(RoundStatus.CLOSED))
        self.import_button.clicked.connect(lambda: self.import_candidates())
        self.source_button.clicked.connect(lambda: self.record_source())
        self.inputs_button.clicked.connect(lambda: self.import_inputs())
        return bar

    def update_build_controls(self, status: RoundStatus | None) -> None:
        self.open_call_button.setEnabled(status in (RoundStatus.DRAFT, RoundStatus.CLOSED))
        self.close_call_button.setEnabled(status == RoundStatus.CALL_OPEN)
        self.import_button.setEnabled(status in (RoundStatus.DRAFT, RoundStatus.CALL_OPEN))
        changeable = status in (RoundStatus.DRAFT, RoundStatus.CALL_OPEN, RoundStatus.CLOSED)
        self.source_button.setEnabled(changeable)
        self.inputs_button.setEnabled(changeable)

    def new_round(self):
        from ui.selection.round_dialog import RoundDialog
        from ui.selection.undo import CreateRound

        ops = _ops()
        sectors = self.context.worker.run_now(ops.non_government_sectors)

        def submit(form, dialog) -> None:
            run_then_push(self.context, lambda s: ops.create_round(s, form),
                          lambda changes: CreateRound(self.context, form, changes.ids[0]),
                          dialog.failed, dialog.succeeded)

        dialog = RoundDialog(self, sectors, submit)
        dialog.open()
        return dialog

    def move_call(self, target: RoundStatus) -> None:
        from ui.selection.undo import MoveRound

        if self.detail is None:
            return
        round_id, old = self.detail.row.id, self.detail.row.status.value
        text = (_("Open the call of {title}") if target == RoundStatus.CALL_OPEN
                else _("Close the call of {title}")).format(title=self.detail.row.title)
        run_then_push(self.context, lambda s: _ops().move(s, round_id, target.value),
                      lambda _c: MoveRound(self.context, round_id, old, target.value, text),
                      self._failed)

    def import_candidates(self, path: Path | None = None) -> None:
        if self.detail is None:
            return
        path = path or self._chosen_file(_("Import candidates"), _("CSV files (*.csv)"))
        if path is not None:
            round_id = self.detail.row.id
            run_and_announce(self.context, lambda s: _ops().import_candidates(s, round_id, path),
                             self._failed)

    def record_source(self, description: str | None = None, value: str | None = None) -> None:
        if self.detail is None:
            return
        if description is None:
            description, ok = QInputDialog.getText(
                self, _("Record a source"),
                _("The random source, as announced (e.g. the lottery draw of a given day):"))
            if not ok:
                return
            value, _ok = QInputDialog.getText(self, _("Record a source"),
                                              _("Its numbers, if already known:"))
        round_id = self.detail.row.id
        run_and_announce(self.context, lambda s: _ops().record_source(
            s, round_id, description, value or ""), self._failed)

    def import_inputs(self, path: Path | None = None) -> None:
        if self.detail is None:
            return
        method = self.detail.row.method
        kinds = (_("Ballot files (*.blt)") if method.uses_ballots
                 else _("CSV files (*.csv)"))
        path = path or self._chosen_file(_("Import the method's inputs"), kinds)
        if path is not None:
            round_id = self.detail.row.id
            run_and_announce(self.context,
                             lambda s: _ops().import_inputs(s, round_id, method, path),
                             self._failed)

    def _chosen_file(self, title: str, kinds: str) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(self, title, "", kinds)
        return Path(chosen) if chosen else None
