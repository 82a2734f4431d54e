"""Meetings: the list with the next meeting first, and the create/edit dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from secretariat.i18n import _
from ui.commands.base import CommandContext, run_then_push
from ui.commands.meetings import EditMeetingCommand, ScheduleMeetingCommand
from ui.meetings.meeting_dialog import MeetingDialog, default_form
from ui.meetings.model import TITLE_COLUMN, MeetingTableModel
from ui.operations import MEETINGS
from ui.operations import meetings as ops
from ui.table_model import ROW_ROLE
from ui.table_view import EmptyHint, fit_columns, make_proxy, make_table


class MeetingsPage(QWidget):
    def __init__(self, context: CommandContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = MeetingTableModel(self)
        self.proxy = make_proxy(self.model, self)
        self._time_zone = "Asia/Taipei"
        self._select_after_load: int | None = None
        self._sized = False
        self.new_button = QPushButton(_("&New meeting…"))
        self.edit_button = QPushButton(_("Ed&it…"))
        self.open_button = QPushButton(_("&Open"))
        self.open_button.setToolTip(_("Open the meeting editor: agenda, attendance, minutes, "
                                      "decisions (Enter)"))
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(_("Filter by title, kind, place… (Ctrl+F)"))
        self.filter_box.setClearButtonEnabled(True)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.open_button)
        bar.addSpacing(12)
        bar.addWidget(self.filter_box, 1)
        self.table = make_table(self.proxy, self)
        self.empty_hint = EmptyHint(self.table)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter_box.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Window-wide, yet only while this page is the one shown (hidden widgets' shortcuts
        # do not fire): the members page gives Ctrl+N to Add member….
        QShortcut(QKeySequence.StandardKey.New, self, self.new_meeting,
                  context=Qt.ShortcutContext.WindowShortcut)
        self.new_button.clicked.connect(self.new_meeting)
        self.edit_button.clicked.connect(self.edit_selected)
        self.open_button.clicked.connect(self.open_meeting)
        # Double-click or Enter, as the platform activates items.
        self.table.activated.connect(lambda _i: self.open_meeting())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()
        context.worker.changed.connect(self._on_change)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    def refresh(self) -> None:
        self.context.worker.submit(
            lambda s: (ops.load_meetings(s), ops.forum_time_zone(s)), self._show)

    def _show(self, loaded) -> None:
        rows, self._time_zone = loaded
        self.model.set_rows(rows)
        self.empty_hint.show_hint("" if rows else _(
            "No meetings yet. Use New meeting… (Ctrl+N) to schedule the first one."))
        if not self._sized and rows:
            fit_columns(self.table, wide=TITLE_COLUMN)
            self._sized = True
        number = self.model.row_index_of(self._select_after_load or -1)
        if number >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(number, 0)).row())
        self._select_after_load = None

    def _on_change(self, change) -> None:
        if change.topic == MEETINGS:
            self._select_after_load = change.ids[0] if change.ids else None
            self.refresh()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE).id if rows else None

    def new_meeting(self) -> MeetingDialog:
        def submit(form, dialog) -> None:
            run_then_push(self.context, lambda s: ops.schedule_meeting(s, form),
                          lambda change: ScheduleMeetingCommand(self.context, form, change.ids[0]),
                          dialog.failed, dialog.succeeded)

        dialog = MeetingDialog(self, submit, default_form(self._time_zone))
        dialog.open()
        return dialog

    def open_meeting(self):
        """Double-click, Enter or Open: the meeting editor window of the selected meeting."""
        from ui.meeting_editor import open_meeting_editor  # built on first use

        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.editor = open_meeting_editor(self.context, meeting_id, self.window())
            return self.editor
        return None

    def edit_selected(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.context.worker.submit(lambda s: ops.read_meeting(s, meeting_id),
                                       lambda form: self._open_edit(meeting_id, form))

    def _open_edit(self, meeting_id: int, current) -> MeetingDialog:
        def submit(form, dialog) -> None:
            run_then_push(
                self.context, lambda s: ops.edit_meeting(s, meeting_id, form),
                lambda result: EditMeetingCommand(self.context, meeting_id, result[1], form),
                dialog.failed, dialog.succeeded)

        dialog = MeetingDialog(self, submit, current, editing=True)
        dialog.open()
        self.edit_dialog = dialog
        return dialog
