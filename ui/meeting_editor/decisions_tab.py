"""Decisions tab: this meeting's decisions (record one; undo removes it) and its action
items (add, edit owner, due date and status)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QHeaderView, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from secretariat.model import AttendanceStatus, AttendeeCapacity
from ui.meeting_editor.decision_dialogs import ActionDialog, DecisionDialog
from ui.meeting_editor.models import ActionModel, DecisionModel
from ui.meeting_editor.ops_records import ActionForm
from ui.table_model import ROW_ROLE
from ui.table_view import fit_columns, make_proxy, make_table

ATTENDING = (AttendanceStatus.PRESENT, AttendanceStatus.REMOTE, AttendanceStatus.PROXY)
VOTING = (AttendeeCapacity.MEMBER, AttendeeCapacity.ALTERNATE)


def _box(title: str, table, buttons: list[QPushButton]) -> QGroupBox:
    box = QGroupBox(title)
    column = QVBoxLayout(box)
    bar = QHBoxLayout()
    for button in buttons:
        bar.addWidget(button)
    bar.addStretch(1)
    column.addLayout(bar)
    column.addWidget(table, 1)
    return box


class DecisionsTab(QWidget):
    def __init__(self, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.data = None
        self.decisions = DecisionModel(self)
        self.decision_table = make_table(make_proxy(self.decisions, self), self)
        self.actions = ActionModel(self)
        self.action_table = make_table(make_proxy(self.actions, self), self)
        self.record_button = QPushButton(_("&Record decision…"))
        self.add_action_button = QPushButton(_("&Add action item…"))
        self.edit_action_button = QPushButton(_("Edi&t action item…"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(_box(_("Decisions of this meeting"), self.decision_table,
                                [self.record_button]))
        splitter.addWidget(_box(_("Action items"), self.action_table,
                                [self.add_action_button, self.edit_action_button]))
        QVBoxLayout(self).addWidget(splitter)
        self.record_button.clicked.connect(self.record_decision)
        self.add_action_button.clicked.connect(self.add_action)
        self.edit_action_button.clicked.connect(self.edit_selected_action)
        self.action_table.doubleClicked.connect(lambda _i: self.edit_selected_action())
        self._sized = False

    def show_data(self, data) -> None:
        self.data = data
        self.decisions.set_rows(data.decisions)
        self.actions.set_rows(data.actions)
        if not self._sized and (data.decisions or data.actions):
            fit_columns(self.decision_table)
            fit_columns(self.action_table)
            for table in (self.decision_table, self.action_table):  # the text gets the room
                table.horizontalHeader().setSectionResizeMode(
                    1 if table is self.decision_table else 0, QHeaderView.ResizeMode.Stretch)
                table.horizontalHeader().setStretchLastSection(False)
            self._sized = True

    def voters(self) -> list[tuple[int, str]]:
        """Members attending, who may vote or be recused."""
        return [(row.person_id, row.name) for row in self.data.attendees
                if row.person_id is not None and row.status in ATTENDING
                and row.capacity in VOTING]

    def record_decision(self) -> DecisionDialog | None:
        if self.data is None:
            return None

        def submit(form, dialog) -> None:
            self.editor.commands.record_decision(form, dialog.failed, dialog.succeeded)

        self.dialog = DecisionDialog(self, self.data.agenda, self.voters(), submit)
        self.dialog.open()
        return self.dialog

    def _action_dialog(self, initial: ActionForm, action_id: int | None) -> ActionDialog:
        def submit(form, dialog) -> None:
            if action_id is None:
                self.editor.commands.add_action(form, dialog.failed, dialog.succeeded)
            else:
                self.editor.commands.edit_action(action_id, form, dialog.failed,
                                                 dialog.succeeded)

        self.dialog = ActionDialog(self, self.data.people, initial, submit,
                                   editing=action_id is not None)
        self.dialog.open()
        return self.dialog

    def add_action(self) -> ActionDialog | None:
        return self._action_dialog(ActionForm(), None) if self.data is not None else None

    def edit_selected_action(self) -> ActionDialog | None:
        rows = self.action_table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        initial = ActionForm(row.description, row.owner_person_id, row.owner_text, row.due_on,
                             row.status)
        return self._action_dialog(initial, row.id)
