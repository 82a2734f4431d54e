"""The Standards compliance page on the demo forum: the grid counts statuses in words on
coloured grounds, a cell filters the requirements, a requirement shows its reason and
evidence, a meeting among the evidence opens; the models pass Qt's model tester. Screen
grabs in both languages go to the test's folder (and COMPLIANCE_GRAB_DIR if set)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from secretariat.compliance.result import Status
from secretariat.standards.catalogue import Element, Level
from secretariat.vocabulary import Phase
from tests.ui.window_helpers import settle
from ui.compliance.actions import load_dashboard
from ui.compliance.grid_model import GridModel
from ui.compliance.page import EVIDENCE_ROLE, CompliancePage
from ui.compliance.requirements_model import RequirementModel
from ui.language import apply_language
from ui.records.runner import SessionRunner

from tests.ui.cocreation_helpers import DEMO_NOW as NOW

DAY = NOW.date()


@pytest.fixture
def dashboard(demo_store):
    return SessionRunner(demo_store).submit(
        lambda s: load_dashboard(s, cycle_id=None, day=DAY))


def test_models_pass_the_model_tester(qtmodeltester, dashboard):
    grid = GridModel()
    grid.set_rows(dashboard.rows)
    qtmodeltester.check(grid)
    table = RequirementModel()
    table.set_rows(dashboard.rows)
    qtmodeltester.check(table)


def test_a_grid_cell_names_its_statuses_and_takes_the_worst_ground(dashboard):
    grid = GridModel()
    grid.set_rows(dashboard.rows)
    row = grid.lines.index((Phase.WHOLE_CYCLE, Level.BASIC))
    index = grid.index(row, list(Element).index(Element.INFORMATION))
    text = index.data()
    # seed.cycle.info.b1..b5: met, met, attested, not met (no repository), met
    assert "Not met: 1" in text and "Attested: 1" in text and "Met: 3" in text
    ground = index.data(Qt.ItemDataRole.BackgroundRole).color().name()
    from secretariat.compliance.result import STATUS_GROUNDS

    assert ground == STATUS_GROUNDS[Status.NOT_MET]


@pytest.fixture
def page(qtbot, demo_store):
    from ui.main_window import MainWindow

    apply_language("en")
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_load_done, timeout=15000):
        window.show()
    opened: list[int] = []
    page = CompliancePage(window.context, window, today=lambda: DAY,
                          open_meeting=opened.append)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    page.show()
    page.refresh()
    settle(qtbot, window)
    page.opened = opened
    page.main_window = window
    yield page
    window.worker.wait_idle()
    apply_language("en")


def test_choosing_a_cell_lists_its_requirements_with_reason_and_evidence(qtbot, page):
    assert page.model.rowCount() == 60
    grid = page.grid_model
    cell = grid.index(grid.lines.index((Phase.WHOLE_CYCLE, Level.BASIC)),
                      list(Element).index(Element.SPACES))
    page.grid.setCurrentIndex(cell)
    ids = [page.model.row_at(n).id for n in range(page.model.rowCount())]
    assert ids == [f"seed.cycle.spaces.b{n}" for n in range(1, 6)]
    page.table.selectRow(0)  # forum meetings at least quarterly
    assert "92 days" in page.detail.toPlainText()
    first = page.evidence.item(0)
    evidence = first.data(EVIDENCE_ROLE)
    assert evidence.kind == "meeting"
    page.evidence.itemActivated.emit(first)
    assert page.opened == [evidence.id]
    assert "REACHED" in page.summary.text() or "not reached" in page.summary.text()


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_grab_the_page_in_both_languages(qtbot, page, tmp_path, language):
    apply_language(language)
    rebuilt = CompliancePage(page.context, page.main_window, today=lambda: DAY)
    qtbot.addWidget(rebuilt)
    rebuilt.resize(1200, 800)
    rebuilt.show()
    rebuilt.refresh()
    settle(qtbot, page.main_window)
    rebuilt.grid.setCurrentIndex(rebuilt.grid_model.index(0, 0))
    rebuilt.table.selectRow(3)
    qtbot.wait(50)
    folders = [tmp_path, *([Path(os.environ["COMPLIANCE_GRAB_DIR"])]
                           if os.environ.get("COMPLIANCE_GRAB_DIR") else [])]
    for folder in folders:
        assert rebuilt.grab().save(str(folder / f"compliance-{language}.png"))
    assert rebuilt.model.rowCount() == 5


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_no_two_controls_share_an_alt_letter(qtbot, demo_store, language):
    from tests.ui.mnemonic_helpers import duplicates, mnemonics
    from ui.main_window import MainWindow

    apply_language("en")
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_load_done, timeout=15000):
        window.show()
    window.switch_language(language)
    window.show_page("compliance")
    settle(qtbot, window)
    assert duplicates(mnemonics(window, window.menuBar())) == {}
    window.worker.wait_idle()
    apply_language("en")
