"""The main window: navigation on the left, the chosen page on the right, menus, status.

Everything language-dependent is built by ``_build()``; switching language rebuilds it
(menus, navigation, pages, status bar) while the worker, the undo stack and the window
geometry stay.

The window is shown before the database is open: until ``attach_store()`` it holds an
"Opening the database…" page, and the actions that need the database are disabled.
Nothing imported here may import SQLAlchemy (the About box and the forum's operations
are imported when used).
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QStatusBar, QWidget

from secretariat.i18n import _, current_language, format_number, ngettext
from ui import settings
from ui.icons import app_icon
from ui.language import apply_language
from ui.menus import build_menus
from ui.navigation import CAPABILITIES, NavigationList, capability
from ui.opening_page import OpeningPage
from ui.records.search_panel import focus_search, install_search
from ui.changes import ChangeKind, Changes
from ui.undo import CommandContext, UndoStack
from ui.worker import DatabaseWorker


# Actions that read or write the database; enabled once it is open.
DATABASE_ACTIONS = ("import_members", "search", "refresh", "about")
# Preferences whose change rebuilds the pages, as a language switch does.
REGIONAL_SETTINGS = frozenset({settings.LANGUAGE.key, settings.ROC_YEARS.key})


class MainWindow(QMainWindow):
    shown_idle = Signal()  # the first turn of the event loop after the first show
    first_load_done = Signal()  # the database is open and the first page's records are shown
    snapshot_shown = Signal()  # the first page shows its snapshot (see show_snapshot)

    def __init__(self, store=None, worker: DatabaseWorker | None = None,
                 parent: QWidget | None = None):
        """``store`` given (tests): it is attached once the window is shown and idle.
        Otherwise the caller opens one and calls ``attach_store`` (``ui/app.py``)."""
        super().__init__(parent)
        self.store = None
        self._given_store = store
        self.worker = worker or DatabaseWorker(store, self)
        self.undo_stack = UndoStack(self.worker, self)
        self.context = CommandContext(self.worker, self.undo_stack)
        self.context.open_meeting = self.open_meeting
        self.undo_stack.history_closed.connect(self._show_note)
        self.forum = None
        self.overdue_count = 0  # declarations of interests overdue (status-bar link)
        self.actions: dict = {}
        self.pages: dict[str, QWidget] = {}
        self._snapshot_page: QWidget | None = None  # showing the first-page snapshot
        self._current = settings.LAST_PAGE.value()
        if not capability_available(self._current):
            self._current = "members"
        self._shown_once = False
        self.setWindowIcon(app_icon())
        self.worker.changed.connect(self._on_change)
        self._build()
        if not self.restoreGeometry(settings.WINDOW_GEOMETRY.value()):
            self.resize(1200, 760)
        self.restoreState(settings.WINDOW_STATE.value())

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(_("Forum Secretariat"))
        for action in self.actions.values():  # old shortcuts would clash with the new
            self.removeAction(action)
            action.deleteLater()
        self.actions = build_menus(self)
        install_search(self)
        self.pages = {}
        self._snapshot_page = None
        self.navigation = NavigationList()
        self.stack = QStackedWidget()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([self.navigation.minimumWidth(), 4 * self.navigation.minimumWidth()])
        old = self.centralWidget()
        self.setCentralWidget(splitter)
        if old is not None:
            old.deleteLater()
        self._build_status_bar()
        self.navigation.page_chosen.connect(self.show_page)
        if self.store is None:
            self.stack.addWidget(OpeningPage(self.stack))
            self.navigation.select(self._current)  # where the records will appear
        else:
            self.show_page(self._current)
        self._enable_database_actions(self.store is not None)

    def _build_status_bar(self) -> None:
        bar = QStatusBar()
        self.forum_label = QLabel()
        self.database_label = QLabel()
        # "2 declarations of interests are overdue": a link to the Conflicts page.
        self.overdue_label = QLabel()
        self.overdue_label.linkActivated.connect(lambda _link: self.show_page("conflicts"))
        self.overdue_label.hide()
        bar.addWidget(self.forum_label)
        bar.addWidget(self.overdue_label)
        bar.addPermanentWidget(self.database_label)
        self.setStatusBar(bar)
        self._show_database()
        self._show_forum()
        if self.overdue_count:  # a language switch rebuilds the bar
            self._show_overdue(self.overdue_count)

    def _show_database(self) -> None:
        if self.store is None:
            return
        from ui.about import database_location  # SQLAlchemy: not before the window shows

        self.database_label.setText(_("Database: {location}").format(
            location=database_location(self.store)))
        self.database_label.setToolTip(self.store.url)

    def _enable_database_actions(self, enabled: bool) -> None:
        for key in DATABASE_ACTIONS:
            self.actions[key].setEnabled(enabled)
        for cap in CAPABILITIES:
            self.actions[f"page_{cap.key}"].setEnabled(enabled and cap.available)
        self.navigation.setEnabled(enabled)
        self.search_panel.box.setEnabled(enabled)

    # -- pages -----------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            page = capability(key).make_page(self.context, self.stack)
            self.pages[key] = page
            self.stack.addWidget(page)
            page.refresh()  # pages exist only once the store is open
        return self.pages[key]

    def show_page(self, key: str) -> None:
        if not capability_available(key) or self.store is None:
            return
        self._current = key
        self.stack.setCurrentWidget(self.page(key))
        self.navigation.blockSignals(True)
        self.navigation.select(key)
        self.navigation.blockSignals(False)
        if settings.LAST_PAGE.value() != key:  # writing the settings file costs ~10 ms
            settings.LAST_PAGE.set(key)

    def current_page(self) -> QWidget:
        return self.pages[self._current]

    def refresh_current(self) -> None:
        self.current_page().refresh()

    # -- the database, after the first show ----------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # A zero timer fires once the loop has handled the events queued by show().
            QTimer.singleShot(0, self._first_idle)

    def _first_idle(self) -> None:
        self.shown_idle.emit()
        if self._given_store is not None:
            self.attach_store(self._given_store)

    def show_snapshot(self, url: str) -> bool:
        """Before the store is open: if the first page is the members page and a
        first-page snapshot of ``url`` is still valid (``ui.first_page_snapshot``), show
        its rows read-only in that page, in place of the opening page. False if not."""
        if self.store is not None or self._current != "members":
            return False
        from ui import first_page_snapshot

        snapshot = first_page_snapshot.load(
            url, on=dt.date.today(), include_past=settings.INCLUDE_PAST_TERMS.value())
        if snapshot is None:
            return False
        opening = self.stack.currentWidget()
        page = capability("members").make_page(self.context, self.stack)
        self.stack.addWidget(page)
        page.show_snapshot(snapshot.rows, snapshot.on)
        self.stack.setCurrentWidget(page)
        if isinstance(opening, OpeningPage):
            self.stack.removeWidget(opening)
            opening.deleteLater()
        self.pages["members"] = self._snapshot_page = page
        self.statusBar().showMessage(_("Opening the database…"))
        self.snapshot_shown.emit()
        return True

    def attach_store(self, store) -> None:
        """The database is open: build the real pages in place of the opening page and
        read the first page's records (``first_load_done`` once they are shown)."""
        self.store = store
        self._given_store = None
        old = self.stack.currentWidget()
        self._show_database()
        snapshot_page, self._snapshot_page = self._snapshot_page, None
        if snapshot_page is not None:
            self.statusBar().clearMessage()
            snapshot_page.refresh()  # the real rows replace the snapshot's
        self.show_page(self._current)
        if isinstance(old, OpeningPage):
            self.stack.removeWidget(old)
            old.deleteLater()
        self._enable_database_actions(True)
        self._refresh_forum()
        self._refresh_overdue()
        # Jobs run in order, so this one's answer arrives after the first page's records.
        self.worker.submit(lambda _s: None, lambda _r: self.first_load_done.emit())

    def stop_opening(self, text: str = "") -> None:
        """The store was refused (``text`` says why) or a dialog asks for the forum."""
        if self._snapshot_page is not None:  # the snapshot's rows go: nothing is open
            self.statusBar().clearMessage()
            self.pages.pop("members", None)
            self.stack.removeWidget(self._snapshot_page)
            self._snapshot_page.deleteLater()
            self._snapshot_page = None
            self.stack.addWidget(OpeningPage(self.stack))
        page = self.stack.currentWidget()
        if isinstance(page, OpeningPage):
            page.stop(text)

    def _refresh_forum(self) -> None:
        from ui import forum as forum_ops  # SQLAlchemy: only once it is open

        self.worker.submit(forum_ops.forum_summary, self._forum_loaded)

    def _forum_loaded(self, summary) -> None:
        self.forum = summary
        self._show_forum()

    def _show_forum(self) -> None:
        if self.forum is not None:
            self.forum_label.setText(self.forum.name(current_language()))
            self.setWindowTitle(_("{forum} — Forum Secretariat").format(
                forum=self.forum.name(current_language())))

    def _on_change(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.FORUM):
            self._refresh_forum()
        if changes.touches(ChangeKind.INTEREST | ChangeKind.MEMBER):
            self._refresh_overdue()

    def _refresh_overdue(self) -> None:
        from ui.interests import actions as interest_ops  # SQLAlchemy: only once it is open

        self.worker.submit(interest_ops.overdue_count, self._show_overdue)

    def _show_overdue(self, count: int) -> None:
        self.overdue_count = count
        text = ngettext("{count} declaration of interests is overdue",
                        "{count} declarations of interests are overdue", count).format(
            count=format_number(count))
        self.overdue_label.setText(f'<a href="conflicts">{html.escape(text)}</a>')
        self.overdue_label.setToolTip(_("Show the Conflicts of interest page"))
        self.overdue_label.setVisible(count > 0)

    def _show_note(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def open_meeting(self, meeting_id: int, parent: QWidget | None = None):
        """The meeting editor of ``meeting_id`` (pages reach it through the context)."""
        from ui.meeting_editor import open_meeting_editor  # built on first use

        return open_meeting_editor(self.context, meeting_id, parent or self)

    # -- menu actions ------------------------------------------------------------------
    def focus_search(self) -> None:
        focus_search(self)

    def import_members(self) -> None:
        from ui.import_members import ask_and_import

        ask_and_import(self, self.worker)

    def show_about(self):
        from ui.about import show_about

        return show_about(self, self.store)

    def show_preferences(self) -> None:
        from ui.preferences.dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        if dialog.exec() and dialog.changed & REGIONAL_SETTINGS:
            self.apply_regional_settings()

    def switch_language(self, language: str) -> None:
        settings.LANGUAGE.set(language)
        self.apply_regional_settings()

    def apply_regional_settings(self) -> None:
        """Show every page again in the saved language, with its date preferences, and
        so do the open meeting editors."""
        apply_language(settings.language())
        self._build()  # new pages load their records as they are built
        self._refresh_editors()

    def _refresh_editors(self) -> None:
        """Open meeting editors show their dates again; one built in another language is
        built anew in this one (see ``MeetingEditor.follow_regional_settings``)."""
        for child in self.findChildren(QMainWindow):
            follow = getattr(child, "follow_regional_settings", None)
            if callable(follow):
                follow()

    def closeEvent(self, event) -> None:
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        settings.WINDOW_STATE.set(self.saveState())
        self.worker.wait_idle()
        super().closeEvent(event)


def capability_available(key: str) -> bool:
    return any(c.key == key and c.available for c in CAPABILITIES)
