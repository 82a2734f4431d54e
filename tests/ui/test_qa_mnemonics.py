"""No two visible controls share an Alt+letter, in either language.

When they do, Qt only moves the focus between them: Alt+E on the members page neither
opened the Edit menu nor the Edit… dialog, and Alt+S never reached the Settings menu.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

from tests.ui.conftest import settle
from ui.language import apply_language

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(root: QWidget, menu_bar=None) -> Counter:
    texts = [a.text() for a in menu_bar.actions()] if menu_bar is not None else []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
    return Counter(m.group(1).lower() for t in texts for m in [_MNEMONIC.search(t)] if m)


def duplicates(counter: Counter) -> dict[str, int]:
    return {key: n for key, n in counter.items() if n > 1}


@pytest.fixture(params=["en", "zh_TW"])
def language(request, qtbot, window):
    window.switch_language(request.param)
    settle(qtbot, window)
    yield request.param
    apply_language("en")


@pytest.mark.parametrize("page", ["members", "meetings"])
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
