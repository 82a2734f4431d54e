"""The decision log page: every decision of every meeting, filtered and sorted in SQL."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from secretariat.i18n import (
    _, format_date, format_number, format_year, localized, ngettext,
)
from secretariat.vocabulary import DecisionMethod
from ui.errors import show_error
from ui.changes import ChangeKind, Changes
from ui.records import open_record
from ui.records.decision_model import MEETING_COLUMN, TEXT_COLUMN, DecisionLogModel
from ui.records.filters import (
    DebouncedLineEdit, data_combo, fit_placeholder, fit_with_stretch, labelled,
)
from ui.records.actions import DecisionQuery, load_meeting_choices
from ui.table_model import ROW_ROLE
from ui.table_view import make_table

ANY = None  # the "all" entry of each filter combo


def count_text(count: int) -> str:
    return ngettext("{count} decision", "{count} decisions", count).format(
        count=format_number(count))


def meeting_label(choice) -> str:
    title = localized(choice.title, choice.title_en)
    return f"{format_date(choice.local_date)}  {title}"


class DecisionLogPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None, *,
                 open_meeting: Callable[[int], None] | None = None):
        super().__init__(parent)
        self.context = context
        self.open_meeting = open_meeting or (
            lambda meeting_id: open_record.open_meeting(self, context, meeting_id))
        self.model = DecisionLogModel(context.worker, self)
        self._meetings: list = []
        self._sized = False
        self._build()
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(lambda error: show_error(self, error))
        self.model.sort_ignored.connect(self._show_sort)
        self.table.activated.connect(self._activated)
        context.worker.changed.connect(self._on_change)

    def _build(self) -> None:
        self.search_box = DebouncedLineEdit(
            _("Filter by number, text or rationale… (Ctrl+F)"))
        fit_placeholder(self.search_box)
        self.year_combo = data_combo([(_("All years"), ANY)])
        self.method_combo = data_combo(
            [(_("All methods"), ANY)] + [(_(m.label), m.value) for m in DecisionMethod])
        self.public_combo = data_combo(
            [(_("Public and private"), ANY), (_("Public"), True), (_("Private"), False)])
        self.meeting_combo = data_combo([(_("All meetings"), ANY)])
        self.meeting_combo.setMinimumContentsLength(14)  # it takes the spare width
        self.meeting_combo.setSizeAdjustPolicy(
            self.meeting_combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # The text filter has a row of its own: beside four combos it was squeezed to
        # "Filt…" on a laptop, and the row made the window wider than the screen.
        bar = QHBoxLayout()
        labelled(bar, _("&Year:"), self.year_combo)
        # Alt+H and Alt+V belong to the Help and View menus.
        labelled(bar, _("&Method:"), self.method_combo)
        labelled(bar, _("Vis&ibility:"), self.public_combo)
        labelled(bar, _("Mee&ting:"), self.meeting_combo, 1)
        self.table = make_table(self.model, self)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._show_sort()

        self.search_box.settled.connect(lambda _t: self.apply_filters())
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        for combo in (self.method_combo, self.public_combo, self.meeting_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_box.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.context.worker.submit(load_meeting_choices, self._meetings_loaded)
        self.model.reload()

    # Rows show the decision and its meeting (title, date; the meeting filter lists them).
    WANTS = ChangeKind.DECISION | ChangeKind.MEETING

    def _on_change(self, changes: Changes) -> None:
        if changes.touches(self.WANTS):
            self.refresh()

    def _loaded(self) -> None:
        self.count_label.setText(count_text(self.model.total))
        if not self._sized and self.model.rowCount():
            # The decision's text reads best; meetings' titles give up width for it.
            self.widths = fit_with_stretch(self.table, TEXT_COLUMN, (MEETING_COLUMN,))
            self._sized = True

    def _meetings_loaded(self, meetings: list) -> None:
        self._meetings = meetings
        years = sorted({m.local_date.year for m in meetings}, reverse=True)
        _refill(self.year_combo, [(_("All years"), ANY)] + [(format_year(y), y) for y in years])
        self._fill_meetings()

    def _fill_meetings(self) -> None:
        year = self.year_combo.currentData()
        shown = [m for m in self._meetings if year is None or m.local_date.year == year]
        _refill(self.meeting_combo,
                [(_("All meetings"), ANY)] + [(meeting_label(m), m.id) for m in shown])

    # -- filters and sorting ----------------------------------------------------------------
    def _year_changed(self, _index: int) -> None:
        self._fill_meetings()  # only that year's meetings are offered
        self.apply_filters()

    def apply_filters(self) -> None:
        self.model.set_query(DecisionQuery(
            search=self.search_box.text().strip(),
            year=self.year_combo.currentData(),
            method=self.method_combo.currentData(),
            is_public=self.public_combo.currentData(),
            meeting_id=self.meeting_combo.currentData(),
            sort=self.model.query.sort, descending=self.model.query.descending))

    def _show_sort(self) -> None:
        """Put the header's arrow back on the column the rows are really sorted by."""
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.blockSignals(False)
        header.viewport().update()

    # -- opening ------------------------------------------------------------------------
    def selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _activated(self, index) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_meeting(row.meeting_id)


def _refill(combo, choices: list[tuple[str, object]]) -> None:
    """Replace a combo's entries, keeping the chosen value when it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for label, value in choices:
        combo.addItem(label, value)
    index = 0 if current is None else combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)
    if index < 0 and current is not None:
        combo.currentIndexChanged.emit(0)  # the filter it held is gone: show everything
