"""The capabilities of DESIGN §2 in the left-hand navigation; unbuilt ones are disabled.

Pages are named by import path and built on first visit, so start-up only pays for the
page it shows.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QStyle, QWidget

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
    Capability("terms", N_("Terms of reference"), "ui.terms.page:TermsPage"),
    Capability("members", N_("Members and seats"), "ui.members.page:MembersPage"),
    Capability("selection", N_("Member selection"), "ui.selection.page:SelectionPage"),
    Capability("conflicts", N_("Conflicts of interest"), "ui.interests.page:ConflictsPage"),
    Capability("meetings", N_("Meetings"), "ui.meetings.page:MeetingsPage"),
    Capability("minutes", N_("Minutes and decisions"), "ui.records.page:MinutesDecisionsPage"),
    Capability("cocreation", N_("Co-creation records"), "ui.cocreation.page:CocreationPage"),
    Capability("compliance", N_("Standards compliance"), "ui.compliance.page:CompliancePage"),
    Capability("evidence", N_("Evidence packages and publication"),
               "ui.exports.page:ExportsPage"),
)

KEY_ROLE = Qt.ItemDataRole.UserRole
# The list is never wider than about this many average characters: longer titles
# ("Evidence packages and publication") wrap onto a second line instead of widening the
# list, which took the width the English pages need at 1200 px.
MAX_WIDTH_CHARS = 24
ITEM_PADDING = 6  # above and below a title


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
        self._fit_titles()
        self.currentItemChanged.connect(self._chosen)

    def _fit_titles(self) -> None:
        """As wide as the longest title, up to ``MAX_WIDTH_CHARS``; wider titles wrap and
        their rows grow to hold every line."""
        metrics = self.fontMetrics()
        longest = max(metrics.horizontalAdvance(self.item(r).text()) for r in range(self.count()))
        text_width = min(longest, metrics.averageCharWidth() * MAX_WIDTH_CHARS)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        for row in range(self.count()):
            item = self.item(row)
            lines = metrics.boundingRect(0, 0, text_width, 10_000, flags, item.text())
            item.setSizeHint(QSize(text_width, lines.height() + ITEM_PADDING))
        # The item delegate draws text inside this margin on each side (as Qt's does).
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        width = text_width + 2 * margin + 2 * self.frameWidth()
        self.setMinimumWidth(width)  # the splitter starts it at this width

    def text_width(self) -> int:
        """The width titles are laid out in (wrapping beyond it)."""
        return self.item(0).sizeHint().width()

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
