"""Decisions tab: this meeting's decisions (record one; undo removes it) and its action
items (add, edit owner, due date and status)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from secretariat.i18n import _
from ui.meeting_editor.columns import grow_columns
from ui.meeting_editor.decision_dialogs import ActionDialog, DecisionDialog
from ui.meeting_editor.models import ActionModel, DecisionModel
from ui.meeting_editor.actions import ActionForm
from ui.table_model import ROW_ROLE
from ui.table_view import make_proxy, make_table
from ui.widgets import table_box

DECISION_TEXT_COLUMN, ACTION_TEXT_COLUMN = 1, 0



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
        splitter.addWidget(table_box(_("Decisions of this meeting"), self.decision_table,
                                [self.record_button]))
        splitter.addWidget(table_box(_("Action items"), self.action_table,
                                [self.add_action_button, self.edit_action_button]))
        QVBoxLayout(self).addWidget(splitter)
        self.record_button.clicked.connect(self.record_decision)
        self.add_action_button.clicked.connect(self.add_action)
        self.edit_action_button.clicked.connect(self.edit_selected_action)
        self.action_table.doubleClicked.connect(lambda _i: self.edit_selected_action())

    def show_data(self, data) -> None:
        self.data = data
        self.decisions.set_rows(data.decisions)
        self.actions.set_rows(data.actions)
        grow_columns(self.decision_table, DECISION_TEXT_COLUMN)  # the text gets the room
        grow_columns(self.action_table, ACTION_TEXT_COLUMN)

    def voters(self) -> list[tuple[int, str]]:
        """Those entitled to vote, who may also be recused: members attending, and
        alternates only when their member is away (the decisions service's rule)."""
        return [(row.person_id, row.shown_name()) for row in self.data.attendees
                if row.person_id in self.data.voter_ids]

    def record_decision(self) -> DecisionDialog | None:
        if self.data is None:
            return None

        def submit(form, dialog) -> None:
            self.editor.commands.record_decision(form, dialog.failed, dialog.succeeded)

        self.dialog = DecisionDialog(self, self.data.agenda, self.voters(), submit)
        self.dialog.open()
        return self.dialog

    def _action_dialog(self, initial: ActionForm, action_id: int | None,
                       version: int | None = None) -> ActionDialog:
        def submit(form, dialog) -> None:
            if action_id is None:
                self.editor.commands.add_action(form, dialog.failed, dialog.succeeded)
            else:
                self.editor.commands.edit_action(action_id, form, dialog.failed,
                                                 dialog.succeeded, version=version)

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
        return self._action_dialog(initial, row.id, row.version)
