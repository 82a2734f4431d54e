"""Terms of reference: the versions on the left (with the members who have not signed
the ethics statement of the version in force below them); on the right the selected
version's fields, Chinese and English side by side, and what it changed from the
version before. A new draft (a copy of the version in force) and discarding a draft can
be undone; adopting cannot (an adopted version never changes)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QTextBrowser, QVBoxLayout,
    QWidget,
)

from secretariat.i18n import _, format_date
from ui.changes import ChangeKind, Changes
from ui.errors import show_error
from ui.table_model import ROW_ROLE
from ui.table_view import make_proxy, make_table
from ui.terms.model import UnsignedModel, VersionsModel
from ui.undo import CommandContext, run_irreversible, run_then_push


def _ops():
    from ui.terms import actions

    return actions


class TermsPage(QWidget):
    WANTS = ChangeKind.FORUM | ChangeKind.MEMBER | ChangeKind.DECISION

    def __init__(self, context: CommandContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.versions = VersionsModel(self)
        self.unsigned = UnsignedModel(self)
        self._data = None
        self._select_after_load: int | None = None
        self._build()
        context.worker.changed.connect(self._on_change)

    def _build(self) -> None:
        self.draft_button = QPushButton(_("&New draft"))
        self.adopt_button = QPushButton(_("&Adopt…"))
        self.discard_button = QPushButton(_("Dis&card draft"))
        self.publish_button = QPushButton(_("&Publish…"))
        self.edit_button = QPushButton(_("&Edit draft…"))
        self.sign_button = QPushButton(_("Record &signature…"))
        bar = QHBoxLayout()
        for button in (self.draft_button, self.edit_button, self.adopt_button,
                       self.discard_button, self.publish_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.proxy = make_proxy(self.versions, self)
        self.table = make_table(self.proxy, self)
        self.table.setAccessibleName(_("Versions of the terms of reference"))
        self.unsigned_label = QLabel()
        self.unsigned_label.setWordWrap(True)
        self.unsigned_table = make_table(make_proxy(self.unsigned, self), self)
        self.unsigned_table.setAccessibleName(_("Members who have not signed"))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 2)
        left_layout.addWidget(self.unsigned_label)
        left_layout.addWidget(self.unsigned_table, 1)
        sign_bar = QHBoxLayout()
        sign_bar.addWidget(self.sign_button)
        sign_bar.addStretch(1)
        left_layout.addLayout(sign_bar)
        self.fields = QTextBrowser(self)
        self.fields.setAccessibleName(_("Fields of the version"))
        self.changes = QTextBrowser(self)
        self.changes.setAccessibleName(_("Changes from the version before"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.fields, _("&Fields"))
        self.tabs.addTab(self.changes, _("C&hanges from the version before"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.draft_button.clicked.connect(self.new_draft)
        self.adopt_button.clicked.connect(self.adopt)
        self.discard_button.clicked.connect(self.discard_draft)
        self.publish_button.clicked.connect(self.publish)
        self.edit_button.clicked.connect(self.edit_draft)
        self.sign_button.clicked.connect(self.record_signature)
        self.unsigned_table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self._enable()

    # -- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.context.worker.submit(lambda s: _ops().load_page(s), self._show)

    def _show(self, data) -> None:
        previous = self.selected()
        self._data = data
        self.versions.set_rows(data.versions)
        self.unsigned.set_rows(data.unsigned.members)
        self.table.resizeColumnsToContents()
        self.unsigned_table.resizeColumnsToContents()
        if data.unsigned.version_no is None:
            self.unsigned_label.setText(_("No terms of reference in force today."))
        else:
            self.unsigned_label.setText(
                _("Members in office on {date} who have not signed the ethics statement of "
                  "version {version}:").format(date=format_date(data.unsigned.day),
                                               version=data.unsigned.version_no))
        wanted = self._select_after_load or (previous.version_no if previous else None)
        self._select_after_load = None
        number = self.versions.row_index_of(wanted) if wanted else -1
        if number < 0 and data.versions:
            number = len(data.versions) - 1  # the newest version
        if number >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.versions.index(number, 0)).row())
        self._selected()

    def _on_change(self, changes: Changes) -> None:
        if changes.touches(self.WANTS):
            if changes.kinds & ChangeKind.FORUM and changes.ids:
                self._select_after_load = changes.ids[0]
            self.refresh()

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def _selected(self) -> None:
        row = self.selected()
        self._enable()
        if row is None:
            empty = _("No terms of reference yet: make a new draft.")
            self.fields.setHtml(f"<p>{empty}</p>")
            self.changes.clear()
            return
        self.context.worker.submit(lambda s: _ops().load_detail(s, row.version_no),
                                   self._show_detail)

    def _show_detail(self, detail) -> None:
        from ui.terms.version_view import changes_html, version_html

        current = self.selected()
        if current is None or current.version_no != detail.terms.version_no:
            return  # another version was selected meanwhile
        self.fields.setHtml(version_html(detail))
        self.changes.setHtml(changes_html(detail))

    def _enable(self) -> None:
        row = self.selected()
        has_draft = any(self.versions.row_at(n).status.value == "draft"
                        for n in range(self.versions.rowCount()))
        is_draft = row is not None and row.status.value == "draft"
        self.draft_button.setEnabled(not has_draft)
        self.adopt_button.setEnabled(is_draft)
        self.discard_button.setEnabled(is_draft)
        self.edit_button.setEnabled(is_draft)
        self.publish_button.setEnabled(row is not None and row.status.value == "adopted")
        self.sign_button.setEnabled(self.selected_unsigned() is not None)

    def selected_unsigned(self):
        model = self.unsigned_table.selectionModel()
        rows = model.selectedRows() if model else []
        return rows[0].data(ROW_ROLE) if rows else None

    # -- actions ------------------------------------------------------------------------
    def new_draft(self) -> None:
        from ui.terms.undo import DraftVersion

        run_then_push(self.context, lambda s: _ops().draft_new_version(s),
                      lambda result: DraftVersion(self.context, result[1]),
                      lambda e: show_error(self, e))

    def discard_draft(self) -> None:
        from ui.terms.undo import DiscardDraft

        row = self.selected()
        if row is None:
            return
        run_then_push(self.context, lambda s: _ops().discard(s, row.version_no),
                      lambda _changes: DiscardDraft(self.context, row),
                      lambda e: show_error(self, e))

    def adopt(self) -> None:
        from ui.terms.adopt_dialog import AdoptDialog

        row = self.selected()
        if row is None:
            return
        dialog = AdoptDialog(row.version_no, self)
        if dialog.exec() != AdoptDialog.DialogCode.Accepted:
            return
        self.adopt_with(row.version_no, *dialog.choice())

    def adopt_with(self, version_no: int, how: str, value) -> None:
        """Adopt ``version_no`` by decision number or on a date (cannot be undone)."""
        ops = _ops()
        job = ((lambda s: ops.adopt_by_decision(s, version_no, value)) if how == "decision"
               else (lambda s: ops.adopt_on(s, version_no, value)))
        run_irreversible(self.context, _("Adopt version {version}").format(version=version_no),
                         job, lambda e: show_error(self, e))

    def publish(self) -> None:
        """Record the day a version was made public (cannot be undone: it happened)."""
        from ui.terms.record_dialogs import PublishDialog

        row = self.selected()
        if row is None:
            return
        dialog = PublishDialog(row.version_no, self)
        if dialog.exec() != PublishDialog.DialogCode.Accepted:
            return
        day, ops = dialog.chosen_day(), _ops()
        run_irreversible(self.context, _("Publish version {version}").format(
            version=row.version_no), lambda s: ops.publish(s, row.version_no, day),
            lambda e: show_error(self, e))

    def record_signature(self) -> None:
        from ui.terms.record_dialogs import SignatureDialog
        from ui.terms.undo import SignStatement

        member, version_no = self.selected_unsigned(), self._data.unsigned.version_no
        if member is None or version_no is None:
            return
        dialog = SignatureDialog(member.name, version_no, self)
        if dialog.exec() != SignatureDialog.DialogCode.Accepted:
            return
        day, method, ops = dialog.chosen_day(), dialog.chosen_method(), _ops()
        run_then_push(self.context,
                      lambda s: ops.sign(s, member.person_id, version_no, day, method),
                      lambda _changes: SignStatement(self.context, member, version_no, day,
                                                     method),
                      lambda e: show_error(self, e))

    def edit_draft(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.context.worker.submit(lambda s: _ops().load_for_editing(s, row.version_no),
                                   self._edit_loaded)

    def _edit_loaded(self, loaded) -> None:
        from ui.terms.draft_editor import DraftEditor
        from ui.terms.undo import EditDraft

        terms, sectors = loaded
        self.draft_editor = DraftEditor(terms, sectors, self)
        if self.draft_editor.exec() != DraftEditor.DialogCode.Accepted:
            return
        after, ops, before = self.draft_editor.values(), _ops(), terms
        run_then_push(self.context,
                      lambda s: ops.edit_draft(s, before.version_no, *after),
                      lambda _changes: EditDraft(self.context, before, after),
                      lambda e: show_error(self, e))
