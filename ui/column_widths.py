"""Columns that fit the table's width: one column of long text takes the room left, and
other long texts (a place, a meeting's title) give up width for it when the window is
narrow, so a list reads at 1200 px without sideways scrolling.

Columns are first sized to their contents (``ui.table_view.fit_columns``); narrow columns
(dates, counts, yes/no) keep that width. Whenever the table's width changes, the
``shrink`` columns are cut (never below ``floor_chars`` characters) until the ``stretch``
column gets what its texts need, or at least ``share`` of the width; it then stretches
to fill the rest. Once the
clerk drags a column's edge, their widths are kept as they left them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from ui.table_view import fit_columns

FLOOR_CHARS = 12  # a shrunk column still shows this many average characters
STRETCH_SHARE = 0.35  # of the width, for the column of long text, before any is cut


class ColumnWidths(QObject):
    def __init__(self, table: QTableView, stretch: int, shrink: Sequence[int] = (), *,
                 share: float = STRETCH_SHARE, floor_chars: int = FLOOR_CHARS):
        super().__init__(table)
        self.table, self.stretch, self.shrink = table, stretch, tuple(shrink)
        self.share = share
        self.floor = table.fontMetrics().averageCharWidth() * floor_chars
        self.natural: dict[int, int] = {}  # the shrink columns' widths for their contents
        self.wanted = 0  # the stretching column's (up to twice the usual limit)
        self.user_sized = False
        self._adjusting = False
        header = table.horizontalHeader()
        header.sectionResized.connect(self._resized)
        header.sortIndicatorChanged.connect(self._sorted)
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        """Size the columns to the rows shown (call once the first rows are in)."""
        header = self.table.horizontalHeader()
        self._adjusting = True
        try:
            # Before fitting: a stretching last section is not fitted, and when it stops
            # stretching it falls back to the default width, not to its contents'.
            header.setStretchLastSection(False)
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Interactive)
            fit_columns(self.table, wide=self.stretch)
            for column in range(header.count()):
                if column != header.sortIndicatorSection():
                    header.resizeSection(column, self._without_arrow(column))
            self.wanted = header.sectionSize(self.stretch)
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
            self.natural = {c: header.sectionSize(c) for c in self.shrink}
        finally:
            self._adjusting = False
        self.user_sized = False
        self.share_width()

    def _without_arrow(self, column: int) -> int:
        """Qt makes room for a sort arrow in every heading, though only the sorted
        column shows one: in a table of short values (counts, yes/no) that room is a
        quarter of the width. Other columns get their heading's text and values."""
        header = self.table.horizontalHeader()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        title = self.table.model().headerData(column, Qt.Orientation.Horizontal) or ""
        heading = header.fontMetrics().horizontalAdvance(str(title)) + 2 * margin + 4
        return min(header.sectionSize(column), max(heading, self.table.sizeHintForColumn(column)))

    def _sorted(self, column: int, _order) -> None:
        """The sorted column gets the room for its arrow, the one sorted before gives it
        back."""
        if self.user_sized or not self.natural:
            return
        header = self.table.horizontalHeader()
        self._adjusting = True
        try:
            for other in range(header.count()):
                if other == self.stretch or other in self.natural:
                    continue
                full = max(header.sectionSizeHint(other), self.table.sizeHintForColumn(other))
                size = full if other == column else self._without_arrow(other)
                header.resizeSection(other, min(size, max(full, header.sectionSize(other))))
        finally:
            self._adjusting = False
        self.share_width()

    def share_width(self) -> None:
        if not self.natural or self.user_sized:
            return
        header = self.table.horizontalHeader()
        available = self.table.viewport().width()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.stretch and c not in self.natural
                     and not header.isSectionHidden(c))
        # The long text gets what it needs, or at least its share of the width.
        target = min(self.wanted, int(available * self.share))
        excess = others + sum(self.natural.values()) + target - available
        # Each gives up width in proportion to what it has above the floor.
        slack = {c: max(0, natural - self.floor) for c, natural in self.natural.items()}
        cut = min(max(0, excess), sum(slack.values()))
        self._adjusting = True
        try:
            for column, natural in self.natural.items():
                give = cut * slack[column] // sum(slack.values()) if cut else 0
                header.resizeSection(column, natural - give)
        finally:
            self._adjusting = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        # Qt resizes the stretching column itself as the table's width changes.
        if not self._adjusting and column != self.stretch:
            self.user_sized = True

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            self.share_width()
        return False
