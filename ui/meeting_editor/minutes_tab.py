"""Minutes tab: the newest version's text per agenda item, then the other matters (the
general remarks, printed after the items as in the minutes PDF); its status banner, the
lifecycle actions, the list of versions and the differences between two.

Saving writes the texts changed since they were shown, with the minutes' version then:
another workstation's edit meanwhile is refused, with an offer to reload."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton,
    QScrollArea, QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, format_date
from secretariat.services.meetings.decisions import decision_label
from secretariat.vocabulary import MinutesStatus
from ui.conflicts import is_conflict, offer_reload
from ui.growing_text import GrowingTextEdit
from ui.meeting_editor import actions
from ui.meeting_editor.minutes_dialogs import (
    ApproveDialog, CirculateDialog, CorrectDialog, diff_html,
)
from ui.meeting_editor.models import VersionModel, item_label
from ui.table_view import make_proxy, make_table
from ui.undo import run_and_announce

BANNER_STYLES = {
    MinutesStatus.DRAFT: "background:#fff4d6;color:#5c4300;",
    MinutesStatus.CIRCULATED: "background:#e1ecfb;color:#0b3a75;",
    MinutesStatus.APPROVED: "background:#e3f4e1;color:#1b5e20;",
    MinutesStatus.LOCKED: "background:#e3f4e1;color:#1b5e20;",
}


class MinutesTab(QWidget):
    def __init__(self, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.state = None
        self.time_zone = "Asia/Taipei"
        self.editors: dict[int | None, GrowingTextEdit] = {}
        self._shown_key: tuple | None = None
        self._opened: dict[int | None, str] = {}  # the texts shown (or last saved)
        self._opened_version: int | None = None  # the minutes' version they were read at
        self.conflict_box = None
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(_("Minutes status"))
        self.buttons = {key: QPushButton(text) for key, text in (
            ("start", _("S&tart minutes")), ("save", _("&Save")),
            ("circulate", _("&Circulate…")), ("approve", _("A&pprove…")),
            ("correct", _("Co&rrect…")))}
        bar = QHBoxLayout()
        for button in self.buttons.values():
            bar.addWidget(button)
        bar.addStretch(1)
        self.texts_box = QWidget()
        self.texts_layout = QFormLayout(self.texts_box)
        self.texts_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.texts_box)
        self.versions = VersionModel(self)
        self.version_table = make_table(make_proxy(self.versions, self), self)
        self.version_table.setAccessibleName(_("Versions"))
        self.old_version, self.new_version = QComboBox(), QComboBox()
        self.compare_button = QPushButton(_("Show &differences"))
        self.diff_view = QTextBrowser()
        self.diff_view.setAccessibleName(_("Differences"))
        compare = QHBoxLayout()
        compare.addWidget(self.old_version)
        compare.addWidget(QLabel("→"))
        compare.addWidget(self.new_version)
        compare.addWidget(self.compare_button)
        side = QWidget()
        side_column = QVBoxLayout(side)
        side_column.addWidget(QLabel(_("Versions")))
        side_column.addWidget(self.version_table, 1)
        side_column.addLayout(compare)
        side_column.addWidget(self.diff_view, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.buttons["start"].clicked.connect(self.start)
        self.buttons["save"].clicked.connect(self.save)
        self.buttons["circulate"].clicked.connect(self.circulate)
        self.buttons["approve"].clicked.connect(self.approve)
        self.buttons["correct"].clicked.connect(self.correct)
        self.compare_button.clicked.connect(self.compare)
        self.buttons["save"].setToolTip(_("Ctrl+S"))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- showing ------------------------------------------------------------------------
    @property
    def current(self):
        return self.state.current if self.state is not None else None

    def is_draft(self) -> bool:
        return self.current is not None and self.current.status == MinutesStatus.DRAFT

    def show_data(self, state, agenda: list, time_zone: str) -> None:
        self.state, self.time_zone = state, time_zone
        current = state.current
        key = (current.id, current.version) if current else None
        if key != self._shown_key or not self.dirty():
            self._fill_texts(state, agenda)
            self._opened_version = current.version if current else None
        self._shown_key = key
        self.banner.setText(self.banner_text())
        self.banner.setStyleSheet("padding:6px;border-radius:4px;" + BANNER_STYLES.get(
            current.status if current else None, "background:#eeeeee;"))
        self.versions.set_rows(state.versions)
        for combo, pick in ((self.old_version, -2), (self.new_version, -1)):
            combo.clear()
            for row in state.versions:
                combo.addItem(_("Version {number}").format(number=row.version_no), row.id)
            if len(state.versions) >= abs(pick):
                combo.setCurrentIndex(len(state.versions) + pick)
        self._update_buttons()

    def _fill_texts(self, state, agenda: list) -> None:
        while self.texts_layout.rowCount():
            self.texts_layout.removeRow(0)
        self.editors = {}
        if state.current is None:
            return
        texts = {entry.agenda_item_id: entry.text for entry in state.entries}
        for row in agenda:
            self._add_editor(row.id, item_label(row), texts.get(row.id, ""))
        # Last, under the heading the minutes PDF prints for them: in practice they record
        # any other business and the close of the meeting.
        self._add_editor(None, _("Other matters"), state.general_text,
                         _("Any other business, and the close of the meeting"))
        self._opened = self.texts()

    def _add_editor(self, item_id: int | None, title: str, text: str,
                    placeholder: str = "") -> None:
        editor = GrowingTextEdit(text)  # as tall as its text: only the pane scrolls
        editor.setPlaceholderText(placeholder)
        editor.setReadOnly(not self.is_draft())
        editor.setTabChangesFocus(True)
        editor.cursorPositionChanged.connect(lambda: self._follow_cursor(editor))
        editor.document().setModified(False)
        editor.textChanged.connect(self._update_buttons)
        label = QLabel(title)
        label.setBuddy(editor)
        self.texts_layout.addRow(label, editor)
        self.editors[item_id] = editor

    def _follow_cursor(self, editor: GrowingTextEdit) -> None:
        """Keep the line being typed on screen: the pane scrolls, not the box."""
        if editor.hasFocus():
            spot = editor.viewport().mapTo(self.texts_box, editor.cursorRect().center())
            self.scroll.ensureVisible(spot.x(), spot.y(), 0, editor.fontMetrics().height())

    def restore_texts(self, texts: dict[int | None, str]) -> None:
        """Put back unsaved texts (``texts()`` of a window being rebuilt) as unsaved."""
        for key, text in texts.items():
            editor = self.editors.get(key)
            if editor is not None and editor.toPlainText() != text:
                editor.setPlainText(text)
                editor.document().setModified(True)
        self._update_buttons()

    def dirty(self) -> bool:
        return any(e.document().isModified() for e in self.editors.values())

    def banner_text(self) -> str:
        m = self.current
        if m is None:
            return _("No minutes yet. Start them once the meeting has been held.")
        zone = ZoneInfo(self.time_zone)
        version = _("version {number}").format(number=m.version_no)
        if m.status == MinutesStatus.DRAFT:
            text = _("Draft ({version}): editable.").format(version=version)
            if m.correction_reason:
                text += " " + _("Correction: {reason}").format(reason=m.correction_reason)
            return text
        if m.status == MinutesStatus.CIRCULATED:
            return _("Circulated on {date} to {to} ({version}); awaiting approval.").format(
                date=format_date(m.circulated_at.astimezone(zone).date()), to=m.circulated_to,
                version=version)
        return _("Approved by {decision} on {date} · Locked ({version}); a change "
                 "needs a correction.").format(
            decision=decision_label(m.approved_by_decision_number or "?"),
            date=format_date(m.approved_at.astimezone(zone).date()) if m.approved_at else "",
            version=version)

    def _update_buttons(self) -> None:
        m = self.current
        status = m.status if m else None
        self.buttons["start"].setEnabled(m is None)
        self.buttons["save"].setEnabled(status == MinutesStatus.DRAFT and self.dirty())
        self.buttons["circulate"].setEnabled(status == MinutesStatus.DRAFT)
        self.buttons["approve"].setEnabled(status == MinutesStatus.CIRCULATED)
        self.buttons["correct"].setEnabled(status in (MinutesStatus.APPROVED,
                                                      MinutesStatus.LOCKED))
        self.compare_button.setEnabled(self.old_version.count() > 1)

    # -- actions -------------------------------------------------------------------------
    def _run(self, job, on_error=None, on_done=None) -> None:
        """Starting or circulating: not undoable, not on the stack; nothing earlier locks."""
        run_and_announce(self.editor.context, job, on_error or self.editor.show_error,
                         on_done and (lambda _changes: on_done()))

    def start(self) -> None:
        meeting_id = self.editor.meeting_id
        self._run(lambda s: actions.start_minutes(s, meeting_id))

    def texts(self) -> dict[int | None, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def save(self) -> None:
        if not self.is_draft():
            return
        for editor in self.editors.values():
            editor.document().setModified(False)
        texts = self.texts()
        self.editor.commands.save_minutes(self.current.id, dict(self._opened), texts,
                                          self._opened_version, self._save_failed,
                                          lambda version: self._saved(texts, version))

    def _saved(self, texts: dict, version: int) -> None:
        self._opened, self._opened_version = texts, version

    def _save_failed(self, error: BaseException) -> None:
        for key, editor in self.editors.items():  # still unsaved
            if editor.toPlainText() != self._opened.get(key, ""):
                editor.document().setModified(True)
        self._update_buttons()
        if is_conflict(error):
            self.conflict_box = offer_reload(self, error, self.reload_discarding_edits)
        else:
            self.editor.show_error(error)

    def reload_discarding_edits(self) -> None:
        """After a conflict: the texts as stored now, the other workstation's included."""
        for editor in self.editors.values():
            editor.document().setModified(False)
        self._shown_key = None
        self.editor.reload()

    def _save_first(self) -> bool:
        if self.dirty():
            QMessageBox.information(self, _("Minutes"), _("Save the minutes first."))
            return False
        return True

    def circulate(self) -> CirculateDialog | None:
        if not self.is_draft() or not self._save_first():
            return None
        minutes_id = self.current.id

        def submit(at, to, dialog) -> None:
            version = self._opened_version  # the texts circulated are those on screen
            self._run(lambda s: actions.circulate(s, minutes_id, at, to,
                                                  expected_version=version),
                      dialog.failed, dialog.succeeded)

        dialog = CirculateDialog(self, self.time_zone, submit)
        dialog.open()
        self.dialog = dialog
        return dialog

    def approve(self) -> None:
        meeting_id, minutes_id = self.editor.meeting_id, self.current.id

        def show(candidates) -> None:
            def submit(decision_id, dialog) -> None:
                version = self.current.version  # approve what is on screen, not a later edit
                self.editor.commands.approve_minutes(minutes_id, decision_id, dialog.failed,
                                                     dialog.succeeded, version=version)

            self.dialog = ApproveDialog(self, candidates, submit)
            self.dialog.open()

        self.editor.worker.submit(lambda s: actions.approval_candidates(s, meeting_id),
                                  show, self.editor.show_error)

    def correct(self) -> CorrectDialog:
        minutes_id = self.current.id

        def submit(reason, dialog) -> None:
            self.editor.commands.correct_minutes(minutes_id, reason, dialog.failed,
                                                 dialog.succeeded)

        self.dialog = CorrectDialog(self, submit)
        self.dialog.open()
        return self.dialog

    def compare(self) -> None:
        old_id, new_id = self.old_version.currentData(), self.new_version.currentData()
        if old_id is None or new_id is None:
            return
        self.editor.worker.submit(lambda s: actions.diff(s, old_id, new_id),
                                  lambda d: self.diff_view.setHtml(diff_html(d)),
                                  self.editor.show_error)
