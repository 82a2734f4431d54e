"""Column widths of the editor's tables, kept fitting as records are added.

``ui.table_view.fit_columns`` sizes columns once, on the first rows shown. In the editor
the first rows are rarely typical: an agenda starts with one short item, the attendance
list starts with every status "not recorded". Values added later (a long presenter, the
status "Represented by proxy") were then cut to "國…". Here every reload lets a column
grow to its values, never shrink (a width the clerk dragged wider stays), with one long
text column taking the room that is left.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from ui.table_view import MAX_COLUMN_WIDTH

_FITTED = "_fitted_widths"  # attribute of the table: widths grow_columns set last


def grow_columns(table: QTableView, stretch_column: int | None = None) -> None:
    """Fit each column to its values (up to MAX_COLUMN_WIDTH); ``stretch_column`` fills
    the rest of the width (None: the last column does, as Qt's default).

    A column still at the width set here last time follows its values both ways (the
    first fit shrinks Qt's default 100 pixels to "No."); one the clerk resized only grows.
    """
    header = table.horizontalHeader()
    if stretch_column is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    fitted: dict[int, int] = getattr(table, _FITTED, {})
    last = header.count() - 1
    for column in range(header.count()):
        if column == stretch_column or (stretch_column is None and column == last):
            continue
        wanted = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        wanted = min(wanted, MAX_COLUMN_WIDTH)
        current = header.sectionSize(column)
        untouched = current == fitted.get(column, header.defaultSectionSize())
        if current < wanted or (untouched and current != wanted):
            header.resizeSection(column, wanted)
        fitted[column] = header.sectionSize(column)
    setattr(table, _FITTED, fitted)
