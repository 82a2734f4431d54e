"""Conflicts of interest: every declared interest (filterable), the members whose
declaration is overdue, declaring an interest (with undo) and exporting the public
register (public items only)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, format_number, ngettext
from ui.changes import ChangeKind
from ui.interests.model import BreachTableModel, InterestTableModel, OverdueTableModel
from ui.list_page import RecordListPage
from ui.records.filters import fit_placeholder
from ui.table_view import make_proxy, make_table
from ui.undo import CommandContext, run_then_push


def _ops():
    """``ui.interests.actions`` (services, SQLAlchemy): imported when first used."""
    from ui.interests import actions

    return actions


class ConflictsPage(RecordListPage):
    kind = ChangeKind.INTEREST
    wants = ChangeKind.INTEREST | ChangeKind.MEMBER

    def __init__(self, context: CommandContext, parent: QWidget | None = None):
        super().__init__(context, InterestTableModel(), parent,
                         filter_hint=_("Filter by person, interest, organisation… (Ctrl+F)"),
                         new_record=self.declare_interest)
        self.overdue_model = OverdueTableModel(self)
        self.breach_model = BreachTableModel(self)
        self.last_export: Path | None = None
        self._build()

    def _build(self) -> None:
        self.declare_button = QPushButton(_("&Declare interest…"))
        self.export_button = QPushButton(_("E&xport public register…"))
        self.breach_button = QPushButton(_("Record &breach…"))
        fit_placeholder(self.filter_box)
        bar = QHBoxLayout()
        bar.addWidget(self.declare_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.breach_button)
        bar.addStretch(1)

        self.overdue_heading = QLabel()
        self.overdue_table = make_table(make_proxy(self.overdue_model, self), self)
        overdue_panel = QWidget(self)
        column = QVBoxLayout(overdue_panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.overdue_heading)
        column.addWidget(self.overdue_table, 1)
        column.addWidget(QLabel(_("Breaches and sanctions")))
        self.breach_table = make_table(make_proxy(self.breach_model, self), self)
        self.breach_table.setAccessibleName(_("Breaches and sanctions"))
        column.addWidget(self.breach_table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(overdue_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.filter_box)
        layout.addWidget(splitter, 1)

        self.declare_button.clicked.connect(self.declare_interest)
        self.export_button.clicked.connect(self.ask_and_export)
        self.breach_button.clicked.connect(self.record_breach)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------
    def refresh(self) -> None:
        ops = _ops()
        today = dt.date.today()
        self.context.worker.submit(lambda s: ops.load_interests(s, on=today), self._show)

    def _show(self, data) -> None:
        self.show_rows(data.rows, _("No declarations of interests yet. Use Declare "
                                    "interest… (Ctrl+N) to record one."))
        self.overdue_model.set_rows(data.overdue)
        self.breach_model.set_rows(list(data.breaches))
        count = len(data.overdue)
        self.overdue_heading.setText(
            ngettext("{count} declaration of interests is overdue",
                     "{count} declarations of interests are overdue", count).format(
                count=format_number(count)) if count else
            _("No declarations of interests are overdue."))

    def _update_buttons(self) -> None:
        pass  # both actions are always available

    # -- actions ---------------------------------------------------------------------
    def declare_interest(self):
        from ui.interests.declare_dialog import DeclareInterestDialog

        people = self.context.worker.run_now(_ops().person_choices)
        dialog = DeclareInterestDialog(self, people, self._submit_declaration)
        dialog.open()
        self.declare_dialog = dialog  # reachable by tests and kept alive while open
        return dialog

    def _submit_declaration(self, form, dialog) -> None:
        from ui.interests.undo import DeclareInterest

        ops = _ops()
        name = dialog.person_name()
        run_then_push(
            self.context, lambda s: ops.declare_interest(s, form),
            lambda result: DeclareInterest(self.context, form, name, result[0].ids[0],
                                           result[1]),
            dialog.failed, dialog.succeeded)

    def ask_and_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export the public register of interests"),
            _("register-of-interests.csv"), _("CSV files (*.csv)"))
        if path:
            self.export_register(Path(path))

    def export_register(self, path: Path) -> None:
        from ui.errors import show_error

        ops = _ops()

        def done(count: int) -> None:
            self.last_export = path
            self.window().statusBar().showMessage(ngettext(
                "Wrote the public register of interests ({count} row) to {path}.",
                "Wrote the public register of interests ({count} rows) to {path}.",
                count).format(count=format_number(count), path=path), 15000)

        self.context.worker.submit(lambda s: ops.export_register(s, path), done,
                                   lambda error: show_error(self, error, _("Export")))

    def record_breach(self) -> None:
        from ui.errors import show_error
        from ui.interests.breach_dialog import BreachDialog
        from ui.interests.undo import RecordBreach

        people = self.context.worker.run_now(_ops().person_choices)
        self.breach_dialog = BreachDialog(people, self)
        if self.breach_dialog.exec() != BreachDialog.DialogCode.Accepted:
            return
        form, name, ops = self.breach_dialog.form(), self.breach_dialog.person_name(), _ops()
        run_then_push(self.context, lambda s: ops.record_breach(s, form),
                      lambda changes: RecordBreach(self.context, form, name, changes.ids[0]),
                      lambda e: show_error(self, e))
