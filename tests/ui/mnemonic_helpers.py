"""The Alt+letter mnemonics of a window's visible controls (and its menu bar), counted, so a
test can find two controls that share one."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

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
