"""GUI tests run offscreen, with settings in a temporary folder and a fresh store.

QT_QPA_PLATFORM must be set before the QApplication exists (pytest-qt creates it on
first use), or Qt aborts the process on a machine without a display.
"""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    from ui import settings

    qapp.setOrganizationName(settings.ORGANISATION)
    qapp.setApplicationName(settings.APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


@pytest.fixture
def gui_store(tmp_path):
    """An SQLite store (the GUI's worker thread is what is under test, not the back end)."""
    from secretariat.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'gui.db'}")
    yield store
    store.close()


@pytest.fixture
def forum_store(gui_store):
    from secretariat.services import forum as forum_service

    with gui_store.session() as s:
        forum_service.create_forum(s, name_zh_tw="測試論壇", name_en="Test Forum")
        s.commit()
    return gui_store


@pytest.fixture
def window(qtbot, forum_store):
    """The main window, shown, with its first records loaded.

    As in the application, the store is attached only at the first idle after ``show()``
    (the pages are built then): ``first_load_done`` says the store is attached and the
    first page shows its records."""
    from ui.language import apply_language
    from ui.main_window import MainWindow

    apply_language("en")
    win = MainWindow(forum_store)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.first_load_done, timeout=10000):
        win.show()
    yield win
    win.worker.wait_idle()
    apply_language("en")


def settle(qtbot, window) -> None:
    """Wait until every queued database job has run and its result reached the GUI."""
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10000)


def loaded_records_page(qtbot, window, page_class):
    """A records page (decision log, action items) on its own, its records loaded, and
    the list of meeting ids it asked to open."""
    opened: list[int] = []
    page = page_class(window.context, window, open_meeting=opened.append)
    qtbot.addWidget(page)
    page.refresh()
    settle(qtbot, window)
    return page, opened


TODAY = dt.date.today()
