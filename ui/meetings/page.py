"""Meetings: the list with the next meeting first, and the create/edit dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from secretariat.i18n import _
from ui.changes import ChangeKind
from ui.conflicts import refused_edit
from ui.list_page import RecordListPage
from ui.meetings import actions as ops
from ui.meetings.meeting_dialog import MeetingDialog, default_form
from ui.meetings.model import KIND_COLUMN, LOCATION_COLUMN, TITLE_COLUMN, MeetingTableModel
from ui.meetings.undo import EditMeeting, ScheduleMeeting
from ui.undo import CommandContext, run_then_push


class MeetingsPage(RecordListPage):
    kind = ChangeKind.MEETING
    # The list shows each meeting's own fields and its number of agenda items.
    wants = ChangeKind.MEETING | ChangeKind.AGENDA | ChangeKind.FORUM
    # Titles read best at 1200 px; kinds and places give up width for them.
    stretch_column = TITLE_COLUMN
    shrink_columns = (LOCATION_COLUMN, KIND_COLUMN)

    def __init__(self, context: CommandContext, parent: QWidget | None = None):
        super().__init__(context, MeetingTableModel(), parent,
                         filter_hint=_("Filter by title, kind, place… (Ctrl+F)"),
                         new_record=self.new_meeting)
        self._time_zone = "Asia/Taipei"
        self.new_button = QPushButton(_("&New meeting…"))
        self.edit_button = QPushButton(_("Ed&it…"))
        self.open_button = QPushButton(_("&Open"))
        self.open_button.setToolTip(_("Open the meeting editor: agenda, attendance, minutes, "
                                      "decisions (Enter)"))
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.open_button)
        bar.addSpacing(12)
        bar.addWidget(self.filter_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.new_button.clicked.connect(self.new_meeting)
        self.edit_button.clicked.connect(self.edit_selected)
        self.open_button.clicked.connect(self.open_meeting)
        # Double-click or Enter, as the platform activates items.
        self.table.activated.connect(lambda _i: self.open_meeting())
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    def refresh(self) -> None:
        self.context.worker.submit(
            lambda s: (ops.load_meetings(s), ops.forum_time_zone(s)), self._show)

    def _show(self, loaded) -> None:
        rows, self._time_zone = loaded
        self.show_rows(rows, _(
            "No meetings yet. Use New meeting… (Ctrl+N) to schedule the first one."))

    def new_meeting(self) -> MeetingDialog:
        def submit(form, dialog) -> None:
            run_then_push(self.context, lambda s: ops.schedule_meeting(s, form),
                          lambda change: ScheduleMeeting(self.context, form, change.ids[0]),
                          dialog.failed, dialog.succeeded)

        dialog = MeetingDialog(self, submit, default_form(self._time_zone))
        dialog.open()
        return dialog

    def open_meeting(self):
        """Double-click, Enter or Open: the meeting editor window of the selected meeting."""
        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.editor = self.context.open_meeting(meeting_id, self.window())
            return self.editor
        return None

    def edit_selected(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is not None:
            self._edit(meeting_id)

    def _edit(self, meeting_id: int) -> None:
        self.context.worker.submit(lambda s: ops.open_meeting_form(s, meeting_id),
                                   lambda opened: self._open_edit(meeting_id, *opened))

    def _open_edit(self, meeting_id: int, current, version: int) -> MeetingDialog:
        """Saving writes what changed since ``current`` was read, at ``version``."""
        def submit(form, dialog) -> None:
            run_then_push(
                self.context,
                lambda s: ops.edit_meeting(s, meeting_id, current, form,
                                           expected_version=version),
                lambda _changes: EditMeeting(self.context, meeting_id, current, form),
                lambda error: refused_edit(dialog, error, lambda: self._edit(meeting_id)),
                dialog.succeeded,
                lambda result: self.context.versions.wrote("meeting", meeting_id, result[1]))

        dialog = MeetingDialog(self, submit, current, editing=True)
        dialog.open()
        self.edit_dialog = dialog
        return dialog
