"""No two visible controls share an Alt+letter, in either language.

When they do, Qt only moves the focus between them: Alt+E on the members page neither
opened the Edit menu nor the Edit… dialog, and Alt+S never reached the Settings menu.
"""

from __future__ import annotations

import pytest

from tests.ui.mnemonic_helpers import duplicates, mnemonics
from tests.ui.window_helpers import settle
from ui.language import apply_language


@pytest.fixture(params=["en", "zh_TW"])
def language(request, qtbot, window):
    window.switch_language(request.param)
    settle(qtbot, window)
    yield request.param
    apply_language("en")


@pytest.mark.parametrize("page", ["members", "meetings", "evidence", "selection"])
def test_main_window_pages(qtbot, window, language, page):
    window.show_page(page)
    settle(qtbot, window)
    assert duplicates(mnemonics(window, window.menuBar())) == {}


@pytest.mark.parametrize("tab", ["show_decisions", "show_actions"])
def test_records_pages(qtbot, window, language, tab):
    """The decision log and action items tabs, with the menu bar and the tab bar."""
    window.show_page("minutes")
    getattr(window.page("minutes"), tab)()
    settle(qtbot, window)
    assert duplicates(mnemonics(window, window.menuBar())) == {}


def test_member_dialog(qtbot, window, language):
    dialog = window.page("members").add_member()
    assert duplicates(mnemonics(dialog)) == {}


def test_welcome_dialog(qtbot, window, language):
    from ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(window.worker, window)
    qtbot.addWidget(dialog)
    assert duplicates(mnemonics(dialog)) == {}
