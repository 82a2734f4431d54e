"""The "Co-creation records" page: a cycle's contributions, newest first (the first
``PAGE_ROWS``), a search over all of them, and how many wait past their 20 days."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from secretariat.i18n import _, format_number, ngettext
from ui.changes import Changes
from ui.cocreation.actions import load_contributions
from ui.cocreation.model import ContributionModel
from ui.errors import show_error
from ui.records.filters import fit_with_stretch, labelled
from ui.table_view import make_proxy, make_table

SEARCH_PAUSE_MS = 250  # search once typing pauses, not on every key


class CocreationPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today):
        super().__init__(parent)
        self.context = context
        self.today = today
        self.model = ContributionModel(self, today())
        self.proxy = make_proxy(self.model, self)
        self.view = None
        self._sized = False
        self._build()
        context.worker.changed.connect(self._on_change)

    def _build(self) -> None:
        self.cycle_combo = QComboBox()
        self.cycle_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(_("Search contributions… (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        bar = QHBoxLayout()
        labelled(bar, _("C&ycle:"), self.cycle_combo)
        bar.addWidget(self.search_box, 1)
        self.table = make_table(self.proxy, self)
        self.table.setAccessibleName(_("Contributions"))
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(lambda _t: self._pause.start())
        self.cycle_combo.activated.connect(lambda _i: self.refresh())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_box.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def refresh(self) -> None:
        cycle_id, search, today = (self.cycle_combo.currentData(), self.search_box.text(),
                                   self.today())
        self.context.worker.submit(
            lambda s: load_contributions(s, cycle_id=cycle_id, search=search, today=today),
            self._show, lambda e: show_error(self, e))

    def _show(self, view) -> None:
        self.view = view
        self.cycle_combo.blockSignals(True)
        self.cycle_combo.clear()
        for cycle_id, name in view.cycles:
            self.cycle_combo.addItem(name, cycle_id)
        if view.cycle_id is not None:
            self.cycle_combo.setCurrentIndex(self.cycle_combo.findData(view.cycle_id))
        self.cycle_combo.blockSignals(False)
        self.model.today = self.today()
        self.model.set_rows(view.rows)
        if not self._sized and view.rows:
            fit_with_stretch(self.table, ContributionModel.TEXT_COLUMN)
            self._sized = True
        self.count_label.setText(self.summary_text(view))

    def summary_text(self, view) -> str:
        if view.cycle_id is None:
            return _("No action-plan cycle is recorded yet; record one first.")
        text = ngettext("{count} contribution in the cycle", "{count} contributions in the cycle",
                        view.total).format(count=format_number(view.total))
        if len(view.rows) < view.total:
            text += " · " + _("showing {shown}").format(shown=format_number(len(view.rows)))
        if view.overdue:
            text += " · " + ngettext("{count} waiting past its 20 days",
                                     "{count} waiting past their 20 days",
                                     view.overdue).format(count=format_number(view.overdue))
        return text

    def _on_change(self, changes: Changes) -> None:
        if changes.kinds:
            self.refresh()
