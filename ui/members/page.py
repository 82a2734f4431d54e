"""Members and seats: the table with filter and date, the balance panel, and actions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from ui import settings
from ui.commands.base import CommandContext, run_then_push
from ui.commands.members import AddMemberCommand, EditMemberCommand, EndTermCommand
from ui.members.balance import BalancePanel
from ui.members.end_term_dialog import EndTermDialog
from ui.members.member_dialog import MemberDialog
from ui.members.model import MemberTableModel
from ui.operations import MEMBERS
from ui.operations import members as ops
from ui.records.filters import fit_placeholder
from ui.table_model import ROW_ROLE
from ui.table_view import EmptyHint, fit_columns, make_proxy, make_table
from ui.widgets import date_edit, from_qdate


class MembersPage(QWidget):
    def __init__(self, context: CommandContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = MemberTableModel(self)
        self.proxy = make_proxy(self.model, self)
        self._sectors: list = []
        self._select_after_load: int | None = None
        self._sized = False
        self._build()
        context.worker.changed.connect(self._on_change)

    def _build(self) -> None:
        self.add_button = QPushButton(_("&Add member…"))
        self.edit_button = QPushButton(_("Ed&it…"))
        self.end_button = QPushButton(_("End &term…"))
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(_("Filter by name, organisation, sector… (Ctrl+F)"))
        self.filter_box.setClearButtonEnabled(True)
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

        self.table = make_table(self.proxy, self)
        self.empty_hint = EmptyHint(self.table)
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

        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_filter,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Window-wide while this page is shown, as on the meetings page (New meeting…).
        QShortcut(QKeySequence.StandardKey.New, self, self.add_member,
                  context=Qt.ShortcutContext.WindowShortcut)
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.include_past.toggled.connect(self._on_include_past)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected_term)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # -- loading -------------------------------------------------------------------
    def refresh(self) -> None:
        on, past = from_qdate(self.as_of.date()), self.include_past.isChecked()
        self.context.worker.submit(
            lambda s: (ops.load_members(s, on=on, include_past=past), ops.sector_choices(s)),
            self._show)

    def _show(self, loaded) -> None:
        members, self._sectors = loaded
        selected = self._select_after_load or self.selected_id()
        self.model.set_rows(members.rows, on=members.on)
        self.balance.show_balance(members.balance)
        self.empty_hint.show_hint(_empty_hint(members))
        if not self._sized and members.rows:
            fit_columns(self.table)
            self._sized = True
        self._select(selected)
        self._select_after_load = None
        self._update_buttons()

    def _on_change(self, change) -> None:
        if change.topic == MEMBERS:
            self._select_after_load = change.ids[0] if change.ids else None
            self.refresh()

    def _on_include_past(self, checked: bool) -> None:
        settings.INCLUDE_PAST_TERMS.set(checked)
        self.refresh()

    # -- selection -----------------------------------------------------------------
    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.membership_id if row else None

    def _select(self, membership_id: int | None) -> None:
        number = self.model.row_index_of(membership_id) if membership_id else -1
        if number < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(number, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.edit_button.setEnabled(row is not None)
        self.end_button.setEnabled(row is not None and row.ended_on is None)

    # -- actions ---------------------------------------------------------------------
    def _sector_choices(self) -> list:
        if not self._sectors:  # asked before the page's first load finished
            self._sectors = self.context.worker.run_now(ops.sector_choices)
        return self._sectors

    def add_member(self) -> MemberDialog:
        dialog = MemberDialog(self, self._sector_choices(), self._submit_add)
        dialog.open()
        return dialog

    def _submit_add(self, form, dialog) -> None:
        run_then_push(self.context, lambda s: ops.add_member(s, form),
                      lambda change: AddMemberCommand(self.context, form, change.ids[0]),
                      dialog.failed, dialog.succeeded)

    def edit_selected(self) -> None:
        membership_id = self.selected_id()
        if membership_id is None:
            return
        self.context.worker.submit(lambda s: ops.read_member(s, membership_id),
                                   lambda form: self._open_edit(membership_id, form))

    def _open_edit(self, membership_id: int, current) -> MemberDialog:
        def submit(form, dialog) -> None:
            run_then_push(
                self.context, lambda s: ops.edit_member(s, membership_id, form),
                lambda result: EditMemberCommand(self.context, membership_id, result[1], form),
                dialog.failed, dialog.succeeded)

        dialog = MemberDialog(self, self._sector_choices(), submit, initial=current)
        dialog.open()
        self.edit_dialog = dialog  # reachable by tests and kept alive while open
        return dialog

    def end_selected_term(self) -> EndTermDialog | None:
        row = self.selected_row()
        if row is None or row.ended_on is not None:
            return None

        def submit(ended_on, reason, dialog) -> None:
            run_then_push(
                self.context,
                lambda s: ops.end_term(s, row.membership_id, ended_on=ended_on, reason=reason),
                lambda _c: EndTermCommand(self.context, row.membership_id, row.name, ended_on,
                                          reason),
                dialog.failed, dialog.succeeded)

        dialog = EndTermDialog(self, row.name, row.term_start, submit)
        dialog.open()
        return dialog


def _empty_hint(members) -> str:
    if members.rows:
        return ""
    if members.has_members:  # only terms over before the as-of date
        return _("No current or upcoming terms on this date. Tick Include past terms to see "
                 "earlier members.")
    return _("No members yet. Use Add member… (Ctrl+N), or File → Import members from CSV…, "
             "to record the forum's members.")
