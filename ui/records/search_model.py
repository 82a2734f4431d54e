"""Search results as a table, and a delegate that shows the matched text in bold."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from secretariat.i18n import N_, _, current_language, format_date
from secretariat.vocabulary import SEARCH_KIND_LABELS as KIND_LABELS
from ui.records.zones import local_date
from ui.table_model import ROW_ROLE

HTML_ROLE = Qt.ItemDataRole.UserRole + 10

KIND_ICONS = {
    "agenda_item": QStyle.StandardPixmap.SP_FileDialogListView,
    "minutes": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "decision": QStyle.StandardPixmap.SP_DialogApplyButton,
    "document": QStyle.StandardPixmap.SP_FileIcon,
}
COLUMN_TITLES = (N_("Kind"), N_("Title"), N_("Match"), N_("Date"))
KIND, TITLE, MATCH, DATE = range(4)


def snippet_html(snippet) -> str:
    return "{}<b>{}</b>{}".format(*(html.escape(part) for part in
                                   (snippet.before, snippet.match, snippet.after)))


class SearchResultsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list = []
        self._zones: dict[int, str] = {}
        self._default_zone = "Asia/Taipei"

    def set_results(self, results) -> None:
        """An ``operations.SearchResults``, or None to empty the list."""
        self.beginResetModel()
        self._hits = list(results.hits) if results else []
        if results:
            self._zones, self._default_zone = results.zones, results.default_zone
        self.endResetModel()

    def hit_at(self, row: int):
        return self._hits[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def _date(self, hit) -> str:
        return format_date(local_date(hit.date, self._zones.get(hit.meeting_id,
                                                                self._default_zone)))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit, column = self._hits[index.row()], index.column()
        if role == ROW_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return {KIND: _(KIND_LABELS.get(hit.kind, hit.kind)),
                    TITLE: hit.title_in(current_language()),
                    MATCH: hit.snippet.before + hit.snippet.match + hit.snippet.after,
                    DATE: self._date(hit)}[column]
        if role == HTML_ROLE and column == MATCH:
            return snippet_html(hit.snippet)
        if role == Qt.ItemDataRole.DecorationRole and column == KIND:
            return QApplication.style().standardIcon(KIND_ICONS[hit.kind]) \
                if hit.kind in KIND_ICONS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = hit.title_in(current_language()) if column != MATCH else \
                hit.snippet.before + hit.snippet.match + hit.snippet.after
            return text if hit.is_public else _("{text}\n(Restricted: not public)").format(
                text=text)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMN_TITLES)):
            return _(COLUMN_TITLES[section])
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Paints ``HTML_ROLE`` rich text (escaped, with <b>) where a model provides it."""

    def _document(self, option, index) -> QTextDocument | None:
        markup = index.data(HTML_ROLE)
        if markup is None:
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(markup)
        return doc

    def paint(self, painter, option, index) -> None:
        doc = self._document(option, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        painter.translate(text_rect.left(),
                          text_rect.top() + (text_rect.height() - doc.size().height()) / 2)
        painter.setClipRect(text_rect.translated(-text_rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        doc = self._document(option, index)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))
