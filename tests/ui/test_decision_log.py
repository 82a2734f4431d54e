"""Decision log: paged and sorted in SQL, filtered, lazily fetched, opens the meeting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from secretariat.model import DecisionMethod
from secretariat.services.meetings import decisions as decision_service
from tests.ui.window_helpers import loaded_records_page, settle
from ui.records.decision_model import COLUMNS, DecisionLogModel, column_of
from ui.records.actions import DecisionQuery
from ui.records.runner import SessionRunner


def make_model(store, page_size: int = 5) -> DecisionLogModel:
    model = DecisionLogModel(SessionRunner(store), page_size=page_size)
    model.reload()
    return model


def ids(model) -> list[int]:
    return [model.row_at(r).id for r in range(model.rowCount())]


def fetch_all(model) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def service_ids(store, **kwargs) -> list[int]:
    with store.session() as s:
        return [r.id for r in decision_service.decision_rows(s, **kwargs)]


def test_first_page_then_fetch_more(qtmodeltester, decisions_store):
    model = make_model(decisions_store)
    assert model.total == 14
    assert model.rowCount() == 5
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    qtmodeltester.check(model)  # Qt's tester fetches the rest itself
    assert model.rowCount() == 14
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)
    # Newest first, exactly as the service pages them.
    assert ids(model) == service_ids(decisions_store)


@pytest.mark.parametrize("key", ["number", "text", "meeting", "is_public"])
def test_sorting_a_column_requeries_in_the_services_order(qtmodeltester, decisions_store, key):
    model = make_model(decisions_store)
    qtmodeltester.check(model)
    for order, descending in ((Qt.SortOrder.AscendingOrder, False),
                              (Qt.SortOrder.DescendingOrder, True)):
        model.sort(column_of(key), order)
        fetch_all(model)
        assert model.query.sort == key
        assert ids(model) == service_ids(decisions_store, sort=key, descending=descending)
    qtmodeltester.check(model, force_py=True)


def test_unsortable_column_keeps_the_order(decisions_store, qtbot):
    model = make_model(decisions_store)
    before = ids(model)
    votes = next(i for i, c in enumerate(COLUMNS) if c.sort_key is None)
    with qtbot.waitSignal(model.sort_ignored):
        model.sort(votes, Qt.SortOrder.AscendingOrder)
    assert ids(model) == before and model.query.sort == "decided_at"


def test_filters_narrow_the_rows(decisions_store):
    model = make_model(decisions_store, page_size=200)
    model.set_query(DecisionQuery(search="預算"))
    assert model.total == 3  # decisions 1, 7 and 13
    assert all("預算" in model.row_at(r).text for r in range(model.rowCount()))
    model.set_query(DecisionQuery(year=2024))
    assert model.total == 5  # decisions 0, 3, 6, 9, 12 of the first meeting
    model.set_query(DecisionQuery(year=2025, is_public=False))
    assert {model.row_at(r).is_public for r in range(model.rowCount())} == {False}
    assert model.total == 4  # decisions 2, 5, 8 and 11
    model.set_query(DecisionQuery(method=DecisionMethod.VOTE.value))
    assert model.total == 0 and model.rowCount() == 0


def test_dates_use_the_meetings_local_day(decisions_store):
    from ui.language import apply_language

    model = make_model(decisions_store, page_size=200)
    model.set_query(DecisionQuery(year=2024))
    date_column = column_of("decided_at")
    try:
        # 20:00 in Taipei on 31 December is still 2024 there (12:00 UTC that day).
        assert model.index(0, date_column).data() == "Dec 31, 2024"
        apply_language("zh_TW")
        assert model.index(0, date_column).data() == "2024年12月31日"
    finally:
        apply_language("en")


def test_latest_query_wins_when_answers_come_late(decisions_store):
    """With the worker, answers to an older filter arrive after a newer one was asked."""

    class DeferredRunner(SessionRunner):
        def __init__(self, store):
            super().__init__(store)
            self.queued = []

        def submit(self, job, on_done=None, on_error=None):
            self.queued.append((job, on_done, on_error))

        def run(self, number):
            job, on_done, on_error = self.queued.pop(number)
            SessionRunner.submit(self, job, on_done, on_error)

    runner = DeferredRunner(decisions_store)
    model = DecisionLogModel(runner, page_size=200)
    model.set_query(DecisionQuery(search="預算"))
    model.set_query(DecisionQuery(year=2024))
    runner.run(1)  # the newer answer first
    runner.run(0)  # then the stale one, which must be ignored
    assert model.total == 5 and model.query.year == 2024


def test_page_filters_and_opens_the_meeting(qtbot, window, decisions_store):
    from ui.records.decision_page import DecisionLogPage

    page, opened = loaded_records_page(qtbot, window, DecisionLogPage)
    assert page.model.total == 14
    assert page.count_label.text() == "14 decisions"
    assert page.year_combo.findData(2025) > 0
    page.year_combo.setCurrentIndex(page.year_combo.findData(2024))
    settle(qtbot, window)
    assert page.model.total == 5
    assert page.meeting_combo.count() == 2  # "All meetings" and the one meeting of 2024
    page.search_box.setText("開放資料")
    page.search_box.flush()
    settle(qtbot, window)
    assert page.count_label.text() == "3 decisions"  # decisions 0, 6 and 12
    page.search_box.setText("(12)")
    page.search_box.flush()
    settle(qtbot, window)
    assert page.count_label.text() == "1 decision"
    row = page.model.row_at(0)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [row.meeting_id]


def test_default_hook_opens_the_meeting_editor(qtbot, window, decisions_store):
    editor_window = pytest.importorskip("ui.meeting_editor.window")
    page = window.page("minutes").decisions
    window.show_page("minutes")
    settle(qtbot, window)
    row = page.model.row_at(0)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = editor_window._open_editors[row.meeting_id]
    qtbot.waitUntil(lambda: editor.data is not None, timeout=10000)
    assert editor.isVisible() and editor.meeting_id == row.meeting_id
    settle(qtbot, window)
    editor.close()


def test_the_number_column_shows_the_label_a_clerk_reads(decisions_store):
    """Not ``2026-01-01``, which reads as a date: the same label as the PDFs and the CLI."""
    model = make_model(decisions_store)
    row = model.row_at(0)
    shown = model.index(0, column_of("number")).data(Qt.ItemDataRole.DisplayRole)
    assert shown == decision_service.decision_label(row.number)
    year, meeting, ordinal = (int(part.lstrip("SR")) for part in row.number.split("-"))
    assert shown == f"Decision {ordinal} of meeting {meeting} ({year})"
