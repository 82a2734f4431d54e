"""What the members and meetings pages share: a filterable table of one kind of record
that reloads when the worker announces ``Changes`` to what it shows (``wants``), then
selects the record the change named (or keeps the one the clerk had selected).

Subclasses lay out their own buttons, implement ``refresh()`` (submit a load whose
callback ends in ``show_rows``) and ``_update_buttons()``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

from ui.changes import ChangeKind, Changes
from ui.column_widths import ColumnWidths
from ui.table_model import ROW_ROLE, RowTableModel
from ui.table_view import EmptyHint, fit_columns, make_proxy, make_table


class RecordListPage(QWidget):
    kind = ChangeKind(0)  # the kind of record listed: a change to one is selected after
    wants = ChangeKind(0)  # every kind the rows show (kind, and e.g. counts of others)
    wide_column: int | None = None  # see ui.table_view.fit_columns
    # Or: the column of long text that takes the room left, and those that give up width
    # for it in a narrow window (see ui.column_widths).
    stretch_column: int | None = None
    shrink_columns: tuple[int, ...] = ()

    def __init__(self, context, model: RowTableModel, parent: QWidget | None, *,
                 filter_hint: str, new_record: Callable[[], object]):
        super().__init__(parent)
        self.context = context
        self.model = model
        model.setParent(self)  # lives and dies with the page, as its views do
        self.proxy = make_proxy(model, self)
        self._select_after_load: int | None = None
        self._sized = False  # columns fit their contents once, then keep the user's widths
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(filter_hint)
        self.filter_box.setClearButtonEnabled(True)
        self.table = make_table(self.proxy, self)
        self.empty_hint = EmptyHint(self.table)

        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_filter,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Window-wide, yet only while this page is the one shown (hidden widgets' shortcuts
        # do not fire): each page gives Ctrl+N to its own New/Add action.
        QShortcut(QKeySequence.StandardKey.New, self, new_record,
                  context=Qt.ShortcutContext.WindowShortcut)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        context.worker.changed.connect(self._on_change)

    def refresh(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _update_buttons(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _on_change(self, changes: Changes) -> None:
        if changes.touches(self.wants):
            own = changes.kinds & self.kind and changes.ids
            self._select_after_load = changes.ids[0] if own else None
            self.refresh()

    def show_rows(self, rows: list, empty_hint: str, **model_args) -> None:
        """Show freshly loaded ``rows`` (``model_args`` go to the model's ``set_rows``);
        ``empty_hint`` says what to do first when there are none."""
        keep = self._select_after_load or self.selected_id()  # a model reset unselects
        self._select_after_load = None
        self.model.set_rows(rows, **model_args)
        self.empty_hint.show_hint("" if rows else empty_hint)
        if not self._sized and rows:
            if self.stretch_column is None:
                fit_columns(self.table, wide=self.wide_column)
            else:
                self.widths = ColumnWidths(self.table, self.stretch_column, self.shrink_columns)
                self.widths.fit()
            self._sized = True
        self.select(keep)
        self._update_buttons()

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return self.model.id_of(row) if row is not None else None

    def select(self, record_id: int | None) -> None:
        """Select and show the row of ``record_id`` if it is loaded and not filtered out."""
        number = self.model.row_index_of(record_id) if record_id is not None else -1
        if number < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(number, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
