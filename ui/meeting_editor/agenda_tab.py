"""Agenda tab: items in order (drag and drop or Ctrl+Up/Down to reorder), add, edit,
remove, and the papers of the selected item (attach a file, open it, detach it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, current_language
from ui.meeting_editor.agenda_dialogs import ItemDialog, PaperDialog
from ui.meeting_editor.columns import grow_columns
from ui.meeting_editor.models import AgendaModel
from ui.meeting_editor.actions import ItemForm, open_item_form
from ui.records.actions import document_path

PAPER_ROLE = Qt.ItemDataRole.UserRole
TITLE_COLUMN, TITLE_EN_COLUMN = 1, 2


class AgendaView(QTableView):
    """A table whose rows the user drags to reorder (the model does the moving).

    Keys are handled here rather than by window shortcuts so they work wherever the
    table has focus: Ctrl/Alt+Up/Down move the row, Enter edits, Delete removes."""

    move_key = Signal(int)
    edit_key = Signal()
    delete_key = Signal()

    def __init__(self, model: AgendaModel, parent: QWidget):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setAccessibleName(_("Agenda items"))

    def keyPressEvent(self, event) -> None:
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                    | Qt.KeyboardModifier.AltModifier)
        key = event.key()
        if mods and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_key.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif not mods and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_key.emit()
        elif not mods and key == Qt.Key.Key_Delete:
            self.delete_key.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class AgendaTab(QWidget):
    def __init__(self, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.model = AgendaModel(self)
        self.view = AgendaView(self.model, self)
        self._select_id: int | None = None
        self.add_button = QPushButton(_("&Add item…"))
        self.edit_button = QPushButton(_("Ed&it…"))
        self.remove_button = QPushButton(_("&Remove"))
        self.up_button = QPushButton(_("Move &up"))
        self.down_button = QPushButton(_("Move do&wn"))
        self.up_button.setToolTip(_("Ctrl+Up or Alt+Up; or drag the row"))
        self.down_button.setToolTip(_("Ctrl+Down or Alt+Down; or drag the row"))
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.up_button,
                       self.down_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.papers = QListWidget()
        self.papers.setAccessibleName(_("Papers of the selected item"))
        self.attach_button = QPushButton(_("A&ttach file…"))
        self.open_button = QPushButton(_("&Open paper"))
        self.detach_button = QPushButton(_("&Detach"))
        paper_bar = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.detach_button):
            paper_bar.addWidget(button)
        paper_bar.addStretch(1)
        paper_box = QGroupBox(_("Papers of the selected item"))
        paper_column = QVBoxLayout(paper_box)
        paper_column.addWidget(self.papers)
        paper_column.addLayout(paper_bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(paper_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._connect()
        self._update_buttons()

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.attach_button.clicked.connect(self.attach_file)
        self.open_button.clicked.connect(self.open_selected_paper)
        self.detach_button.clicked.connect(self.detach_selected_paper)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.papers.itemActivated.connect(lambda _i: self.open_selected_paper())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selected_changed())
        self.model.move_requested.connect(self._save_move)
        self.view.move_key.connect(self.move_selected)
        self.view.edit_key.connect(self.edit_selected)
        self.view.delete_key.connect(self.remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add_item,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- showing ------------------------------------------------------------------------
    def show_rows(self, rows: list) -> None:
        keep = self._select_id if self._select_id is not None else self.selected_id()
        self.model.set_rows(rows)
        chinese = current_language() == "zh_TW"  # the title in the clerk's language gets the room
        grow_columns(self.view, TITLE_COLUMN if chinese else TITLE_EN_COLUMN)
        for number, row in enumerate(rows):
            if row.id == keep:
                self.select_row(number)
        self._select_id = None
        self._selected_changed()

    def select_row(self, number: int) -> None:
        index = self.model.index(number, 0)
        self.view.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.setCurrentIndex(index)

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_id(self) -> int | None:
        number = self.selected_row()
        return self.model.row_at(number).id if number >= 0 else None

    def _selected_changed(self) -> None:
        self.papers.clear()
        number = self.selected_row()
        if number >= 0:
            for paper in self.model.row_at(number).papers:
                label = paper.title if paper.is_public else _("{title} (restricted)").format(
                    title=paper.title)
                item = QListWidgetItem(label)
                item.setData(PAPER_ROLE, paper)
                item.setToolTip(paper.file_name)
                self.papers.addItem(item)
            if self.papers.count():
                self.papers.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        number = self.selected_row()
        chosen = number >= 0
        for button in (self.edit_button, self.remove_button, self.attach_button):
            button.setEnabled(chosen)
        self.up_button.setEnabled(number > 0)
        self.down_button.setEnabled(chosen and number < self.model.rowCount() - 1)
        self.open_button.setEnabled(self.papers.count() > 0)
        self.detach_button.setEnabled(self.papers.count() > 0)

    # -- items ---------------------------------------------------------------------------
    def _item_dialog(self, initial: ItemForm, item_id: int | None,
                     version: int | None = None) -> ItemDialog:
        def submit(form, dialog) -> None:
            if item_id is None:
                self.editor.commands.add_item(form, dialog.failed, dialog.succeeded)
            else:
                self._select_id = item_id
                self.editor.commands.edit_item(item_id, initial, form, dialog.failed,
                                               dialog.succeeded, version=version)

        dialog = ItemDialog(self, submit, initial, editing=item_id is not None)
        dialog.open()
        self.item_dialog = dialog
        return dialog

    def add_item(self) -> ItemDialog:
        return self._item_dialog(ItemForm(), None)

    def edit_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.editor.worker.submit(lambda s: open_item_form(s, item_id),
                                      lambda opened: self._item_dialog(opened[0], item_id,
                                                                       opened[1]))

    def remove_selected(self) -> None:
        number = self.selected_row()
        if number >= 0:
            row = self.model.row_at(number)
            self.editor.commands.remove_item(row.id, row.title, self.editor.show_error)

    def move_selected(self, step: int) -> None:
        number = self.selected_row()
        if number >= 0 and self.model.move_by(number, step):
            self.select_row(number + step)

    def _save_move(self, item_id: int, new_position: int) -> None:
        self._select_id = item_id
        self.editor.commands.move_item(item_id, new_position, self._move_failed)

    def _move_failed(self, error: BaseException) -> None:
        self.editor.show_error(error)
        self.editor.reload()  # put the rows back in the order the database kept

    # -- papers --------------------------------------------------------------------------
    def selected_paper(self):
        item = self.papers.currentItem()
        return item.data(PAPER_ROLE) if item is not None else None

    def attach_file(self, source: Path | None = None) -> PaperDialog | None:
        item_id = self.selected_id()
        if item_id is None:
            return None
        if source is None:
            name, _filter = QFileDialog.getOpenFileName(self, _("Attach a paper"))
            if not name:
                return None
            source = Path(name)

        def submit(title, is_public, language, dialog) -> None:
            self._select_id = item_id
            self.editor.commands.add_paper(item_id, self.editor.documents_dir, source, title,
                                           is_public, language, dialog.failed,
                                           dialog.succeeded)

        dialog = PaperDialog(self, Path(source), submit)
        dialog.open()
        self.paper_dialog = dialog
        return dialog

    def open_selected_paper(self) -> None:
        paper = self.selected_paper()
        if paper is None:
            return
        folder = self.editor.documents_dir
        self.editor.worker.submit(lambda s: document_path(s, folder, paper.id),
                                  self._open_path, self.editor.show_error)

    def _open_path(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(self, _("Open paper"), _(
                "No program on this computer opens this kind of file. It is stored at "
                "{path}.").format(path=path))

    def detach_selected_paper(self) -> None:
        paper, item_id = self.selected_paper(), self.selected_id()
        if paper is not None and item_id is not None:
            self._select_id = item_id
            self.editor.commands.detach_paper(item_id, paper.id, paper.title,
                                              self.editor.show_error)
