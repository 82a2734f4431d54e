"""A plain-text box as tall as its text, for forms that scroll as a whole.

A fixed-height box with its own scrollbar inside a scrolling pane scrolls twice: the
wheel moves the box or the pane depending on where the pointer is, and a long text is
read through a slot a few lines high. This box has no vertical scrollbar: it grows (and
shrinks, never below ``min_lines``) with its text at its width, and the pane around it
scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QTextEdit, QWidget


class GrowingTextEdit(QTextEdit):
    """Plain text only (pasted formatting is dropped), as ``QPlainTextEdit``."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, min_lines: int = 4):
        super().__init__(parent)
        self.min_lines = min_lines
        self.setAcceptRichText(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setPlainText(text)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def content_height(self) -> int:
        """The height that shows every line of the text at the current width."""
        margins = self.contentsMargins()
        lines = self.fontMetrics().lineSpacing() * self.min_lines \
            + 2 * self.document().documentMargin()
        text = max(self.document().size().height(), lines)
        return int(text + 0.5) + margins.top() + margins.bottom()

    def _fit(self) -> None:
        height = self.content_height()
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.content_height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()  # more or fewer lines at the new width
