"""The Co-creation records page on the demo forum: contributions newest first, overdue
ones marked in words and colour, a search after typing pauses; the model passes Qt's
model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.cocreation_helpers import DEMO_DAY
from tests.ui.window_helpers import settle
from ui.cocreation.actions import load_contributions
from ui.cocreation.model import OVERDUE_BACKGROUND, ContributionModel
from ui.cocreation.page import CocreationPage
from ui.language import apply_language
from ui.records.runner import SessionRunner


@pytest.fixture
def view(demo_store):
    return SessionRunner(demo_store).submit(
        lambda s: load_contributions(s, cycle_id=None, search="", today=DEMO_DAY))


def test_model_passes_the_tester_and_marks_overdue_rows(qtmodeltester, view):
    model = ContributionModel(today=DEMO_DAY)
    model.set_rows(view.rows)
    qtmodeltester.check(model)
    overdue = [n for n, row in enumerate(view.rows) if row.overdue_on(DEMO_DAY)]
    assert len(overdue) == view.overdue == 2
    index = model.index(overdue[0], ContributionModel.RESPONSE_COLUMN)
    assert index.data().startswith("Overdue since")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    answered = next(n for n, row in enumerate(view.rows) if row.responded_on)
    assert model.index(answered, ContributionModel.RESPONSE_COLUMN).data().startswith(
        "Answered")
    assert [row.received_on for row in view.rows] == sorted(
        (row.received_on for row in view.rows), reverse=True)


@pytest.fixture
def page(qtbot, demo_store):
    from ui.main_window import MainWindow

    apply_language("en")
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_load_done, timeout=15000):
        window.show()
    page = CocreationPage(window.context, window, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    page.refresh()
    settle(qtbot, window)
    page.main_window = window
    yield page
    window.worker.wait_idle()
    apply_language("en")


def test_the_search_runs_when_typing_pauses(qtbot, page):
    assert page.model.rowCount() == 40
    assert page.count_label.text() == "40 contributions in the cycle · 2 waiting past their 20 days"
    page.search_box.setText("預算透明")
    qtbot.waitUntil(lambda: page.model.rowCount() < 40, timeout=5000)
    settle(qtbot, page.main_window)
    rows = [page.model.row_at(n) for n in range(page.model.rowCount())]
    assert rows and all(row.topic == "預算透明" for row in rows)


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_the_page_in_both_languages(qtbot, page, tmp_path, language):
    import os
    from pathlib import Path

    from tests.ui.mnemonic_helpers import duplicates, mnemonics

    window = page.main_window
    window.switch_language(language)
    window.show_page("cocreation")
    settle(qtbot, window)
    assert duplicates(mnemonics(window, window.menuBar())) == {}
    shown = window.page("cocreation")
    shown.resize(1200, 700)
    folders = [tmp_path, *([Path(os.environ["COMPLIANCE_GRAB_DIR"])]
                           if os.environ.get("COMPLIANCE_GRAB_DIR") else [])]
    for folder in folders:
        assert window.grab().save(str(folder / f"cocreation-{language}.png"))
    assert shown.model.rowCount() == 40
