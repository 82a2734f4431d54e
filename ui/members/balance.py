"""Government / non-government balance of the seats on a date, with simple bars."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGridLayout, QGroupBox, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, current_language, format_date, format_number, format_percent
from secretariat.vocabulary import Side

SIDE_COLOURS = {Side.GOVERNMENT: QColor("#3b6ea8"), Side.NON_GOVERNMENT: QColor("#d08a2e")}
TRACK = QColor("#e4e4e4")


class ShareBar(QWidget):
    """Horizontal bar split into coloured shares (each 0..1)."""

    def __init__(self, parent: QWidget | None = None, height: int = 14):
        super().__init__(parent)
        self._parts: list[tuple[float, QColor]] = []
        self._height = height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_parts(self, parts: list[tuple[float, QColor]]) -> None:
        self._parts = parts
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(160, self._height)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(rect, 3, 3)
        x = rect.left()
        for share, colour in self._parts:
            width = rect.width() * max(0.0, min(1.0, share))
            painter.setBrush(colour)
            painter.drawRect(QRectF(x, rect.top(), width, rect.height()))
            x += width
        painter.end()


class BalancePanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(_("Balance of seats"), parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.side_bar = ShareBar(height=18)
        self.sectors = QGridLayout()
        self.sectors.setColumnStretch(0, 3)
        self.sectors.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.side_bar)
        layout.addLayout(self.sectors)
        # The table lists every membership; without this a clerk counting its rows
        # finds more people than the panel's seats.
        self.note = QLabel(_("Counts co-chairs and members. Alternates and observers are "
                             "listed in the table but not counted."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.note)
        # The fuller picture (attendance, vacancies, terms ending, quarters) on demand.
        self.details_button = QPushButton(_("Balance and &diversity…"), self)
        layout.addWidget(self.details_button)
        layout.addStretch(1)
        self.setMinimumWidth(300)

    def show_balance(self, balance) -> None:
        self.summary.setText(_(
            "On {date}: {total} seats held\n"
            "Government {government} ({government_share})\n"
            "Non-government {non_government} ({non_government_share})"
        ).format(
            date=format_date(balance.on),
            total=format_number(balance.total),
            government=format_number(balance.government),
            government_share=format_percent(balance.government_share),
            non_government=format_number(balance.non_government),
            non_government_share=format_percent(balance.non_government_share),
        ))
        self.side_bar.set_parts([
            (balance.government_share, SIDE_COLOURS[Side.GOVERNMENT]),
            (balance.non_government_share, SIDE_COLOURS[Side.NON_GOVERNMENT]),
        ])
        self._show_sectors(balance.by_sector)

    def _show_sectors(self, by_sector) -> None:
        while self.sectors.count():
            item = self.sectors.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        zh = current_language() == "zh_TW"
        for row, sector in enumerate(s for s in by_sector if s.count):
            name = QLabel(sector.name_zh_tw if zh else sector.name_en)
            name.setWordWrap(True)  # long English sector names wrap instead of clipping
            bar = ShareBar()
            bar.setMinimumWidth(50)
            bar.set_parts([(sector.share, SIDE_COLOURS[Side(sector.side)])])
            count = QLabel(f"{format_number(sector.count)} · {format_percent(sector.share)}")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.sectors.addWidget(name, row, 0)
            self.sectors.addWidget(bar, row, 1)
            self.sectors.addWidget(count, row, 2)
