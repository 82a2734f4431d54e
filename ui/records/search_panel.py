"""The one search box: toolbar field, results in a dock, Enter opens the record.

Typing waits for a pause (``filters.DEBOUNCE_MS``), then the query runs on the database
worker. Each query gets a generation number: a job whose query is no longer the latest
skips its work, and an answer that arrives late is dropped, so the list always shows
the last thing typed.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget, QHeaderView, QLabel, QMainWindow, QSizePolicy, QToolBar, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, format_number, ngettext
from ui.changes import ChangeKind, Changes
from ui.errors import show_error
from ui.records import open_record
from ui.records.open_record import RecordTarget
from ui.records.filters import DebouncedLineEdit
from ui.records.search_model import DATE, KIND, MATCH, TITLE, HtmlDelegate, SearchResultsModel
from ui.table_model import ROW_ROLE
from ui.table_view import make_table

BOX_WIDTH = 380
DOCK_HEIGHT = 240
TITLE_WIDTH = 320


class SearchController(QObject):
    """Runs the latest query on the runner; ``finished(results)`` on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, runner, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        self.busy = False

    def search(self, text: str) -> None:
        self._generation += 1
        generation = self._generation
        if not text.strip():
            self.busy = False
            self.finished.emit(None)
            return
        self.busy = True

        def job(s):
            from ui.records.actions import run_search  # not at start-up: services

            # Queued behind a newer query: skip the work, its answer would be dropped.
            return run_search(s, text) if generation == self._generation else None

        self._runner.submit(job, lambda results: self._done(generation, results),
                            lambda error: self._error(generation, error))

    def _done(self, generation: int, results) -> None:
        if generation == self._generation:
            self.busy = False
            self.finished.emit(results)

    def _error(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.busy = False
            self.failed.emit(error)


class SearchBox(DebouncedLineEdit):
    """The toolbar field; Down moves into the results, Escape clears."""

    down_pressed = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
            return
        super().keyPressEvent(event)


def status_text(results) -> str:
    count = len(results.hits)
    if results.more:  # the list stops at the service's limit: do not claim a total
        return _("More than {count} records contain “{query}”; the best {count} are "
                 "shown. Type more to narrow the search.").format(
            count=format_number(count), query=results.query)
    if not count:
        return _("Nothing contains “{query}”.").format(query=results.query)
    return ngettext("{count} record contains “{query}”.",
                    "{count} records contain “{query}”.", count).format(
        count=format_number(count), query=results.query)


class SearchPanel(QWidget):
    """The results list with its status line; ``box`` is the field that drives it."""

    def __init__(self, context, parent: QWidget | None = None, *,
                 open_meeting: Callable[[int, RecordTarget], None] | None = None,
                 open_document: Callable[[int], None] | None = None):
        super().__init__(parent)
        self.context = context
        # Opens the meeting on the hit's tab with the hit selected (Agenda, Minutes…).
        self.open_meeting = open_meeting or (
            lambda meeting_id, at: open_record.open_meeting(self, context, meeting_id, at))
        self.open_document = open_document or (
            lambda document_id: open_record.open_document(self, context, document_id))
        self.controller = SearchController(context.worker, self)
        self.box = SearchBox(_("Search agenda, minutes, decisions, papers… (Ctrl+K)"))
        self.box.setAccessibleName(_("Search all records"))
        self.model = SearchResultsModel(self)
        self.table = make_table(self.model, self)
        self.table.setSortingEnabled(False)  # best match first, as the service ranks
        self.table.setItemDelegateForColumn(MATCH, HtmlDelegate(self.table))
        self.table.horizontalHeader().setSectionResizeMode(
            MATCH, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.status = QLabel(_("Type a word or a few characters, in Chinese or English."))
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

        self.box.settled.connect(self.controller.search)
        self.box.textChanged.connect(lambda _t: self.status.setText(_("Searching…"))
                                     if self.box.text().strip() else None)
        self.box.down_pressed.connect(self.focus_results)
        # Enter searches at once (see DebouncedLineEdit); the results take the focus.
        self.box.returnPressed.connect(lambda: setattr(self, "_focus_on_results", True))
        self._focus_on_results = False
        self.controller.finished.connect(self._show)
        self.controller.failed.connect(lambda error: show_error(self, error))
        self.table.activated.connect(self._activated)
        context.worker.changed.connect(self._on_change)

    # What search finds (SEARCH_KIND_LABELS), and the meetings its hits are dated by.
    WANTS = (ChangeKind.AGENDA | ChangeKind.MINUTES | ChangeKind.DECISION
             | ChangeKind.DOCUMENT | ChangeKind.MEETING)

    def _on_change(self, changes: Changes) -> None:
        """A record it finds changed: the results on screen may be stale, so ask again."""
        if not changes.touches(self.WANTS):
            return
        if self.model.rowCount() or self.box.text().strip():
            self.controller.search(self.box.text().strip())

    def _show(self, results) -> None:
        self.model.set_results(results)
        if self._focus_on_results:
            self._focus_on_results = False
            self.focus_results()
        if results is None:
            self.status.setText(_("Type a word or a few characters, in Chinese or English."))
            return
        self.status.setText(status_text(results))
        count = len(results.hits)
        if count:
            for column in (KIND, TITLE, DATE):
                self.table.resizeColumnToContents(column)
            if self.table.columnWidth(TITLE) > TITLE_WIDTH:
                self.table.setColumnWidth(TITLE, TITLE_WIDTH)

    def focus_results(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _activated(self, index) -> None:
        hit = index.data(ROW_ROLE)
        if hit is None:
            return
        if hit.kind == "document":
            self.open_document(hit.record_id)
        elif hit.meeting_id is not None:
            self.open_meeting(hit.meeting_id, RecordTarget.of_hit(hit))


def install_search(window: QMainWindow) -> SearchPanel:
    """Put the search field in a toolbar and the results in a dock of ``window``.

    Called again after a language switch: the old toolbar and dock are replaced, and the
    text typed so far is kept."""
    previous_text = ""
    for name in ("search_toolbar", "search_dock"):
        old = getattr(window, name, None)
        if old is not None:
            if name == "search_toolbar":
                previous_text = window.search_panel.box.text()
                window.removeToolBar(old)
            else:
                window.removeDockWidget(old)
            old.deleteLater()
    panel = SearchPanel(window.context)
    toolbar = QToolBar(_("Search"), window)
    toolbar.setObjectName("search_toolbar")  # saveState() needs a name
    toolbar.setMovable(False)
    spacer = QWidget()  # the field sits at the right end, where people look for it
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    panel.box.setFixedWidth(BOX_WIDTH)
    toolbar.addWidget(panel.box)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    dock = QDockWidget(_("Search results"), window)
    dock.setObjectName("search_dock")
    dock.setWidget(panel)
    # Below the page, across the window: snippets need width more than height.
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resizeDocks([dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
    dock.hide()
    panel.box.settled.connect(lambda text: dock.show() if text else None)
    window.search_toolbar, window.search_dock, window.search_panel = toolbar, dock, panel
    if previous_text:
        panel.box.setText(previous_text)
    return panel


def focus_search(window: QMainWindow) -> None:
    """The menu entry and shortcuts: into the search field, its text selected."""
    panel = window.search_panel
    panel.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
    panel.box.selectAll()
    if panel.box.text():
        window.search_dock.show()

