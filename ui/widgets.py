"""Small input widgets shared by dialogs and pages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from ui.roc_dates import RocDateEdit


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(value: dt.date | None = None) -> QDateEdit:
    """A date with its calendar; 民國 years when the preference asks (``ui.roc_dates``)."""
    edit = RocDateEdit(to_qdate(value or dt.date.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")  # unambiguous in both languages
    return edit


class OptionalDateEdit(QWidget):
    """A date that may be left open (e.g. a term without a fixed end)."""

    changed = Signal()

    def __init__(self, check_text: str, value: dt.date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.enabled_box = QCheckBox(check_text)
        self.edit = date_edit(value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.edit, 1)
        self.enabled_box.toggled.connect(self.edit.setEnabled)
        self.enabled_box.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.set_value(value)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.enabled_box.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.enabled_box.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))


def enum_combo(enum_cls, current=None) -> QComboBox:
    """A combo of a LabelledEnum's members, showing their translated labels."""
    combo = QComboBox()
    for member in enum_cls:
        combo.addItem(_(member.label), member)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))
    return combo


def select_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def grow_to_fit(window: QWidget) -> None:
    """Make a shown window tall enough for its contents at its current width.

    A window sizes itself when first shown; a wrapped label whose text later grows gets
    more lines but not the height for them (Qt does not ask a window's layout for its
    height-for-width again), and its last lines are cut off."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if needed > window.height():
        window.resize(width, needed)


def table_box(title: str, table: QWidget, buttons) -> QGroupBox:
    """A titled group: a row of buttons over the table they act on (the meeting editor's
    Decisions and Conflicts of interest tabs)."""
    box = QGroupBox(title)
    column = QVBoxLayout(box)
    bar = QHBoxLayout()
    for button in buttons:
        bar.addWidget(button)
    bar.addStretch(1)
    column.addLayout(bar)
    column.addWidget(table, 1)
    return box
