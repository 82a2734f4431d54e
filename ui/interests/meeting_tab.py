"""The meeting editor's Conflicts of interest tab: interests declared on this meeting's
agenda items (declare, remove, both undoable; "recused" makes the item's decisions list
the member) and the likely conflicts the members' declared interests suggest."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QLineEdit, QPushButton, QSplitter, QVBoxLayout,
    QWidget,
)

from secretariat.i18n import N_, _, current_language, localized
from secretariat.interest_vocabulary import MeetingInterestAction
from ui.forms import FormDialog
from ui.table_model import Column, RowTableModel
from ui.table_view import fit_columns, make_proxy, make_table
from ui.undo import run_then_push
from ui.widgets import enum_combo, table_box


def _ops():
    from ui.interests import meeting_actions

    return meeting_actions


def _item(row) -> str:
    return f"{row.item_position}. {localized(row.item_title, row.item_title_en)}"


def _person(row) -> str:
    return localized(row.person_name, row.person_name_en)


class MeetingInterestModel(RowTableModel):
    columns = (
        Column(N_("Agenda item"), _item, lambda r: r.item_position),
        Column(N_("Person"), _person),
        Column(N_("Nature of the interest"), lambda r: r.nature),
        Column(N_("What they did"), lambda r: _(r.action.label)),
    )


def _where(flag) -> str:
    return _(flag.where).format(paper=flag.paper)


class ConflictFlagModel(RowTableModel):
    id_attribute = "agenda_item_id"
    columns = (
        Column(N_("Agenda item"), _item, lambda r: r.item_position),
        Column(N_("Person"), _person),
        Column(N_("Declared interest"), lambda r: _(r.kind.label)
               + (" · " + _("private") if r.is_private else "")),
        Column(N_("Organisation"), lambda r: r.organisation),
        Column(N_("Named in"), _where),
        Column(N_("Declared at the meeting"), lambda r: _(r.declared_action.label)
               if r.declared_action is not None else ""),
    )



class MeetingInterestsTab(QWidget):
    def __init__(self, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.data = None
        self.declarations = MeetingInterestModel(self)
        self.declaration_table = make_table(make_proxy(self.declarations, self), self)
        self.flags = ConflictFlagModel(self)
        self.flag_table = make_table(make_proxy(self.flags, self), self)
        self.declare_button = QPushButton(_("&Declare interest…"))
        self.remove_button = QPushButton(_("Remo&ve declaration"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table_box(_("Interests declared at this meeting"),
                                self.declaration_table,
                                [self.declare_button, self.remove_button]))
        splitter.addWidget(table_box(_("Likely conflicts, from the members' declared interests"),
                                self.flag_table, []))
        QVBoxLayout(self).addWidget(splitter)
        self.declare_button.clicked.connect(self.declare)
        self.remove_button.clicked.connect(self.remove_selected)
        self.flag_table.doubleClicked.connect(lambda _i: self.declare())

    def reload(self) -> None:
        ops, meeting_id = _ops(), self.editor.meeting_id
        self.editor.worker.submit(lambda s: ops.load_meeting_interests(s, meeting_id),
                                  self._show)

    def _show(self, data) -> None:
        # The editor rebuilds its tabs when the date preference changes: a load that was
        # under way may arrive for a tab already gone.
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.declarations):
            return
        self.data = data
        self.declarations.set_rows(data.declarations)
        self.flags.set_rows(data.flags)
        # Refit on every load: the first rows (often none) say little about the next.
        fit_columns(self.declaration_table, wide=2)
        fit_columns(self.flag_table, wide=0)

    def _selected(self, table):
        rows = table.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole + 2) if rows else None

    def declare(self):
        if self.data is None:
            return None
        flag = self._selected(self.flag_table)
        ops = _ops()
        meeting_id = self.editor.meeting_id

        def submit(form, dialog) -> None:
            from ui.interests.meeting_undo import DeclareAtMeeting

            name = dialog.person.currentText()
            run_then_push(self.editor.context, lambda s: ops.declare(s, meeting_id, form),
                          lambda result: DeclareAtMeeting(self.editor.context, meeting_id,
                                                          form, result[1], name),
                          dialog.failed, dialog.succeeded)

        self.dialog = MeetingDeclarationDialog(self, self.data, submit, flag)
        self.dialog.open()
        return self.dialog

    def remove_selected(self) -> None:
        row = self._selected(self.declaration_table)
        if row is None:
            return
        from ui.interests.meeting_undo import WithdrawAtMeeting

        ops = _ops()
        meeting_id = self.editor.meeting_id
        form = ops.MeetingDeclarationForm(row.agenda_item_id, row.person_id, row.action,
                                          row.nature)
        run_then_push(self.editor.context, lambda s: ops.withdraw(s, meeting_id, form),
                      lambda _c: WithdrawAtMeeting(self.editor.context, meeting_id, form,
                                                   _person(row)),
                      self.editor.show_error)


class MeetingDeclarationDialog(FormDialog):
    """Who declared what on which agenda item, and what they did; a likely conflict
    (``flag``) chosen in the tab fills in the item and the person."""

    def __init__(self, parent, data, submitter, flag=None):
        super().__init__(parent, _("Interest declared at the meeting"))
        self._submitter = submitter
        self.item = self.add_field("item", _("Agenda &item:"), QComboBox())
        for choice in data.items:
            self.item.addItem(f"{choice.position}. {localized(choice.title, choice.title_en)}",
                              choice.id)
        self.person = self.add_field("person", _("&Person:"), QComboBox())
        english = current_language() != "zh_TW"
        for choice in data.people:
            shown = f"{choice.name_en} ({choice.name})" if english and choice.name_en \
                else choice.name
            self.person.addItem(shown, choice.id)
        self.person.setCurrentIndex(-1)
        if flag is not None:
            self.item.setCurrentIndex(self.item.findData(flag.agenda_item_id))
            self.person.setCurrentIndex(self.person.findData(flag.person_id))
        self.nature = self.add_field("nature", _("&Nature of the interest:"), QLineEdit())
        self.action = self.add_field("action", _("&What they did:"), enum_combo(
            MeetingInterestAction, MeetingInterestAction.RECUSED))
        self.ready()

    def value(self):
        return _ops().MeetingDeclarationForm(
            agenda_item_id=self.item.currentData(), person_id=self.person.currentData(),
            action=MeetingInterestAction(self.action.currentData()),
            nature=self.nature.text().strip())

    def problems(self) -> dict[str, str]:
        found = {}
        if self.item.currentIndex() < 0:
            found["item"] = _("Choose the agenda item.")
        if self.person.currentIndex() < 0:
            found["person"] = _("Choose the person who declares.")
        if not self.nature.text().strip():
            found["nature"] = _("Say what the interest is (its nature).")
        return found

    def submit(self) -> None:
        self._submitter(self.value(), self)
