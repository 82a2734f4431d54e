"""What the main window shows while the database worker opens the store.

The window appears before SQLAlchemy is even imported (see ``ui/app.py``); this page
tells the clerk the program is working rather than leaving an empty pane. It reads
nothing and imports nothing beyond Qt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from secretariat.i18n import _
from ui.icons import app_icon

ICON_SIZE = 64
BAR_WIDTH = 240
MESSAGE_WIDTH = 520


class OpeningPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(_("Opening the database…"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        self.message = QLabel(_("Opening the database…"))
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.message.setFont(font)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: opening has no measurable steps
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(BAR_WIDTH)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (icon, self.message, self.bar):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)  # a little above the middle, where the eye rests

    def stop(self, text: str = "") -> None:
        """Opening ended without records to show: stop the busy bar and say ``text``
        instead (why the store was refused), or nothing (a dialog asks for the forum)."""
        self.bar.hide()
        self.message.setVisible(bool(text))
        self.message.setText(text)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message.setFixedWidth(MESSAGE_WIDTH)
        # A centred item ignores height-for-width: give the wrapped lines their room.
        self.message.setFixedHeight(self.message.heightForWidth(MESSAGE_WIDTH))
