"""Date and date-time editors that follow the 民國 (ROC years) preference.

With 民國 years on (Chinese, ``i18n.roc_years()``) when the display format is set, the
editors show ``民國 115-03-02`` (``民國 115-03-02 14:00``) and read what is typed the
same way, with or without 民國; a four-digit year is still read as a Gregorian one, so
``2026-03-02`` works too. Otherwise they are Qt's own editors of that format.

Qt finds the section under the cursor (for the arrow keys) by the positions of its own
display format: in 民國 mode that format is ``'民國'yyyy-MM-dd``, and the year is written
in the four places of ``yyyy`` (``民國 115``, ``民國  79``), so every section is where
Qt looks for it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, QSignalBlocker, QSize, Qt, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from secretariat.i18n import roc_years
from secretariat.roc import ROC_EPOCH

_DATE = r"\s*(?:民國\s*)?(\d{1,4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
_TIME = r"\s+(\d{1,2})\s*[:：]\s*(\d{2})"
ROC_PREFIX = "民國"
_TYPING = re.compile(r"^[\s\d民國\-/.年月日:：]*$")  # what may still become a date


class _RocText:
    """The text half of a QDateTimeEdit subclass (mixed in before the Qt class)."""

    with_time = False
    _pattern = re.compile("^" + _DATE + r"\s*$")
    roc = False  # showing 民國 years: decided when the display format is set

    def setDisplayFormat(self, format: str) -> None:
        self.roc = roc_years()
        super().setDisplayFormat(f"'{ROC_PREFIX}'{format}" if self.roc else format)
        if self.roc:  # before 民國元年 there is no 民國 year to show
            self.setMinimumDate(QDate(ROC_EPOCH + 1, 1, 1))
            self.setKeyboardTracking(False)  # what is typed is read whole (keyPressEvent)

    def keyPressEvent(self, event) -> None:
        """In 民國 mode what is typed goes into the text as typed, and is read whole on
        Enter or on leaving the box. Qt's own typing fills the sections of its format
        (a four-digit year), and resets a half-typed date whenever the cursor crosses
        into another section; its line edit is therefore edited with its signals
        blocked. The arrow keys (stepping a section), Enter and the rest are Qt's."""
        text, key = event.text(), event.key()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                         | Qt.KeyboardModifier.KeypadModifier)
        edit = self.lineEdit()
        typing = plain and bool(text) and text.isprintable()
        erasing = plain and key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
        if not self.roc or not (typing or erasing):
            super().keyPressEvent(event)
            return
        with QSignalBlocker(edit):
            if typing:
                edit.insert(text)
            elif key == Qt.Key.Key_Backspace:
                edit.backspace()
            else:
                edit.del_()
        event.accept()

    def textFromDateTime(self, value: QDateTime) -> str:
        date = value.date()
        if not self.roc:
            return super().textFromDateTime(value)
        text = f"{ROC_PREFIX}{date.year() - ROC_EPOCH:>4}-{date.month():02d}-{date.day():02d}"
        if self.with_time:
            text += f" {value.time().hour():02d}:{value.time().minute():02d}"
        return text

    def _read(self, text: str) -> QDateTime | None:
        found = self._pattern.match(text)
        if found is None:
            return None
        year, month, day, *clock = (int(part) for part in found.groups())
        if year < 1000:  # three digits or fewer: a 民國 year
            year += ROC_EPOCH
        date = QDate(year, month, day)
        time = QTime(*clock) if clock else self.time()
        if not date.isValid() or not time.isValid():
            return None
        return QDateTime(date, time)

    def dateTimeFromText(self, text: str) -> QDateTime:
        if self.roc:
            value = self._read(text)
            if value is not None:
                return value
        return super().dateTimeFromText(text)

    def validate(self, text: str, position: int):
        if not self.roc:
            return super().validate(text, position)
        value = self._read(text)
        if value is not None and self.minimumDateTime() <= value <= self.maximumDateTime():
            return QValidator.State.Acceptable, text, position
        if _TYPING.match(text):
            return QValidator.State.Intermediate, text, position
        return QValidator.State.Invalid, text, position

    def fixup(self, text: str) -> str:
        return text if not self.roc else self.textFromDateTime(self.dateTime())

    def sizeHint(self) -> QSize:
        return self._widened(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._widened(super().minimumSizeHint())

    def _widened(self, size: QSize) -> QSize:
        """Qt sizes the box for its display format; the 民國 text may be wider."""
        if not self.roc:
            return size
        metrics = self.fontMetrics()
        extra = metrics.horizontalAdvance(self.textFromDateTime(self.dateTime())) \
            - metrics.horizontalAdvance(self.dateTime().toString(self.displayFormat()))
        return QSize(size.width() + max(0, extra), size.height())


class RocDateEdit(_RocText, QDateEdit):
    pass


class RocDateTimeEdit(_RocText, QDateTimeEdit):
    with_time = True
    _pattern = re.compile("^" + _DATE + _TIME + r"\s*$")
