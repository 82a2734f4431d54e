"""The capabilities of DESIGN §2 in the left-hand navigation; unbuilt ones are disabled.

Pages are named by import path and built on first visit, so start-up only pays for the
page it shows.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from secretariat.i18n import N_, _


@dataclass(frozen=True)
class Capability:
    key: str
    title: str  # msgid
    page: str | None  # "module:Class", or None while not built yet

    @property
    def available(self) -> bool:
        return self.page is not None

    def make_page(self, context, parent: QWidget) -> QWidget:
        module_name, class_name = self.page.split(":")
        return getattr(importlib.import_module(module_name), class_name)(context, parent)


CAPABILITIES: tuple[Capability, ...] = (
    Capability("terms", N_("Terms of reference"), None),
    Capability("members", N_("Members and seats"), "ui.members.page:MembersPage"),
    Capability("selection", N_("Member selection"), None),
    Capability("conflicts", N_("Conflicts of interest"), None),
    Capability("meetings", N_("Meetings"), "ui.meetings.page:MeetingsPage"),
    Capability("minutes", N_("Minutes and decisions"), "ui.records.page:MinutesDecisionsPage"),
    Capability("cocreation", N_("Co-creation records"), "ui.cocreation.page:CocreationPage"),
    Capability("compliance", N_("Standards compliance"), "ui.compliance.page:CompliancePage"),
    Capability("evidence", N_("Evidence packages and publication"), None),
)

KEY_ROLE = Qt.ItemDataRole.UserRole


def capability(key: str) -> Capability:
    return next(c for c in CAPABILITIES if c.key == key)


def shortcut_text(number: int) -> str:
    return f"Ctrl+{number}"


class NavigationList(QListWidget):
    page_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(_("Navigation"))
        for number, cap in enumerate(CAPABILITIES, start=1):
            item = QListWidgetItem(_(cap.title))
            item.setData(KEY_ROLE, cap.key)
            if cap.available:
                item.setToolTip(_("{title} ({shortcut})").format(
                    title=_(cap.title), shortcut=shortcut_text(number)))
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                              & ~Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(_("Not available yet: this part comes in a later version."))
            self.addItem(item)
        self.setMinimumWidth(self.sizeHintForColumn(0) + 24)
        self.currentItemChanged.connect(self._chosen)

    def _chosen(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None:
            self.page_chosen.emit(item.data(KEY_ROLE))

    def select(self, key: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                self.setCurrentRow(row)
                return

    def titles(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]
