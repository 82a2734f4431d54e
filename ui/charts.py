"""A stacked bar chart drawn with QPainter, for the balance of the forum over time.

Qt Charts ships in PySide6-Addons (a 175 MB wheel) rather than the Essentials wheel the
program depends on, so this small painter does the one chart kind needed. Colour is
never the only carrier of meaning: every bar is labelled with its numbers, the legend
names the series, and the accessible description reads the whole chart as text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class StackedBarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._categories: list[str] = []
        self._series: list[tuple[str, QColor, list[int]]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(220)

    def set_data(self, categories: Sequence[str],
                 series: Sequence[tuple[str, QColor, Sequence[int]]], description: str) -> None:
        self._categories = list(categories)
        self._series = [(name, colour, list(values)) for name, colour, values in series]
        self.setAccessibleDescription(description)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        legend_height = line + 8
        # Category labels may take two lines ("2026" over "Q3").
        area = QRectF(self.rect()).adjusted(8, legend_height, -8, -(2 * line + 8))
        self._paint_legend(painter, metrics)
        count = len(self._categories)
        if not count:
            painter.end()
            return
        totals = [sum(values[i] for _n, _c, values in self._series) for i in range(count)]
        top = max(totals + [1])
        slot = area.width() / count
        width = min(slot * 0.7, 60.0)
        for i, category in enumerate(self._categories):
            x = area.left() + slot * i + (slot - width) / 2
            y = area.bottom()
            for _name, colour, values in self._series:
                height = area.height() * values[i] / top
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRect(QRectF(x, y - height, width, height))
                if values[i] and height >= line:
                    # Dark figures on light bars, white on dark ones: readable either way.
                    painter.setPen(QColor("black") if colour.lightnessF() > 0.45
                                   else QColor("white"))
                    painter.drawText(QRectF(x, y - height, width, height),
                                     Qt.AlignmentFlag.AlignCenter, str(values[i]))
                y -= height
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(area.left() + slot * i, area.bottom() + 4, slot, 2 * line),
                             Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, category)
        painter.end()

    def _paint_legend(self, painter: QPainter, metrics: QFontMetrics) -> None:
        x = 8.0
        for name, colour, _values in self._series:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRectF(x, 4, 12, 12))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x + 16, 0, metrics.horizontalAdvance(name) + 4,
                                    metrics.height() + 4), Qt.AlignmentFlag.AlignVCenter, name)
            x += 16 + metrics.horizontalAdvance(name) + 16
