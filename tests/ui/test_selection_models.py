"""The Member selection page's table models pass Qt's model tester, empty and filled,
and show what a clerk screens by."""

from __future__ import annotations

import datetime as dt

from secretariat.selection.round_vocabulary import RoundStatus, SelectionMethod
from secretariat.services.selection.views import CandidateRow, RoundRow
from ui.selection.chart import BarChart, ChartData
from ui.selection.model import CandidateTableModel, RoundTableModel


def round_row(number: int) -> RoundRow:
    return RoundRow(number, f"第{number}輪遴選", f"Round {number}", "civil_society", "公民社會組織",
                    "Civil society organisation", 2, dt.date(2027, 1, 1), None,
                    SelectionMethod.LEXIMIN, RoundStatus.CLOSED, 6, 5, dt.date(2027, 1, 20), 1)


def candidate_row(number: int, eligible: bool | None) -> CandidateRow:
    return CandidateRow(number, number, f"候選人{number}", "", "協會", {"gender": "f"},
                        eligible, "" if eligible is not False else "申請逾期",
                        1 if number == 1 else None, 1)


def test_round_model_passes_model_tester(qtmodeltester):
    model = RoundTableModel()
    qtmodeltester.check(model)
    model.set_rows([round_row(1), round_row(2)])
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "Call closed"
    assert model.index(0, 4).data() == "5 / 6"


def test_candidate_model_passes_model_tester_and_shows_the_reason(qtmodeltester):
    model = CandidateTableModel()
    qtmodeltester.check(model)
    model.set_rows([candidate_row(1, True), candidate_row(2, False), candidate_row(3, None)])
    qtmodeltester.check(model)
    assert [model.index(r, 4).data() for r in range(3)] == [
        "Eligible", "Excluded: 申請逾期", "Not screened"]
    assert model.index(0, 5).data() == "1"


def test_chart_paints_grouped_bars(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.set_data(ChartData("votes", ("甲", "乙"), ((3.0, 1.0), (4.0, 0.0)),
                             ("Stage 1", "Stage 2"), frozenset({0})))
    image = chart.grab().toImage()
    # Some pixel carries the first series' colour: the bars were drawn.
    colours = {image.pixelColor(x, y).name() for x in range(0, 400, 2) for y in range(0, 240, 2)}
    assert "#1f5f99" in colours and "#5b9bd5" in colours


def test_stv_result_shows_every_stage_in_the_page_language():
    from types import SimpleNamespace

    from ui.selection.result_view import chart_data, result_html

    result = {"pool": [{"name": "甲", "organisation": ""}, {"name": "乙", "organisation": ""}],
              "selected": [1], "candidates": ["甲", "乙"], "quota": "2.00000", "valid_votes": 3,
              "stages": [{"number": 1, "votes": ["2.00000", "1.00000"],
                          "non_transferable": "0.00000"},
                         {"number": 2, "votes": ["2.00000", "0.00000"],
                          "non_transferable": "1.00000"}]}
    detail = SimpleNamespace(result=result)
    html = result_html(detail)
    assert "Stage 2" in html and "Non-transferable" in html and "Quota 2.00000" in html
    chart = chart_data(detail)
    assert chart.series == ((2.0, 1.0), (2.0, 0.0)) and chart.selected == frozenset({0})
