"""The "Minutes and decisions" page: the decision log and the action items, as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from secretariat.i18n import _
from ui.records.actions_page import ActionItemsPage
from ui.records.decision_page import DecisionLogPage


class MinutesDecisionsPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.decisions = DecisionLogPage(context, self)
        self.actions = ActionItemsPage(context, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.decisions, _("&Decision log"))
        self.tabs.addTab(self.actions, _("&Action items"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.decisions.refresh()
        self.actions.refresh()

    def show_decisions(self) -> None:
        self.tabs.setCurrentWidget(self.decisions)

    def show_actions(self, overdue_only: bool = False) -> None:
        self.tabs.setCurrentWidget(self.actions)
        self.actions.overdue_box.setChecked(overdue_only)
