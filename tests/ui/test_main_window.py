"""Main window: navigation, shortcuts, status bar, language switch, About, persistence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from secretariat.i18n import _
from tests.ui.window_helpers import settle
from ui import settings
from ui.navigation import CAPABILITIES

ENGLISH_TITLES = [
    "Terms of reference", "Members and seats", "Member selection", "Conflicts of interest",
    "Meetings", "Minutes and decisions", "Co-creation records", "Standards compliance",
    "Evidence packages and publication",
]


def test_navigation_lists_every_capability_and_disables_unbuilt_ones(window):
    nav = window.navigation
    assert nav.titles() == ENGLISH_TITLES
    enabled = {cap.key for cap in CAPABILITIES
               if nav.item(CAPABILITIES.index(cap)).flags() & Qt.ItemFlag.ItemIsEnabled}
    # Every capability of DESIGN §2 has its page now: none is greyed out.
    assert enabled == {c.key for c in CAPABILITIES}
    assert not any("later version" in nav.item(n).toolTip() for n in range(nav.count()))


def test_ctrl_number_switches_pages(qtbot, window):
    window.activateWindow()
    window.actions["page_meetings"].trigger()
    assert window.stack.currentWidget() is window.page("meetings")
    assert window.actions["page_meetings"].shortcut().toString() == "Ctrl+5"
    window.actions["page_members"].trigger()
    assert window.stack.currentWidget() is window.page("members")
    window.actions["page_terms"].trigger()
    assert window.stack.currentWidget() is window.page("terms")
    window.actions["page_compliance"].trigger()
    assert window.stack.currentWidget() is window.page("compliance")


def test_status_bar_shows_forum_and_database(window):
    assert window.forum_label.text() == "Test Forum"
    assert "gui.db" in window.database_label.text()


def test_undo_redo_shortcuts(window):
    assert window.actions["undo"].shortcut().toString() == "Ctrl+Z"
    redo = [k.toString() for k in window.actions["redo"].shortcuts()]
    assert redo == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert window.actions["quit"].shortcut().toString() == "Ctrl+Q"


def test_switching_language_retranslates_the_window(qtbot, window):
    window.switch_language("zh_TW")
    settle(qtbot, window)
    # Our catalog (gettext) and the data's own Chinese names both appear ...
    assert window.navigation.titles()[0] == "職權範圍"
    assert window.navigation.titles() == [_(t) for t in ENGLISH_TITLES]
    assert window.forum_label.text() == "測試論壇"
    assert window.menuBar().actions()[0].text() == _("&File")
    # ... and Qt's own strings come from qtbase_zh_TW.qm.
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert settings.LANGUAGE.value() == "zh_TW"

    window.switch_language("en")
    settle(qtbot, window)
    assert window.navigation.titles() == ENGLISH_TITLES
    assert window.forum_label.text() == "Test Forum"


def test_preferences_page_saves_language(qtbot, window):
    from ui.preferences.dialog import PreferencesDialog
    from ui.preferences.language_page import LanguagePage

    dialog = PreferencesDialog(window)
    page = dialog.page(LanguagePage)
    page.language.setCurrentIndex(page.language.findData("zh_TW"))
    dialog.accept()
    assert dialog.changed == {settings.LANGUAGE.key}
    assert settings.language() == "zh_TW"


def test_geometry_is_saved_on_close(qtbot, window):
    window.resize(900, 600)
    window.close()
    assert not settings.WINDOW_GEOMETRY.value().isEmpty()


def test_about_shows_version_and_database(qtbot, window):
    from secretariat import __version__

    box = window.show_about()
    assert __version__ in box.text()
    assert "gui.db" in box.text()
    box.close()


def test_ctrl_f_shortcut_selects_the_filter_text(qtbot, window):
    from PySide6.QtGui import QKeySequence, QShortcut

    page = window.page("members")
    page.filter_box.setText("abc")
    page.filter_box.deselect()
    (shortcut,) = [s for s in page.findChildren(QShortcut)
                   if s.key() == QKeySequence(QKeySequence.StandardKey.Find)]
    shortcut.activated.emit()
    assert page.filter_box.selectedText() == "abc"


def test_the_window_shows_before_the_database_opens(qtbot, tmp_path, forum_store):
    """Until the worker has opened the store: an opening page, database actions off."""
    from ui.language import apply_language
    from ui.main_window import DATABASE_ACTIONS, MainWindow
    from ui.opening_page import OpeningPage
    from ui.worker import DatabaseWorker

    apply_language("en")
    worker = DatabaseWorker()
    window = MainWindow(worker=worker)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.shown_idle, timeout=10000):
        window.show()
    assert window.store is None
    assert isinstance(window.stack.currentWidget(), OpeningPage)
    assert not window.navigation.isEnabled()
    assert not window.search_panel.box.isEnabled()
    for key in (*DATABASE_ACTIONS, "page_terms", "page_members", "page_meetings",
                "page_minutes"):
        assert not window.actions[key].isEnabled(), key
    assert window.actions["quit"].isEnabled() and window.actions["preferences"].isEnabled()

    opened = []
    worker.open(forum_store.url, opened.append, pytest.fail)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    with qtbot.waitSignal(window.first_load_done, timeout=10000):
        window.attach_store(opened[0])
    assert window.stack.currentWidget() is window.page("members")
    assert window.stack.findChildren(OpeningPage) == []
    assert window.navigation.isEnabled() and window.search_panel.box.isEnabled()
    for key in (*DATABASE_ACTIONS, *(f"page_{c.key}" for c in CAPABILITIES)):
        assert window.actions[key].isEnabled(), key
    assert window.forum_label.text() == "Test Forum"
    assert "gui.db" in window.database_label.text()
    window.close()
    worker.shutdown()


def test_switching_language_while_opening_keeps_the_opening_page(qtbot):
    from ui.main_window import MainWindow
    from ui.opening_page import OpeningPage
    from ui.worker import DatabaseWorker

    window = MainWindow(worker=DatabaseWorker())
    qtbot.addWidget(window)
    window.switch_language("zh_TW")
    assert isinstance(window.stack.currentWidget(), OpeningPage)
    assert window.stack.currentWidget().message.text() == _("Opening the database…")
    assert not window.actions["import_members"].isEnabled()
    window.switch_language("en")
