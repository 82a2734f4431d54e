"""The "Standards compliance" page.

A bar chooses the cycle and the day judged; below it, the early-warning triggers and what
falls due soon; the phase × element grid; the requirements of the chosen cell; and the
chosen requirement's reason, what would make it met, and its evidence. A meeting among
the evidence opens in the meeting editor (Enter or double-click).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget,
)

from secretariat.compliance.result import EVIDENCE_KINDS
from secretariat.i18n import _, current_language, format_date, format_number
from ui.changes import Changes
from ui.compliance.actions import load_dashboard
from ui.compliance.grid_model import CELL_ROLE, GridModel
from ui.compliance.requirements_model import RequirementModel, requirement_text
from ui.errors import show_error
from ui.records import open_record
from ui.records.filters import labelled
from ui.table_model import ROW_ROLE
from ui.table_view import make_proxy, make_table

EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 20


class CompliancePage(QWidget):
    def __init__(self, context, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today,
                 open_meeting: Callable[[int], None] | None = None):
        super().__init__(parent)
        self.context = context
        self.today = today
        self.open_meeting = open_meeting or (
            lambda meeting_id: open_record.open_meeting(self, context, meeting_id))
        self.data = None
        self._cell = None  # (phase, level, element) chosen in the grid, or None: all
        self._stale = False
        self._build()
        context.worker.changed.connect(self._on_change)

    def _build(self) -> None:
        self.cycle_combo = QComboBox()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        day = self.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        bar = QHBoxLayout()
        labelled(bar, _("C&ycle:"), self.cycle_combo, 1)
        labelled(bar, _("&As of:"), self.date_edit)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.grid_model = GridModel(self)
        self.grid = QTableView(self)
        self.grid.setModel(self.grid_model)
        self.grid.setAccessibleName(_("Requirements by phase and element"))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.model = RequirementModel(self)
        self.proxy = make_proxy(self.model, self)
        self.table = make_table(self.proxy, self)
        self.table.setAccessibleName(_("Requirements"))
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(_("Requirement details"))
        self.evidence = QListWidget(self)
        self.evidence.setAccessibleName(_("Evidence"))
        self.evidence_label = QLabel(_("Evi&dence (Enter opens a meeting):"))
        self.evidence_label.setBuddy(self.evidence)

        details = QWidget(self)
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail, 2)
        column.addWidget(self.evidence_label)
        column.addWidget(self.evidence, 1)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.table)
        lower.addWidget(details)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.grid)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 400])  # the grid's six lines whole, on a laptop screen
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

        self.cycle_combo.activated.connect(lambda _i: self.refresh())
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.grid.selectionModel().currentChanged.connect(self._cell_chosen)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.evidence.itemActivated.connect(self._evidence_activated)

    # -- loading ------------------------------------------------------------------------
    def day(self) -> dt.date:
        date = self.date_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    def refresh(self) -> None:
        cycle_id, day = self.cycle_combo.currentData(), self.day()
        self.context.worker.submit(lambda s: load_dashboard(s, cycle_id=cycle_id, day=day),
                                   self._show, lambda e: show_error(self, e))

    def _show(self, data) -> None:
        self.data = data
        self.cycle_combo.blockSignals(True)
        self.cycle_combo.clear()
        for cycle_id, name in data.cycles:
            self.cycle_combo.addItem(name, cycle_id)
        if data.cycle_id is not None:
            self.cycle_combo.setCurrentIndex(self.cycle_combo.findData(data.cycle_id))
        self.cycle_combo.blockSignals(False)
        self.grid_model.set_rows(data.rows)
        self._fill_table()
        self.summary.setText(self._summary_text(data))

    def _summary_text(self, data) -> str:
        if data.cycle_id is None:
            return _("No action-plan cycle is recorded yet; record one first.")
        language = current_language()
        title = data.catalogue_title[0 if language == "zh_TW" else 1]
        lines = [_("{catalogue}, as of {day}").format(catalogue=title,
                                                     day=format_date(data.day))]
        for reached, message in data.warnings:
            mark = _("REACHED") if reached else _("not reached")
            lines.append(f"[{mark}] {message.text()}")
        lines += [message.text() for message in data.due_soon]
        return "\n".join(lines)

    def _fill_table(self) -> None:
        rows = self.data.rows if self.data else []
        if self._cell is not None:
            phase, level, element = self._cell
            rows = [r for r in rows if r.phase == phase.value and r.level == level.value
                    and r.element == element.value]
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RequirementModel.STATUS_COLUMN,
                                    QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RequirementModel.REASON_COLUMN,
                                    QHeaderView.ResizeMode.Stretch)
        if rows:
            self.table.selectRow(0)
        self._show_detail()

    def _cell_chosen(self, current, _previous) -> None:
        self._cell = current.data(CELL_ROLE) if current.isValid() else None
        self._fill_table()

    def _on_change(self, changes: Changes) -> None:
        # Any record may decide a requirement: every change reloads the judgement, at
        # once if the page is shown, else when it is next shown (judging a large cycle
        # takes a good part of a second).
        if not changes.kinds:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    # -- one requirement ------------------------------------------------------------------
    def selected(self):
        index = self.table.selectionModel().currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _show_detail(self) -> None:
        row = self.selected()
        self.evidence.clear()
        if row is None:
            self.detail.setPlainText("")
            return
        parts = [f"{row.id} · {_(row.status.label)}", requirement_text(row), "",
                 row.explanation.text()]
        if row.remedy is not None:
            parts += ["", _("To meet it: {remedy}").format(remedy=row.remedy.text())]
        self.detail.setPlainText("\n".join(parts))
        for evidence in row.evidence:
            words = f"{_(EVIDENCE_KINDS[evidence.kind])} {evidence.id}"
            if evidence.day is not None:
                words += f" · {format_date(evidence.day)}"
            if not evidence.ok:
                words += " · " + _("against")
            item = QListWidgetItem(words)
            item.setData(EVIDENCE_ROLE, evidence)
            self.evidence.addItem(item)
        if row.evidence_total > len(row.evidence):
            self.evidence.addItem(_("(and {count} more)").format(
                count=format_number(row.evidence_total - len(row.evidence))))

    def _evidence_activated(self, item: QListWidgetItem) -> None:
        evidence = item.data(EVIDENCE_ROLE)
        if evidence is not None and evidence.kind == "meeting":
            self.open_meeting(evidence.id)
