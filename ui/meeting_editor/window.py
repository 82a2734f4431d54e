"""The meeting editor window: header with the meeting's title and exports, five tabs,
its own Meeting and Edit menus (undo shares the main window's stack)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMainWindow, QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, current_language, format_date, localized, roc_years
from ui import errors
from ui.changes import MEETING_RECORD, ChangeKind, Changes
from ui.interests.meeting_tab import MeetingInterestsTab
from ui.meeting_editor.agenda_tab import AgendaTab
from ui.meeting_editor.attendance_tab import AttendanceTab
from ui.meeting_editor.data import load_editor_data
from ui.meeting_editor.decisions_tab import DecisionsTab
from ui.meeting_editor.details_tab import DetailsTab
from ui.meeting_editor.export import AGENDA, CALENDAR, MINUTES, UPCOMING, Exporter
from ui.meeting_editor.focus import select_record
from ui.meeting_editor.minutes_tab import MinutesTab
from ui.meeting_editor.undo import EditorCommands
from ui.undo import CommandContext

_open_editors: dict[int, "MeetingEditor"] = {}


def open_meeting_editor(context: CommandContext, meeting_id: int,
                        parent: QWidget | None = None) -> "MeetingEditor":
    """Show the editor of ``meeting_id``, reusing the window if it is already open."""
    editor = _open_editors.get(meeting_id)
    if editor is None:
        editor = MeetingEditor(context, meeting_id, parent)
        _open_editors[meeting_id] = editor
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


class MeetingEditor(QMainWindow):
    loaded = Signal()  # the records are on screen (after every reload)
    exported = Signal(str)  # path of a finished export

    def __init__(self, context: CommandContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context, self.worker, self.meeting_id = context, context.worker, meeting_id
        self.language = current_language()  # the language its widgets were built in
        self.roc = roc_years()  # and whether its date editors show 民國 years
        self._closed = False
        self.documents_dir = context.worker.store.documents_dir
        self.commands = EditorCommands(context, meeting_id)
        self.exporter = Exporter(self)
        self.data = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.subheading = QLabel()
        self.export_button = QToolButton()
        self.export_button.setText(_("E&xport"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tabs = QTabWidget()
        self.details = DetailsTab(self)
        self.agenda = AgendaTab(self)
        self.attendance = AttendanceTab(self)
        self.minutes = MinutesTab(self)
        self.decisions = DecisionsTab(self)
        self.interests = MeetingInterestsTab(self)
        for tab, title in ((self.details, _("&1 Details")), (self.agenda, _("&2 Agenda")),
                           (self.attendance, _("&3 Attendance")),
                           (self.minutes, _("&4 Minutes")),
                           (self.decisions, _("&5 Decisions and actions")),
                           (self.interests, _("&6 Conflicts of interest"))):
            self.tabs.addTab(tab, title)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        header.addLayout(titles, 1)
        header.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(header)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(body)
        self._build_menus()
        self.resize(1100, 760)
        self.setWindowTitle(_("Meeting editor"))
        self.worker.changed.connect(self._on_change)
        self.context.stack.history_closed.connect(self._show_note)
        self.reload()

    def _build_menus(self) -> None:
        self.export_actions: dict[str, QAction] = {}
        export_menu = QMenu(_("E&xport"), self)
        for kind, text, keys in ((AGENDA, _("&Agenda PDF…"), "Ctrl+Shift+A"),
                                 (MINUTES, _("&Minutes PDF…"), "Ctrl+Shift+M"),
                                 (CALENDAR, _("&Calendar (.ics)…"), "Ctrl+Shift+C"),
                                 (UPCOMING, _("All &upcoming meetings (.ics)…"), "")):
            action = QAction(text, self)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _c=False, k=kind: self.exporter.ask(k))
            export_menu.addAction(action)
            self.export_actions[kind] = action
        self.export_button.setMenu(export_menu)
        meeting_menu = self.menuBar().addMenu(_("&Meeting"))
        meeting_menu.addMenu(export_menu)
        meeting_menu.addSeparator()
        reload_action = meeting_menu.addAction(_("Re&load"), self.reload)
        reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        close_action = meeting_menu.addAction(_("&Close"), self.close)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        undo = self.context.stack.make_action(self, _("&Undo"), backwards=True)
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.context.stack.make_action(self, _("&Redo"), backwards=False)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        meeting_id = self.meeting_id
        self.worker.submit(lambda s: load_editor_data(s, meeting_id), self._show,
                           self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self.show_error(error)
        self.close()

    def _show(self, data) -> None:
        if self._closed:  # a reload answered after the window was closed (or rebuilt)
            return
        self.data = data
        d = data.details
        title = localized(d.title, d.title_en)
        self.heading.setText(title)
        self.subheading.setText(_("{kind} · {date} · {status}").format(
            kind=_(d.kind.label), date=format_date(data.day), status=_(d.status.label)))
        self.setWindowTitle(_("{title} — Meeting editor").format(title=title))
        self.details.show_form(d, version=data.version)
        self.agenda.show_rows(data.agenda)
        self.attendance.show_data(data.attendees, data.summary, data.people)
        self.minutes.show_data(data.minutes, data.agenda, d.time_zone)
        self.decisions.show_data(data)
        self.interests.reload()
        self.loaded.emit()

    def show_record(self, kind: str, record_id: int, agenda_item_id: int | None = None) -> None:
        """Show the tab of an agenda item, a decision or minutes (a search kind) with that
        record selected, once the records are on screen (see ``focus``)."""
        if self.data is not None:
            select_record(self, kind, record_id, agenda_item_id)
            return

        def when_loaded() -> None:
            self.loaded.disconnect(when_loaded)
            select_record(self, kind, record_id, agenda_item_id)

        self.loaded.connect(when_loaded)

    def _on_change(self, changes: Changes) -> None:
        """Any record of this meeting (an action item marked done on the Action items page
        too), or the people it lists, changed: show them as they are now."""
        if changes.touches(MEETING_RECORD, self.meeting_id) or changes.touches(
                ChangeKind.MEMBER | ChangeKind.FORUM):
            self.reload()

    def _show_note(self, text: str) -> None:
        if not self._closed:
            self.statusBar().showMessage(text, 15000)

    def show_error(self, error: BaseException) -> None:
        errors.show_error(self, error)

    def follow_regional_settings(self) -> "MeetingEditor":
        """After a language switch or a change of date preferences (the main window calls
        this): in the same language the dates are shown again; in another the window is
        built anew, on the same tab and with its unsaved edits, as its texts were
        translated when it was built (and so it is when 民國 years are turned on or off:
        its date editors chose their form when built). Returns the window now showing the meeting."""
        if self._closed:
            return self
        if self.language == current_language() and self.roc == roc_years():
            self.reload()
            return self
        return _reopen(self)

    def keyPressEvent(self, event) -> None:
        """Esc closes the window, as the Close command does (through ``closeEvent``).
        Only an Esc no widget used reaches here: one closing a popup, a completer or a
        cell being edited does not close the window."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            event.accept()
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if _open_editors.get(self.meeting_id) is self:
            del _open_editors[self.meeting_id]
        if not self._closed:
            self._closed = True
            self.worker.changed.disconnect(self._on_change)
            self.context.stack.history_closed.disconnect(self._show_note)
        super().closeEvent(event)


def _reopen(old: MeetingEditor) -> MeetingEditor:
    """A new window for ``old``'s meeting in the current language, where ``old`` was."""
    tab, geometry = old.tabs.currentIndex(), old.saveGeometry()
    details = old.details.value() if old.details.is_dirty() else None
    texts = old.minutes.texts() if old.minutes.dirty() else None
    parent = old.parentWidget()
    old.close()
    new = open_meeting_editor(old.context, old.meeting_id, parent)
    new.restoreGeometry(geometry)
    new.tabs.setCurrentIndex(tab)
    if details is not None or texts is not None:
        def restore() -> None:
            new.loaded.disconnect(restore)
            if details is not None:
                new.details.restore_edits(details)
            if texts is not None:
                new.minutes.restore_texts(texts)

        new.loaded.connect(restore)
    return new
