"""The decision log as a lazily fetched table model, sorted and paged in SQL.

A forum keeps thousands of decisions; loading them all and sorting in Qt would cost
seconds. This model shows the first page of ``services.decision_log.decision_rows``,
asks for the next page when the view scrolls near the end (``canFetchMore`` /
``fetchMore``) and answers a header click by querying again with the matching SQL sort
key, so every page stays in the order the user chose.

Queries go through a runner (the database worker, or ``runner.SessionRunner``); each
reload bumps a generation number and late answers to an older query are dropped, so
the latest filter always wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal

from secretariat.i18n import N_, _, format_date, format_number, localized
from secretariat.services.meetings.decisions import decision_label
from secretariat.vocabulary import DecisionMethod
from ui.records.actions import DecisionQuery, load_decisions
from ui.records.zones import DEFAULT_ZONE, local_date
from ui.table_model import ROW_ROLE, RowTableModel

PAGE_SIZE = 200


def first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else ""


def decision_text(row) -> str:
    """The text in the user's language when the clerk entered one."""
    return localized(row.text, row.text_en)


def meeting_title(row) -> str:
    return localized(row.meeting_title, row.meeting_title_en)


def votes(row) -> str:
    if row.method != DecisionMethod.VOTE:
        return "—"
    return " / ".join(format_number(n or 0)
                      for n in (row.votes_for, row.votes_against, row.votes_abstain))


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


@dataclass(frozen=True)
class LogColumn:
    title: str  # msgid
    display: Callable  # (row, zone) -> str
    sort_key: str | None = None  # a services.decision_log.SORT_KEYS entry; None: not sortable
    align_right: bool = False


COLUMNS: tuple[LogColumn, ...] = (
    LogColumn(N_("Number"), lambda r, z: decision_label(r.number), "number"),
    LogColumn(N_("Date"), lambda r, z: format_date(local_date(r.decided_at, z)), "decided_at"),
    LogColumn(N_("Meeting"), lambda r, z: meeting_title(r), "meeting"),
    LogColumn(N_("Decision"), lambda r, z: first_line(decision_text(r)), "text"),
    LogColumn(N_("Method"), lambda r, z: _(r.method.label), "method"),
    LogColumn(N_("Votes"), lambda r, z: votes(r), None, True),
    LogColumn(N_("Recusals"), lambda r, z: format_number(r.recusal_count), "recusals", True),
    LogColumn(N_("Dissents"), lambda r, z: format_number(r.dissent_count), "dissents", True),
    LogColumn(N_("Public"), lambda r, z: yes_no(r.is_public), "is_public"),
    LogColumn(N_("Locked"), lambda r, z: yes_no(r.locked), None),
)
MEETING_COLUMN = 2
TEXT_COLUMN = 3
VOTES_COLUMN = 5


def column_of(sort_key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.sort_key == sort_key)


class DecisionLogModel(RowTableModel):
    """Rows arrive page by page from the runner (``set_rows`` is not for this model)."""

    columns = COLUMNS
    loaded = Signal()  # the first page of the current query is in the model
    failed = Signal(object)  # an exception from the runner
    sort_ignored = Signal()  # a header without an SQL sort key was clicked

    def __init__(self, runner, parent=None, *, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self._runner = runner
        self._page_size = page_size
        self._query = DecisionQuery()
        self._total = 0
        self._generation = 0
        self._loading = False
        self._fetching = False

    # -- queries ------------------------------------------------------------------------
    @property
    def query(self) -> DecisionQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many decisions match the filters (not only the pages fetched so far)."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._loading or self._fetching

    def set_query(self, query: DecisionQuery) -> None:
        if query != self._query:
            self._query = query
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation, query, size = self._generation, self._query, self._page_size
        self._loading, self._fetching = True, False
        self._runner.submit(
            lambda s: load_decisions(s, query, offset=0, limit=size, with_count=True),
            lambda page: self._first_page(generation, page),
            lambda error: self._failed(generation, error))

    def _first_page(self, generation: int, page) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total = page.total
        self.endResetModel()
        # Only now: views (and Qt's model tester) ask for more while the reset is being
        # announced, and a page inserted inside that announcement would nest in it.
        self._loading = False
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = self._fetching = False
            self.failed.emit(error)

    # -- lazy fetching ------------------------------------------------------------------
    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._loading or self._fetching or not self.canFetchMore():
            return
        self._fetching = True
        generation, query, size = self._generation, self._query, self._page_size
        offset = len(self._rows)
        self._runner.submit(
            lambda s: load_decisions(s, query, offset=offset, limit=size, with_count=False),
            lambda page: self._next_page(generation, offset, page),
            lambda error: self._failed(generation, error))

    def _next_page(self, generation: int, offset: int, page) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        if not page.rows:  # decisions deleted since the count: stop asking
            self._total = len(self._rows)
        else:
            self.beginInsertRows(QModelIndex(), offset, offset + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._fetching = False  # not before: a view asks for more inside the insertion

    # -- sorting in SQL -----------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort_key is None:
            self.sort_ignored.emit()
            return
        self.set_query(self._query.sorted_by(
            COLUMNS[column].sort_key, order == Qt.SortOrder.DescendingOrder))

    def sort_column(self) -> int:
        return column_of(self._query.sort)

    def sort_order(self) -> Qt.SortOrder:
        return (Qt.SortOrder.DescendingOrder if self._query.descending
                else Qt.SortOrder.AscendingOrder)

    # -- Qt model (rows, counts and retranslate: RowTableModel) -------------------------
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row, row.meeting_time_zone or DEFAULT_ZONE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def _tooltip(self, row, column: int) -> str:
        if column == TEXT_COLUMN:
            texts = [row.text] + ([row.text_en] if row.text_en else [])
            return "\n\n".join(t.strip() for t in texts)
        return COLUMNS[column].display(row, row.meeting_time_zone or DEFAULT_ZONE)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].title)
        if role == Qt.ItemDataRole.ToolTipRole and section == VOTES_COLUMN:
            return _("Votes for / against / abstaining (a vote only; this column cannot "
                     "be sorted)")
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort_key is None:
            return _("This column cannot be sorted.")
        if role == Qt.ItemDataRole.ToolTipRole and section == self.sort_column():
            return self.sort_tooltip(self.sort_order())
        return None

    @staticmethod
    def sort_tooltip(order: Qt.SortOrder) -> str:
        """The order in words: styles disagree on which way the header's arrow points
        for "descending" (Fusion draws ▲, which many read as ascending)."""
        if order == Qt.SortOrder.DescendingOrder:
            return _("Sorted in descending order (newest or largest first). "
                     "Click to reverse.")
        return _("Sorted in ascending order (oldest or smallest first). Click to reverse.")
