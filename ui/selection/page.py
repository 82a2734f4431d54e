"""Member selection: the rounds on the left; for the chosen round its candidates with
their screening, the method's inputs, and the result with a chart. The method runs as a
long job on the worker's compute pool (progress and cancel; other edits go on meanwhile).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QInputDialog, QLabel, QProgressBar, QPushButton, QSplitter,
    QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, localized
from secretariat.selection.round_vocabulary import RoundStatus
from ui.changes import ChangeKind
from ui.list_page import RecordListPage
from ui.selection.chart import BarChart
from ui.selection.model import CandidateTableModel, RoundTableModel
from ui.table_model import ROW_ROLE
from ui.table_view import fit_columns, make_proxy, make_table
from ui.selection.building import RoundBuilding
from ui.selection.lifecycle import RoundLifecycle
from ui.undo import CommandContext, run_then_push


def _ops():
    from ui.selection import actions

    return actions


class SelectionPage(RoundBuilding, RoundLifecycle, RecordListPage):
    kind = ChangeKind.SELECTION
    wants = ChangeKind.SELECTION

    def __init__(self, context: CommandContext, parent: QWidget | None = None):
        super().__init__(context, RoundTableModel(), parent,
                         filter_hint=_("Filter rounds (Ctrl+F)"),
                         new_record=lambda: self.new_round())
        self.detail = None
        self.run_job = None
        self.last_error: BaseException | None = None
        self._build()

    def _build(self) -> None:
        self.run_button = QPushButton(_("Run the &method"))
        self.cancel_button = QPushButton(_("&Cancel run"))
        self.decide_button = QPushButton(_("&Decide"))
        self.undo_decide_button = QPushButton(_("&Undo decision"))
        self.publish_button = QPushButton(_("&Publish"))
        self.export_button = QPushButton(_("S&ave report and data…"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        bar = QHBoxLayout()
        for button in (self.run_button, self.cancel_button, self.decide_button,
                       self.undo_decide_button, self.publish_button, self.export_button):
            bar.addWidget(button)
        bar.addWidget(self.progress, 1)
        build_bar = self.build_controls()

        self.candidates = CandidateTableModel(self)
        self.candidate_table = make_table(make_proxy(self.candidates, self), self)
        self.eligible_button = QPushButton(_("Mark eligi&ble"))
        self.exclude_button = QPushButton(_("E&xclude…"))
        candidate_tab = QWidget()
        tab_layout = QVBoxLayout(candidate_tab)
        buttons = QHBoxLayout()
        buttons.addWidget(self.eligible_button)
        buttons.addWidget(self.exclude_button)
        buttons.addStretch(1)
        tab_layout.addLayout(buttons)
        tab_layout.addWidget(self.candidate_table)
        self.inputs = QTextBrowser()
        result_tab = QWidget()
        result_layout = QVBoxLayout(result_tab)
        self.chart = BarChart(result_tab)
        self.result_text = QTextBrowser()
        result_layout.addWidget(self.chart, 3)
        result_layout.addWidget(self.result_text, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(candidate_tab, _("Candidates and screening"))
        self.tabs.addTab(self.inputs, _("The method's inputs"))
        self.tabs.addTab(result_tab, _("Result"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_box)
        left_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 960])
        layout = QVBoxLayout(self)
        layout.addLayout(build_bar)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

        self.run_button.clicked.connect(self.run_method)
        self.cancel_button.clicked.connect(self.cancel_run)
        self.decide_button.clicked.connect(self.decide)
        self.undo_decide_button.clicked.connect(self.undo_decision)
        self.publish_button.clicked.connect(self.publish)
        self.export_button.clicked.connect(lambda: self.export_report())
        self.eligible_button.clicked.connect(lambda: self.screen_selected(True))
        self.exclude_button.clicked.connect(lambda: self.screen_selected(False))
        self.candidate_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._load_detail())
        self._update_buttons()

    # -- loading -------------------------------------------------------------------
    def refresh(self) -> None:
        self.context.worker.submit(_ops().load_rounds, self._show_rounds)

    def _show_rounds(self, rows) -> None:
        self.show_rows(rows, _("No selection rounds yet. Use New round… (Ctrl+N) to open "
                               "one."))
        if self.selected_id() is None and rows:
            self.select(rows[0].id)
        self._load_detail()

    def _update_buttons(self) -> None:
        status = self.detail.row.status if self.detail else None
        running = self.run_job is not None
        self.run_button.setEnabled(status == RoundStatus.CLOSED and not running)
        self.cancel_button.setEnabled(running)
        has_result = bool(self.detail and self.detail.result)
        self.decide_button.setEnabled(status == RoundStatus.CLOSED and has_result and not running)
        self.undo_decide_button.setEnabled(status == RoundStatus.DECIDED)
        self.publish_button.setEnabled(status == RoundStatus.DECIDED)
        self.export_button.setEnabled(has_result)
        self.update_build_controls(status)
        open_for_screening = status in (RoundStatus.DRAFT, RoundStatus.CALL_OPEN,
                                        RoundStatus.CLOSED)
        chosen = self._selected_candidate() is not None
        self.eligible_button.setEnabled(open_for_screening and chosen)
        self.exclude_button.setEnabled(open_for_screening and chosen)

    def _load_detail(self) -> None:
        round_id = self.selected_id()
        if round_id is None:
            self.detail = None
            return
        self.context.worker.submit(lambda s: _ops().load_round(s, round_id), self._show_detail)

    def _show_detail(self, detail) -> None:
        from ui.selection.result_view import chart_data, inputs_html, result_html

        self.detail = detail
        self.candidates.set_rows(list(detail.candidates))
        fit_columns(self.candidate_table)
        self.inputs.setHtml(inputs_html(detail))
        self.result_text.setHtml(result_html(detail))
        self.chart.set_data(chart_data(detail))
        self.status.setText(_("{title}: {status} · {method}").format(
            title=localized(detail.row.title, detail.row.title_en), status=_(detail.row.status.label),
            method=_(detail.row.method.label)))
        self._update_buttons()

    def _selected_candidate(self):
        rows = self.candidate_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _failed(self, error: BaseException) -> None:
        from ui.errors import error_text

        self.last_error = error
        self.status.setText(error_text(error))

    # -- actions ---------------------------------------------------------------------
    def screen_selected(self, eligible: bool, reason: str | None = None) -> None:
        row = self._selected_candidate()
        if row is None or self.detail is None:
            return
        if not eligible and reason is None:
            reason, ok = QInputDialog.getText(self, _("Exclude candidate"),
                                              _("Reason (published with the result):"))
            if not ok:
                return
        from ui.selection.actions import Screening
        from ui.selection.undo import ScreenCandidate

        old = Screening(row.id, row.eligible, row.exclusion_reason)
        new = Screening(row.id, eligible, reason or "")
        round_id = self.detail.row.id
        run_then_push(self.context, lambda s: _ops().screen(s, round_id, new),
                      lambda _c: ScreenCandidate(self.context, round_id, row.name, old, new),
                      self._failed)
