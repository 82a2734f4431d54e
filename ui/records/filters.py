"""Small pieces the records pages share: a debounced text box, combo helpers, labels."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QTableView, QWidget,
)

from ui.column_widths import ColumnWidths

DEBOUNCE_MS = 250  # long enough to type a word, short enough to feel immediate


class DebouncedLineEdit(QLineEdit):
    """Emits ``settled(text)`` once typing pauses, or at once on Enter."""

    settled = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None,
                 delay_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self.flush)

    def flush(self) -> None:
        """Announce the current text now (tests and the Enter key skip the delay)."""
        self._timer.stop()
        self.settled.emit(self.text().strip())


def fit_placeholder(box: QLineEdit) -> None:
    """Keep a filter box wide enough to show its whole placeholder (with the clear button),
    however the other filters of the bar crowd it."""
    room = box.fontMetrics().horizontalAdvance(box.placeholderText())
    box.setMinimumWidth(room + box.fontMetrics().height() * 2)


def data_combo(choices: list[tuple[str, object]]) -> QComboBox:
    """A combo of (label, value) pairs; ``currentData()`` is the value."""
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)
    return combo


def labelled(layout: QHBoxLayout, text: str, widget: QWidget, stretch: int = 0) -> QWidget:
    """Add a caption with a mnemonic (``&``) and its widget to a filter bar."""
    caption = QLabel(text)
    caption.setBuddy(widget)
    layout.addWidget(caption)
    layout.addWidget(widget, stretch)
    return widget


def fit_with_stretch(table: QTableView, column: int, shrink: tuple[int, ...] = ()):
    """Fit columns to their values once; ``column`` (the long text) takes the room left,
    and the ``shrink`` columns give up width for it when the table is narrow
    (``ui.column_widths``). Returns the object that keeps them so."""
    widths = ColumnWidths(table, column, shrink)
    widths.fit()
    return widths
