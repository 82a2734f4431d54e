"""The Member selection page: a round from screening to the published report, with the
run on the worker's compute pool, decide and its undo, and the chart."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel

from secretariat.services.selection.rounds import move_round
from tests.ui.selection_helpers import leximin_round
from tests.ui.window_helpers import settle
from ui.members.actions import load_members


def _select_candidate(page, name):
    for row in range(page.candidates.rowCount()):
        if page.candidates.row_at(row).name == name:
            index = page.candidate_table.model().mapFromSource(page.candidates.index(row, 0))
            page.candidate_table.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            return
    raise AssertionError(name)


def _open(qtbot, window, *, has_rounds=True):
    window.show_page("selection")
    page = window.page("selection")
    settle(qtbot, window)
    if has_rounds:
        qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    return page


def _members(window):
    return window.worker.run_now(lambda s: [r.name for r in load_members(
        s, on=dt.date(2027, 6, 1), include_past=False).rows])


def test_a_round_from_screening_to_published_report(qtbot, window, forum_store, tmp_path):
    round_id = leximin_round(forum_store)
    page = _open(qtbot, window)
    assert page.detail.row.id == round_id
    _select_candidate(page, "黃淑芬")
    page.screen_selected(False, reason="申請逾期")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.candidates[5].eligible is False, timeout=10000)
    window.undo_stack.undo()  # the screening is undoable
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.candidates[5].eligible is None, timeout=10000)
    window.undo_stack.redo()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.candidates[5].eligible is False, timeout=10000)

    window.worker.run_now(lambda s: move_round(s, round_id, "closed"))
    page.refresh()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.run_button.isEnabled(), timeout=10000)
    page.run_method()
    assert page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.detail.result is not None, timeout=30000)
    assert page.chart.data is not None and len(page.chart.data.labels) == 5
    assert sum(page.chart.data.series[0]) == pytest.approx(200)

    page.decide()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.row.status == "decided", timeout=10000)
    selected = [page.detail.result["pool"][n - 1]["name"] for n in page.detail.result["selected"]]
    assert sorted(_members(window)) == sorted(selected)
    window.undo_stack.undo()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.row.status == "closed", timeout=10000)
    assert _members(window) == []
    window.undo_stack.redo()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.row.status == "decided", timeout=10000)

    page.publish()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.row.status == "published", timeout=10000)
    assert not page.undo_decide_button.isEnabled()
    written = []
    page.export_report(tmp_path / "report", on_done=written.extend)
    qtbot.waitUntil(lambda: bool(written), timeout=60000)
    assert (tmp_path / "report" / "report-zh_TW.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "report" / "report-en.pdf").is_file()
    assert (tmp_path / "report" / "panels.csv").is_file()


def test_a_run_can_be_cancelled_and_stores_nothing(qtbot, window, forum_store):
    round_id = leximin_round(forum_store)
    window.worker.run_now(lambda s: move_round(s, round_id, "closed"))
    page = _open(qtbot, window)
    page.run_method()
    page.cancel_run()
    qtbot.waitUntil(lambda: page.run_job is None, timeout=30000)
    page.refresh()
    settle(qtbot, window)
    assert page.detail.result is None


def test_a_round_built_in_the_application_from_call_to_published(qtbot, window, tmp_path):
    from PySide6.QtCore import Qt

    from ui.widgets import to_qdate

    page = _open(qtbot, window, has_rounds=False)
    assert "New round" in page.empty_hint.text()
    dialog = page.new_round()
    dialog.title.setText("公民社會席次")
    dialog.seats.setValue(2)
    dialog.decision_date.set_value(dt.date.today() + dt.timedelta(days=30))
    dialog.term_start.setDate(to_qdate(dt.date(2031, 1, 1)))
    assert dialog.ok_button.isEnabled(), dialog.problems()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.row.title == "公民社會席次",
                    timeout=10000)
    window.undo_stack.undo()  # creating a round is undoable
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)
    window.undo_stack.redo()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.select(page.model.row_at(0).id)
    qtbot.waitUntil(lambda: page.detail is not None and page.open_call_button.isEnabled(),
                    timeout=10000)

    page.move_call(page.detail.row.status.__class__.CALL_OPEN)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.row.status == "call_open", timeout=10000)
    people = tmp_path / "people.csv"
    people.write_text("name,organisation,gender\n甲,一會,f\n乙,二會,m\n丙,三會,f\n丁,四會,m\n",
                      encoding="utf-8")
    page.import_candidates(people)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: len(page.detail.candidates) == 4, timeout=10000)
    for name in ("甲", "乙", "丙", "丁"):
        _select_candidate(page, name)
        page.screen_selected(True)
        settle(qtbot, window)
    quotas = tmp_path / "quotas.csv"
    quotas.write_text("category,feature,min,max\ngender,f,1,1\ngender,m,1,1\n", encoding="utf-8")
    page.import_inputs(quotas)
    page.record_source("今彩539", "3 14 15 27 39")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: len(page.detail.sources) == 1 and len(page.detail.quotas) == 2,
                    timeout=10000)
    page.move_call(page.detail.row.status.__class__.CLOSED)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.run_button.isEnabled(), timeout=10000)
    page.run_method()
    qtbot.waitUntil(lambda: page.detail.result is not None, timeout=30000)
    assert page.chart.data.series[0] == pytest.approx((50, 50, 50, 50))
    page.decide()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.publish_button.isEnabled(), timeout=10000)
    page.publish()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.row.status == "published", timeout=10000)
