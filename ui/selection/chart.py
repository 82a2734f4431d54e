"""A grouped bar chart drawn with QPainter: selection probabilities (LEXIMIN, one bar per
candidate) or the votes at the end of each stage (STV, one bar per stage for every
candidate, so the transfers show as bars growing and shrinking from stage to stage).

PySide6-Essentials does not ship QtCharts (``import PySide6.QtCharts`` fails), hence a
small chart of our own rather than a new dependency.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

_PALETTE = ("#1f5f99", "#5b9bd5", "#9dc3e6", "#f4b183", "#c55a11", "#70ad47", "#a9d18e",
            "#7f6000", "#bf9000", "#7030a0")
_SELECTED = QColor("#2e7d32")


@dataclass(frozen=True)
class ChartData:
    title: str
    labels: tuple[str, ...]                 # one per candidate
    series: tuple[tuple[float, ...], ...]   # one tuple of values per series
    series_names: tuple[str, ...] = ()
    selected: frozenset[int] = field(default_factory=frozenset)  # label indexes
    value_text: str = "{:.1f}"


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data: ChartData | None = None
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, data: ChartData | None) -> None:
        self.data = data
        self.setAccessibleDescription(data.title if data else "")
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        if not self.data or not self.data.labels or not self.data.series:
            return
        data = self.data
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        top = line * (2.6 if data.series_names else 1.6)
        left, right, bottom = 8, 8, line * 2.4
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRectF(0, 0, self.width(), line * 1.4),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, data.title)
        self._legend(painter, data, line)
        # Headroom above the tallest bar for its value label.
        highest = (max((v for values in data.series for v in values), default=0) or 1) * 1.12
        group = plot.width() / len(data.labels)
        bar = max(2.0, (group * 0.8) / len(data.series))
        for i, label in enumerate(data.labels):
            x0 = plot.left() + i * group + group * 0.1
            for k, values in enumerate(data.series):
                height = plot.height() * values[i] / highest
                rect = QRectF(x0 + k * bar, plot.bottom() - height, bar - 1, height)
                painter.fillRect(rect, QColor(_PALETTE[k % len(_PALETTE)]))
            if len(data.series) == 1:
                painter.drawText(QRectF(x0, plot.bottom() - plot.height() * data.series[0][i]
                                        / highest - line, group * 0.8, line),
                                 Qt.AlignmentFlag.AlignHCenter,
                                 data.value_text.format(data.series[0][i]))
            if i in data.selected:
                painter.setPen(QPen(_SELECTED, 2))
                painter.drawRect(QRectF(x0 - 2, plot.top(), group * 0.8 + 4, plot.height()))
                painter.setPen(self.palette().windowText().color())
            text = metrics.elidedText(("★ " if i in data.selected else "") + label,
                                      Qt.TextElideMode.ElideRight, int(group))
            painter.drawText(QRectF(plot.left() + i * group, plot.bottom() + 4, group, line * 2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.end()

    def _legend(self, painter: QPainter, data: ChartData, line: int) -> None:
        x = 8.0
        metrics = QFontMetrics(self.font())
        for k, name in enumerate(data.series_names):
            painter.fillRect(QRectF(x, line * 1.5, line * 0.8, line * 0.8),
                             QColor(_PALETTE[k % len(_PALETTE)]))
            painter.drawText(QRectF(x + line, line * 1.3, 200, line * 1.2),
                             Qt.AlignmentFlag.AlignLeft, name)
            x += line * 1.6 + metrics.horizontalAdvance(name)
