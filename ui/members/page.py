"""Members and seats: the table with filter and date, the balance panel, and actions.

The page can be built before the database layer is imported, to show the first-page
snapshot (``ui/first_page_snapshot.py``): what reaches the services (the actions, their
undo commands and the dialogs built on their forms) is imported when first used, which
is after the store is open.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from ui import settings
from ui.changes import ChangeKind
from ui.list_page import RecordListPage
from ui.members.balance import BalancePanel
from ui.members.model import MemberTableModel
from ui.records.filters import fit_placeholder
from ui.undo import CommandContext, run_then_push
from ui.widgets import date_edit, from_qdate


def _ops():
    """``ui.members.actions`` (services, SQLAlchemy): imported once the store is open."""
    from ui.members import actions

    return actions


class MembersPage(RecordListPage):
    kind = ChangeKind.MEMBER
    wants = ChangeKind.MEMBER | ChangeKind.FORUM

    def __init__(self, context: CommandContext, parent: QWidget | None = None):
        super().__init__(context, MemberTableModel(), parent,
                         filter_hint=_("Filter by name, organisation, sector… (Ctrl+F)"),
                         new_record=self.add_member)
        self._sectors: list = []
        self.read_only = False  # showing the snapshot: see show_snapshot
        self._build()

    def _build(self) -> None:
        self.add_button = QPushButton(_("&Add member…"))
        self.edit_button = QPushButton(_("Ed&it…"))
        self.end_button = QPushButton(_("End &term…"))
        fit_placeholder(self.filter_box)
        self.as_of = date_edit(dt.date.today())
        as_of_label = QLabel(_("As &of:"))
        as_of_label.setBuddy(self.as_of)
        self.include_past = QCheckBox(_("Include &past terms"))
        self.include_past.setChecked(settings.INCLUDE_PAST_TERMS.value())

        # The filter has a row of its own, above the table it filters: beside the buttons
        # and the date its hint was cut off at 1100 pixels, as on the decision log.
        bar = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.end_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(as_of_label)
        bar.addWidget(self.as_of)
        bar.addWidget(self.include_past)

        self.balance = BalancePanel(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.balance)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.filter_box)
        layout.addWidget(splitter, 1)

        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.include_past.toggled.connect(self._on_include_past)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected_term)
        self.balance.details_button.clicked.connect(self.show_diversity)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self._update_buttons()

    # -- loading -------------------------------------------------------------------
    def refresh(self) -> None:
        self.set_read_only(False)
        ops = _ops()
        on, past = from_qdate(self.as_of.date()), self.include_past.isChecked()
        self.context.worker.submit(
            lambda s: (ops.load_members(s, on=on, include_past=past), ops.sector_choices(s)),
            self._show)

    def _show(self, loaded) -> None:
        members, self._sectors = loaded
        self.show_rows(members.rows, _empty_hint(members), on=members.on)
        self.balance.show_balance(members.balance)

    def show_diversity(self) -> None:
        """Balance and diversity on the page's date, read on the worker."""
        from ui.members.diversity_dialog import DiversityDialog

        on = from_qdate(self.as_of.date())

        def shown(view) -> None:
            self.diversity_dialog = DiversityDialog(view, self)
            self.diversity_dialog.show()

        self.context.worker.submit(lambda s: _ops().load_diversity(s, on=on), shown)

    def _on_include_past(self, checked: bool) -> None:
        settings.INCLUDE_PAST_TERMS.set(checked)
        self.refresh()

    # -- the first-page snapshot, before the store is open ---------------------------
    def show_snapshot(self, rows: list, on: dt.date) -> None:
        """Show ``rows`` read from the first-page snapshot (the database file is proven
        unchanged since they were saved), read-only until ``refresh()`` reads the real
        ones: nothing here can reach the database before it is open."""
        self.set_read_only(True)
        self.show_rows(rows, "", on=on)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for widget in (self.add_button, self.as_of, self.include_past):
            widget.setEnabled(not read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = None if self.read_only else self.selected_row()
        self.add_button.setEnabled(not self.read_only)
        self.edit_button.setEnabled(row is not None)
        self.end_button.setEnabled(row is not None and row.ended_on is None)

    # -- actions ---------------------------------------------------------------------
    def _sector_choices(self) -> list:
        if not self._sectors:  # asked before the page's first load finished
            self._sectors = self.context.worker.run_now(_ops().sector_choices)
        return self._sectors

    def add_member(self):
        if self.read_only:  # Ctrl+N while the snapshot is shown
            return None
        from ui.members.member_dialog import MemberDialog

        dialog = MemberDialog(self, self._sector_choices(), self._submit_add)
        dialog.open()
        return dialog

    def _submit_add(self, form, dialog) -> None:
        from ui.members.undo import AddMember

        ops = _ops()
        run_then_push(self.context, lambda s: ops.add_member(s, form),
                      lambda change: AddMember(self.context, form, change.ids[0]),
                      dialog.failed, dialog.succeeded)

    def edit_selected(self) -> None:
        membership_id = None if self.read_only else self.selected_id()
        if membership_id is not None:
            self._edit(membership_id)

    def _edit(self, membership_id: int) -> None:
        ops = _ops()
        self.context.worker.submit(lambda s: ops.open_member_form(s, membership_id),
                                   lambda opened: self._open_edit(membership_id, opened))

    def _open_edit(self, membership_id: int, opened):
        """Saving writes what changed since ``opened`` was read, at its versions."""
        from ui.conflicts import refused_edit
        from ui.members.member_dialog import MemberDialog
        from ui.members.undo import EditMember

        ops = _ops()

        def submit(form, dialog) -> None:
            run_then_push(
                self.context,
                lambda s: ops.edit_member(s, membership_id, opened.form, form, versions=opened),
                lambda _changes: EditMember(self.context, membership_id, opened.form, form),
                lambda error: refused_edit(dialog, error, lambda: self._edit(membership_id)),
                dialog.succeeded)

        dialog = MemberDialog(self, self._sector_choices(), submit, initial=opened.form)
        dialog.open()
        self.edit_dialog = dialog  # reachable by tests and kept alive while open
        return dialog

    def end_selected_term(self):
        row = None if self.read_only else self.selected_row()
        if row is None or row.ended_on is not None:
            return None
        from ui.members.end_term_dialog import EndTermDialog
        from ui.members.undo import EndTerm

        ops = _ops()

        def submit(ended_on, reason, dialog) -> None:
            run_then_push(
                self.context,
                lambda s: ops.end_term(s, row.membership_id, ended_on=ended_on, reason=reason),
                lambda _c: EndTerm(self.context, row.membership_id, row.name, ended_on,
                                          reason),
                dialog.failed, dialog.succeeded)

        dialog = EndTermDialog(self, row.name, row.term_start, submit)
        dialog.open()
        return dialog


def _empty_hint(members) -> str:
    """What to do first when the table shows no one."""
    if members.has_members:  # only terms over before the as-of date
        return _("No current or upcoming terms on this date. Tick Include past terms to see "
                 "earlier members.")
    return _("No members yet. Use Add member… (Ctrl+N), or File → Import members from CSV…, "
             "to record the forum's members.")
