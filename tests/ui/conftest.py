"""GUI tests run offscreen, with settings in a temporary folder and a fresh store.

QT_QPA_PLATFORM must be set before the QApplication exists (pytest-qt creates it on
first use), or Qt aborts the process on a machine without a display.

The fixtures the GUI test modules share live here; the plain functions they share live
in helper modules: ``window_helpers`` (the main window), ``editor_helpers`` (the meeting
editor), ``app_helpers`` (the application as a process), ``mnemonic_helpers``.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.ui.editor_helpers import Env, seed, settle as settle_editor  # noqa: E402
from tests.ui.window_helpers import TODAY  # noqa: E402


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
def demo_store(gui_store):
    """The small demo forum: real titles, places and names in both languages."""
    from secretariat.demo import load_demo

    load_demo(gui_store, scale="small")
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


# --- The meeting editor ------------------------------------------------------------


@pytest.fixture
def env(qtbot, forum_store):
    """The editor tests' forum (``editor_helpers.seed``), a worker and an undo stack."""
    from ui.undo import CommandContext, UndoStack
    from ui.language import apply_language
    from ui.worker import DatabaseWorker

    apply_language("en")
    first, second, people, decision = seed(forum_store)
    worker = DatabaseWorker(forum_store)
    stack = UndoStack(worker)
    yield Env(forum_store, CommandContext(worker, stack), first, second, people, decision)
    worker.wait_idle()
    apply_language("en")


@pytest.fixture
def editor(qtbot, env, monkeypatch):
    """The editor of the first meeting, loaded; errors collected instead of shown."""
    from ui.meeting_editor import window as window_module

    shown: list[str] = []
    monkeypatch.setattr(window_module.errors, "show_error",
                        lambda _parent, error, title=None: shown.append(
                            window_module.errors.error_text(error)))
    ed = window_module.open_meeting_editor(env.context, env.first_id)
    qtbot.addWidget(ed)
    ed.errors_shown = shown
    qtbot.waitUntil(lambda: ed.data is not None, timeout=15000)
    settle_editor(qtbot, ed)
    yield ed
    settle_editor(qtbot, ed)


# --- Records (decision log, action items) ------------------------------------------

TAIPEI = ZoneInfo("Asia/Taipei")
DECISION_TEXTS = ["通過開放資料行動方案", "預算透明里程碑展延", "Adopt the youth engagement plan",
                  "公共採購資訊公開", "同意成立揭弊者保護工作小組", "Approve the minutes"]


def _add_meeting(s, title: str, start: dt.datetime):
    from secretariat.services import meetings as meeting_service

    return meeting_service.schedule_meeting(
        s, title=title, title_en=f"Meeting {title}", starts_at=start,
        ends_at=start + dt.timedelta(hours=2), location="行政院")


@pytest.fixture
def decisions_store(forum_store):
    """Three meetings (2024, 2025, 2025) with 14 decisions; every third one private."""
    from secretariat.services.meetings import decisions as decision_service

    with forum_store.session() as s:
        starts = [dt.datetime(2024, 12, 31, 20, 0, tzinfo=TAIPEI),
                  dt.datetime(2025, 3, 2, 14, 0, tzinfo=TAIPEI),
                  dt.datetime(2025, 6, 8, 9, 30, tzinfo=TAIPEI)]
        meetings = [_add_meeting(s, f"第{n}次會議", start) for n, start in enumerate(starts, 1)]
        for number in range(14):
            meeting = meetings[number % 3]
            decision_service.record_decision(
                s, meeting_id=meeting.id,
                text=f"{DECISION_TEXTS[number % len(DECISION_TEXTS)]} ({number})",
                is_public=number % 3 != 2,
                decided_at=meeting.starts_at + dt.timedelta(minutes=number))
        s.commit()
    return forum_store


@pytest.fixture
def actions_store(forum_store):
    """A meeting 60 days ago with four action items: two overdue, one not yet due, one done."""
    from secretariat.model import ActionStatus
    from secretariat.services import meetings as meeting_service
    from secretariat.services.meetings import actions as action_service

    with forum_store.session() as s:
        start = dt.datetime.combine(TODAY - dt.timedelta(days=60), dt.time(14),
                                    ZoneInfo("Asia/Taipei"))
        meeting = meeting_service.schedule_meeting(
            s, title="第五次論壇會議", starts_at=start, ends_at=start + dt.timedelta(hours=2),
            location="國發會")
        add = lambda text, days, owner: action_service.add_action(  # noqa: E731
            s, meeting_id=meeting.id, description=text, owner_text=owner,
            due_on=TODAY + dt.timedelta(days=days))
        add("提出開放資料行動方案修正草案", -30, "國家發展委員會")  # overdue
        add("Publish the consultation report", -1, "Secretariat")  # overdue
        add("彙整民間委員意見", 20, "秘書處")  # not yet due
        done = add("更新論壇網站", -10, "數位發展部")
        action_service.update_action(s, done.id, status=ActionStatus.DONE)
        s.commit()
    return forum_store


# --- Co-creation and compliance ----------------------------------------------------


@pytest.fixture
def demo_store(gui_store):
    """The small demo forum, built around ``cocreation_helpers.DEMO_NOW``."""
    from secretariat.demo import load_demo
    from tests.ui.cocreation_helpers import DEMO_NOW

    load_demo(gui_store, scale="small", now=DEMO_NOW)
    return gui_store
