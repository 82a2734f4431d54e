"""The global search box: Chinese substrings (two characters too), latest query wins,
results open their meeting or document."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from secretariat.model import Meeting
from secretariat.services.meetings import decisions as decision_service
from secretariat.services import documents as document_service
from secretariat.services import meetings as meeting_service
from tests.ui.window_helpers import settle
from ui.records.runner import SessionRunner
from ui.records.search_model import HTML_ROLE, MATCH, TITLE, SearchResultsModel
from ui.records.search_panel import SearchController


@pytest.fixture
def search_store(forum_store, tmp_path):
    with forum_store.session() as s:
        start = dt.datetime(2025, 9, 3, 14, 0, tzinfo=ZoneInfo("Asia/Taipei"))
        meeting = meeting_service.schedule_meeting(
            s, title="第十二次論壇會議", starts_at=start, ends_at=start + dt.timedelta(hours=2),
            location="國發會")
        meeting_service.add_agenda_item(s, meeting.id, title="參與式預算試辦計畫報告")
        meeting_service.add_agenda_item(s, meeting.id, title="Open data roadmap")
        decision_service.record_decision(s, meeting_id=meeting.id,
                                         text="同意開放資料行動方案修正草案")
        paper = tmp_path / "roadmap.pdf"
        paper.write_bytes(b"%PDF-1.4 demo")
        document_service.add_document(s, documents_dir=forum_store.documents_dir,
                                      source=paper, title="預算透明工作報告")
        s.commit()
        return forum_store, meeting.id


def test_results_model_passes_tester(qtmodeltester, search_store):
    store, _meeting_id = search_store
    model = SearchResultsModel()
    qtmodeltester.check(model)
    controller = SearchController(SessionRunner(store))
    controller.finished.connect(model.set_results)
    controller.search("預算")
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert {model.hit_at(r).kind for r in range(2)} == {"agenda_item", "document"}
    assert all("<b>預算</b>" in model.index(r, MATCH).data(HTML_ROLE) for r in range(2))
    controller.search("")
    assert model.rowCount() == 0


@pytest.mark.parametrize("language, expected", [
    ("en", {"Participatory budgeting pilot report", "預算透明工作報告"}),
    ("zh_TW", {"參與式預算試辦計畫報告", "預算透明工作報告"}),
], ids=["en", "zh_TW"])
def test_results_show_the_english_title_in_english(qtbot, search_store, language, expected):
    from ui.language import apply_language

    store, meeting_id = search_store
    with store.session() as s:
        item = s.get(Meeting, meeting_id).agenda_items[0]
        meeting_service.update_agenda_item(s, item.id,
                                           title_en="Participatory budgeting pilot report")
        s.commit()
    model = SearchResultsModel()
    controller = SearchController(SessionRunner(store))
    controller.finished.connect(model.set_results)
    apply_language(language)
    try:
        controller.search("預算")
        titles = {model.index(r, TITLE).data() for r in range(model.rowCount())}
        tips = {model.index(r, TITLE).data(Qt.ItemDataRole.ToolTipRole).split("\n")[0]
                for r in range(model.rowCount())}
    finally:
        apply_language("en")
    assert titles == expected and tips == expected


def test_latest_query_wins(search_store):
    store, _meeting_id = search_store

    class Deferred:
        def __init__(self):
            self.queued = []

        def submit(self, job, on_done=None, on_error=None):
            self.queued.append((job, on_done))

    runner, shown = Deferred(), []
    controller = SearchController(runner)
    controller.finished.connect(shown.append)
    controller.search("預算")
    controller.search("資料")
    with store.session() as s:
        stale = runner.queued[0][0](s)
        assert stale is None  # a superseded query does no work
        runner.queued[0][1](stale)
        runner.queued[1][1](runner.queued[1][0](s))
    assert [r.query for r in shown] == ["資料"]


def test_toolbar_box_finds_two_chinese_characters_and_opens_meeting(qtbot, window,
                                                                    search_store):
    _store, meeting_id = search_store
    panel = window.search_panel
    opened, documents = [], []
    panel.open_document = documents.append
    panel.open_meeting = lambda meeting_id, _at: opened.append(meeting_id)
    assert QKeySequence("Ctrl+K") in window.actions["search"].shortcuts()
    window.actions["search"].trigger()
    assert panel.box.hasFocus() or not window.isActiveWindow()  # offscreen may not focus

    panel.box.setText("資料")  # two characters: below the trigram index's minimum
    panel.box.flush()
    settle(qtbot, window)
    assert window.search_dock.isVisible()
    kinds = {panel.model.hit_at(r).kind for r in range(panel.model.rowCount())}
    assert kinds == {"decision"}
    assert panel.status.text() == "1 record contains “資料”."

    panel.box.setText("預算")
    panel.box.flush()
    settle(qtbot, window)
    titles = [panel.model.hit_at(r).title for r in range(panel.model.rowCount())]
    assert sorted(titles) == ["參與式預算試辦計畫報告", "預算透明工作報告"]
    panel.focus_results()
    for row in range(panel.model.rowCount()):
        panel.table.setCurrentIndex(panel.model.index(row, 1))
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened == [meeting_id]
    assert len(documents) == 1

    panel.box.setText("量子糾纏")
    panel.box.flush()
    settle(qtbot, window)
    assert panel.model.rowCount() == 0
    assert panel.status.text() == "Nothing contains “量子糾纏”."


def test_enter_selects_first_result_and_changes_refresh_the_list(qtbot, window, search_store):
    from ui.changes import ChangeKind, Changes

    store, meeting_id = search_store
    panel = window.search_panel
    panel.box.setText("預算")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert panel.model.rowCount() == 2
    assert [i.row() for i in panel.table.selectionModel().selectedRows()] == [0]

    with store.session() as s:
        meeting_service.add_agenda_item(s, meeting_id, title="預算執行情形")
        s.commit()
    window.worker.changed.emit(Changes.of_meeting(ChangeKind.MEETING, meeting_id))
    settle(qtbot, window)
    assert panel.model.rowCount() == 3
