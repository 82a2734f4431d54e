"""The Qt binding must not leak references to None: PySide6 6.12.0 did, and on Python
3.11 that aborts the application after a few thousand table repaints."""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class _NoneModel(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 1

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_reading_none_from_a_model_keeps_the_reference_count_of_none(qapp):
    model = _NoneModel()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(Qt.ItemDataRole.ToolTipRole)
    # Other threads may move the count a little; the bug moved it by exactly -2000.
    assert sys.getrefcount(None) - before > -100
