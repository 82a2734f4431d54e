"""Record a decision (method, votes, recusals, dissent) and add or edit an action item."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSpinBox, QWidget,
)

from secretariat.i18n import _, ngettext
from secretariat.model import ActionStatus, DecisionMethod
from ui.forms import FormDialog
from ui.meeting_editor.models import item_label
from ui.meeting_editor.ops_records import ActionForm, DecisionForm
from ui.widgets import OptionalDateEdit, enum_combo, select_data

PERSON_ROLE = Qt.ItemDataRole.UserRole


def _text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


class DecisionDialog(FormDialog):
    """``voters``: (person id, name) of members attending, for the recusal list."""

    def __init__(self, parent: QWidget | None, agenda: list, voters: list[tuple[int, str]],
                 submitter: Callable):
        super().__init__(parent, _("Record decision"))
        self.setMinimumWidth(560)
        self._submitter = submitter
        self.text = self.add_field("text", _("&Decision (Chinese):"), _text_edit())
        self.text_en = self.add_field("text_en", _("Decision (&English):"), _text_edit())
        self.item = self.add_field("agenda_item", _("&Agenda item:"), QComboBox())
        self.item.addItem(_("(none)"), None)
        for row in agenda:
            self.item.addItem(item_label(row), row.id)
        self.method = self.add_field("method", _("&Method:"), enum_combo(DecisionMethod))
        counts = QWidget()
        row = QHBoxLayout(counts)
        row.setContentsMargins(0, 0, 0, 0)
        self.votes = {}
        for key, label in (("for", _("For")), ("against", _("Against")),
                           ("abstain", _("Abstain"))):
            spin = QSpinBox()
            spin.setRange(0, 9999)
            spin.setPrefix(label + " ")
            spin.setAccessibleName(label)
            self.votes[key] = spin
            row.addWidget(spin)
        self.add_field("votes", _("&Votes:"), counts)
        self.may_vote = QLabel()
        self.may_vote.setWordWrap(True)
        self.form.addRow("", self.may_vote)
        self.recused = self.add_field("recused", _("Rec&used members:"), QListWidget())
        self.recused.setMaximumHeight(110)
        for person_id, name in voters:
            item = QListWidgetItem(name)
            item.setData(PERSON_ROLE, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.recused.addItem(item)
        self.dissent = self.add_field("dissent", _("Dissenting &statements:"), _text_edit())
        self.dissent.setPlaceholderText(_("One statement per line"))
        self.rationale = self.add_field("rationale", _("&Rationale:"), _text_edit())
        self.is_public = self.add_field("is_public", _("P&ublic:"),
                                        QCheckBox(_("Publish this decision")))
        self.is_public.setChecked(True)
        self.text.textChanged.connect(lambda: (self._touched.add("text"), self.revalidate()))
        self.recused.itemChanged.connect(lambda _item: self._show_may_vote())
        self.method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()
        self.ready()

    def _method_changed(self, *_args) -> None:
        by_vote = self.method.currentData() == DecisionMethod.VOTE
        for spin in self.votes.values():
            spin.setEnabled(by_vote)
        self._show_may_vote()

    def voters_left(self) -> int:
        """Entitled voters not recused: the most votes the service accepts."""
        return self.recused.count() - len(self.value().recused_person_ids)

    def _show_may_vote(self) -> None:
        """Say before OK how many votes can be counted, instead of only refusing after."""
        count = self.voters_left()
        self.may_vote.setText(ngettext(
            "{count} member attending may vote (recused members excluded).",
            "{count} members attending may vote (recused members excluded).", count).format(
            count=count))
        self.may_vote.setVisible(self.method.currentData() == DecisionMethod.VOTE)

    def value(self) -> DecisionForm:
        by_vote = self.method.currentData() == DecisionMethod.VOTE
        count = (lambda key: self.votes[key].value()) if by_vote else (lambda key: None)
        recused = tuple(self.recused.item(i).data(PERSON_ROLE)
                        for i in range(self.recused.count())
                        if self.recused.item(i).checkState() == Qt.CheckState.Checked)
        dissents = tuple((None, line.strip()) for line in
                         self.dissent.toPlainText().splitlines() if line.strip())
        return DecisionForm(
            text=self.text.toPlainText().strip(), text_en=self.text_en.toPlainText().strip(),
            agenda_item_id=self.item.currentData(),
            method=DecisionMethod(self.method.currentData()),
            votes_for=count("for"), votes_against=count("against"),
            votes_abstain=count("abstain"), recused_person_ids=recused, dissents=dissents,
            rationale=self.rationale.toPlainText().strip(), is_public=self.is_public.isChecked())

    def problems(self) -> dict[str, str]:
        return {} if self.text.toPlainText().strip() else {
            "text": _("Enter the text of the decision.")}

    def submit(self) -> None:
        self._submitter(self.value(), self)


class ActionDialog(FormDialog):
    def __init__(self, parent: QWidget | None, people: list, initial: ActionForm,
                 submitter: Callable, editing: bool = False):
        super().__init__(parent, _("Edit action item") if editing else _("New action item"))
        self._submitter = submitter
        self.description = self.add_field("description", _("&Action:"),
                                          QLineEdit(initial.description))
        self.owner = self.add_field("owner", _("&Owner (person):"), QComboBox())
        self.owner.addItem(_("(someone not on record)"), None)
        for person in people:
            self.owner.addItem(person.name, person.id)
        select_data(self.owner, initial.owner_person_id)
        self.owner_text = self.add_field("owner_text", _("Owner (&agency or unit):"),
                                         QLineEdit(initial.owner_text))
        self.due = self.add_field("due_on", _("&Due:"),
                                  OptionalDateEdit(_("Due by"), initial.due_on))
        self.status = self.add_field("status", _("&Status:"),
                                     enum_combo(ActionStatus, initial.status))
        self.ready()

    def value(self) -> ActionForm:
        return ActionForm(self.description.text().strip(), self.owner.currentData(),
                          self.owner_text.text().strip(), self.due.value(),
                          ActionStatus(self.status.currentData()))

    def problems(self) -> dict[str, str]:
        found = {}
        form = self.value()
        if not form.description:
            found["description"] = _("Describe the action.")
        if form.owner_person_id is None and not form.owner_text:
            found["owner_text"] = _("Choose a person or name the agency or unit.")
        return found

    def submit(self) -> None:
        self._submitter(self.value(), self)
