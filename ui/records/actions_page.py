"""Action items of every meeting: filter by status, the overdue list, change a status."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, format_number, ngettext
from secretariat.vocabulary import ActionStatus
from ui.errors import show_error
from ui.changes import ChangeKind, Changes
from ui.records import open_record
from ui.records.actions import load_actions, set_action_status
from ui.records.actions_model import ActionTableModel
from ui.records.filters import data_combo, fit_with_stretch, labelled
from ui.records.undo import MarkActionStatus
from ui.table_model import ROW_ROLE
from ui.table_view import make_proxy, make_table
from ui.undo import run_then_push


def summary_text(count: int, overdue: int) -> str:
    text = ngettext("{count} action item", "{count} action items", count).format(
        count=format_number(count))
    if overdue:
        text += " · " + ngettext("{count} overdue", "{count} overdue", overdue).format(
            count=format_number(overdue))
    return text


class ActionItemsPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None, *,
                 open_meeting: Callable[[int], None] | None = None,
                 today: Callable[[], dt.date] = dt.date.today):
        super().__init__(parent)
        self.context = context
        self.open_meeting = open_meeting or (
            lambda meeting_id: open_record.open_meeting(self, context, meeting_id))
        self.today = today
        self.model = ActionTableModel(self, today())
        self.proxy = make_proxy(self.model, self)
        self._select_after_load: int | None = None
        self._sized = False
        self._build()
        context.worker.changed.connect(self._on_change)

    def _build(self) -> None:
        self.status_combo = data_combo(
            [(_("All statuses"), None)] + [(_(s.label), s) for s in ActionStatus])
        self.overdue_box = QCheckBox(_("&Overdue only"))
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(_("Filter by action, owner, meeting… (Ctrl+F)"))
        self.filter_box.setClearButtonEnabled(True)
        self.status_button = QToolButton()
        self.status_button.setText(_("Set stat&us"))  # Alt+S opens the Settings menu
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self.status_button)
        self.status_actions: dict[ActionStatus, QAction] = {}
        for status in ActionStatus:
            action = self.status_menu.addAction(_(status.label))
            action.triggered.connect(lambda _c=False, st=status: self.set_status(st))
            self.status_actions[status] = action
        self.status_button.setMenu(self.status_menu)
        bar = QHBoxLayout()
        bar.addWidget(self.status_button)
        bar.addSpacing(12)
        bar.addWidget(self.filter_box, 1)
        labelled(bar, _("S&tatus:"), self.status_combo)
        bar.addWidget(self.overdue_box)
        self.table = make_table(self.proxy, self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue_box.toggled.connect(lambda _on: self.refresh())
        self.table.activated.connect(self._activated)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.status_menu.exec(self.table.viewport().mapToGlobal(pos)))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter_box.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._enable()

    # -- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        status = self.status_combo.currentData()
        overdue_on = self.today() if self.overdue_box.isChecked() else None
        self.context.worker.submit(
            lambda s: load_actions(s, status=status, overdue_on=overdue_on), self._show)

    def _show(self, loaded) -> None:
        self.model.today = self.today()
        self.model.set_rows(loaded)
        self.count_label.setText(summary_text(self.model.rowCount(),
                                              len(self.model.overdue_rows())))
        if not self._sized and loaded:
            self.widths = fit_with_stretch(self.table, ActionTableModel.DESCRIPTION_COLUMN,
                                           (ActionTableModel.MEETING_COLUMN,))
            self._sized = True
        number = self.model.row_index_of(self._select_after_load or -1)
        if number >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(number, 0)).row())
        self._select_after_load = None
        self._enable()

    # Rows show the action, its owner's name and its meeting's title and date.
    WANTS = ChangeKind.ACTION_ITEM | ChangeKind.MEETING | ChangeKind.MEMBER

    def _on_change(self, changes: Changes) -> None:
        if changes.touches(self.WANTS):
            own = changes.kinds & ChangeKind.ACTION_ITEM and changes.ids
            self._select_after_load = changes.ids[0] if own else None
            self.refresh()

    # -- actions ------------------------------------------------------------------------
    def selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _enable(self) -> None:
        row = self.selected_row()
        self.status_button.setEnabled(row is not None)
        for status, action in self.status_actions.items():
            action.setEnabled(row is not None and status != row.status)

    def set_status(self, status: ActionStatus) -> None:
        """Change the selected action item's status (undoable)."""
        row = self.selected_row()
        if row is None or row.status == status:
            return
        run_then_push(self.context,
                      lambda s: set_action_status(s, row.id, status,
                                                  expected_version=row.version),
                      lambda _changes: MarkActionStatus(self.context, row, status),
                      lambda e: show_error(self, e))

    def _activated(self, index) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_meeting(row.meeting_id)
