"""Attendance tab: members active on the meeting day with a status selector, observers
and guests (people on record, or guests by name), and a live panel with quorum and
government/non-government balance."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton,
    QStyledItemDelegate, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from secretariat.vocabulary import AttendanceStatus, AttendeeCapacity
from ui.meeting_editor.attendee_dialog import AddPersonDialog
from ui.meeting_editor.columns import grow_columns
from ui.meeting_editor.models import AttendanceModel
from ui.meeting_editor.actions import AttendanceState
from ui.table_view import make_proxy, make_table

MET_STYLE = "background: #e3f4e1; color: #1b5e20; padding: 6px; border-radius: 4px;"
NOT_MET_STYLE = "background: #fde7e6; color: #8c1d18; padding: 6px; border-radius: 4px;"


class EditableAttendanceModel(AttendanceModel):
    """The status column is editable; an edit is a request, saved by the tab."""

    status_requested = Signal(int, object)  # row, AttendanceStatus

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == self.STATUS_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and index.isValid() \
                and index.column() == self.STATUS_COLUMN:
            status = self.row_at(index.row()).status
            return status.value if status is not None else ""
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or index.column() != self.STATUS_COLUMN or not value:
            return False
        self.status_requested.emit(index.row(), AttendanceStatus(value))
        return True


class StatusDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        return _status_combo(parent)

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _status_combo(parent) -> QComboBox:
    combo = QComboBox(parent)
    for status in AttendanceStatus:
        combo.addItem(_(status.label), status.value)
    return combo


def summary_texts(summary) -> tuple[str, str, bool]:
    """(quorum line, balance and counts line, quorum met)."""
    met = _("met") if summary.quorum_met else _("not met")
    quorum = _("Quorum {state}: {attending} of {entitled} members attending, "
               "{required} required").format(state=met, attending=summary.members_attending,
                                             entitled=summary.members_entitled,
                                             required=summary.quorum_required)
    # The rules come from the terms of reference in force on the meeting's date.
    rules = (_("terms of reference version {version}: quorum {percent} %").format(
        version=summary.terms_version, percent=summary.quorum_percent)
        if summary.terms_version is not None else
        _("no terms of reference adopted yet: quorum {percent} %").format(
            percent=summary.quorum_percent))
    quorum = _("{quorum} ({rules})").format(quorum=quorum, rules=rules)
    # Two lines: the side balance counts members only, the statuses count every record
    # (alternates, observers and guests too). One line headed "Attending members" read
    # as if 10 members were present when 9 were.
    balance = _("Members attending by side: government {government}, non-government "
                "{non_government}").format(government=summary.government,
                                           non_government=summary.non_government)
    if summary.balance_required:
        balance += "; " + (_("balanced: at least {count} from each side") if summary.balance_met
                           else _("not balanced: at least {count} from each side needed")
                           ).format(count=summary.balance_required)
    records = _("Everyone recorded: present {present}, remote {remote}, by proxy {proxy}, "
                "apologies {apologies}, absent {absent}; observers {observers}, guests "
                "{guests}").format(
        present=summary.present, remote=summary.remote, proxy=summary.proxy,
        apologies=summary.apologies, absent=summary.absent, observers=summary.observers,
        guests=summary.guests)
    return quorum, balance + "\n" + records, summary.quorum_met


class AttendanceTab(QWidget):
    def __init__(self, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.people: list = []
        self.rows: list = []
        self.model = EditableAttendanceModel(self)
        self.proxy = make_proxy(self.model, self)
        self.table = make_table(self.proxy, self)
        self.table.setItemDelegateForColumn(AttendanceModel.STATUS_COLUMN, StatusDelegate(self))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setAccessibleName(_("Attendance"))
        self.quorum_label = QLabel()
        self.quorum_label.setAccessibleName(_("Quorum"))
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.guest_name = QLineEdit()
        self.guest_name.setPlaceholderText(_("Guest's name"))
        self.guest_capacity = QComboBox()
        for capacity in (AttendeeCapacity.GUEST, AttendeeCapacity.OBSERVER):
            self.guest_capacity.addItem(_(capacity.label), capacity)
        self.add_guest_button = QPushButton(_("Add &guest"))
        self.add_person_button = QPushButton(_("Add &person on record…"))
        self.add_person_button.setToolTip(_(
            "An observer or guest from the people list, e.g. a member of another body or "
            "a former member"))
        self.clear_button = QPushButton(_("&Clear record"))
        self.clear_button.setToolTip(_("Remove the selected attendance record"))
        bar = QHBoxLayout()
        bar.addWidget(self.guest_name, 1)
        bar.addWidget(self.guest_capacity)
        bar.addWidget(self.add_guest_button)
        bar.addSpacing(12)  # the capacity box belongs to the typed guest, not to this button
        bar.addWidget(self.add_person_button)
        bar.addSpacing(12)
        bar.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quorum_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self.model.status_requested.connect(
            lambda row, status: self.set_status(row, status))
        self.add_guest_button.clicked.connect(self.add_guest)
        self.guest_name.returnPressed.connect(self.add_guest)
        self.add_person_button.clicked.connect(self.add_person)
        self.clear_button.clicked.connect(self.clear_selected)

    def show_data(self, rows: list, summary, people: list) -> None:
        self.people, self.rows = people, rows
        self.model.set_rows(rows)
        grow_columns(self.table)
        quorum, detail, met = summary_texts(summary)
        self.quorum_label.setText(quorum)
        self.quorum_label.setStyleSheet(MET_STYLE if met else NOT_MET_STYLE)
        self.detail_label.setText(detail)

    def _ask_proxy(self, row) -> int | None:
        choices = [p for p in self.people if p.id != row.person_id]
        names = [p.shown_name() for p in choices]
        name, ok = QInputDialog.getItem(self, _("Represented by"), _(
            "Who represented {name}?").format(name=row.shown_name()), names, 0, False)
        return choices[names.index(name)].id if ok and name in names else None

    def set_status(self, number: int, status: AttendanceStatus,
                   represented_by_id: int | None = None) -> None:
        """Row ``number`` of the model gets ``status`` (proxy asks who, unless given)."""
        row = self.model.row_at(number)
        if status == AttendanceStatus.PROXY and represented_by_id is None:
            represented_by_id = self._ask_proxy(row)
            if represented_by_id is None:
                return
        state = AttendanceState(row.person_id, row.guest_name, status, row.capacity,
                                represented_by_id)
        self.editor.commands.set_attendance(state, row.shown_name(), self.editor.show_error)

    def add_guest(self, name: str | None = None) -> None:
        name = (name if isinstance(name, str) else self.guest_name.text()).strip()
        if not name:
            self.guest_name.setFocus()
            return
        state = AttendanceState(None, name, AttendanceStatus.PRESENT,
                                self.guest_capacity.currentData())
        self.editor.commands.set_attendance(state, name, self.editor.show_error,
                                            self.guest_name.clear)

    def add_person(self) -> AddPersonDialog:
        """Pick someone on record who is not in the list yet; present as observer or guest."""
        listed = {row.person_id for row in self.rows if row.person_id is not None}
        choices = [p for p in self.people if p.id not in listed]

        def submit(person, capacity, dialog) -> None:
            state = AttendanceState(person.id, "", AttendanceStatus.PRESENT, capacity)
            self.editor.commands.set_attendance(state, person.shown_name(), dialog.failed,
                                                dialog.succeeded)

        self.dialog = AddPersonDialog(self, choices, submit)
        self.dialog.open()
        return self.dialog

    def clear_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            row = self.model.row_at(self.proxy.mapToSource(rows[0]).row())
            if row.status is not None:
                state = AttendanceState(row.person_id, row.guest_name, None)
                self.editor.commands.set_attendance(state, row.shown_name(),
                                                    self.editor.show_error)
