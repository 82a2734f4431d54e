"""Record a decision (method, votes as counts or member by member, recusals, dissenting
statements by member) and add or edit an action item."""

from __future__ import annotations

from collections import Counter
from typing import Callable

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget,
)

from secretariat.i18n import _, ngettext
from secretariat.vocabulary import ActionStatus, DecisionMethod, VoteChoice
from ui.forms import FormDialog
from ui.meeting_editor.models import item_label
from ui.meeting_editor.actions import ActionForm, DecisionForm
from ui.meeting_editor.vote_widgets import DissentList, VotersPanel
from ui.widgets import OptionalDateEdit, enum_combo, select_data

COUNTS, NAMED = "counts", "named"  # how the votes of a vote are recorded


def _text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


class DecisionDialog(FormDialog):
    """``voters``: (person id, name) of the members entitled to vote, for recusals, named
    votes and the authors of dissenting statements."""

    def __init__(self, parent: QWidget | None, agenda: list, voters: list[tuple[int, str]],
                 submitter: Callable):
        super().__init__(parent, _("Record decision"))
        self._submitter = submitter
        self.text = self.add_field("text", _("&Decision (Chinese):"), _text_edit())
        self.text_en = self.add_field("text_en", _("Decision (&English):"), _text_edit())
        self.item = self.add_field("agenda_item", _("&Agenda item:"), QComboBox())
        self.item.addItem(_("(none)"), None)
        for row in agenda:
            self.item.addItem(item_label(row), row.id)
        self.method = self.add_field("method", _("&Method:"), enum_combo(DecisionMethod))
        self.ballot = self.add_field("ballot", _("Votes re&corded:"), QComboBox())
        self.ballot.addItem(_("As counts only (e.g. a secret ballot)"), COUNTS)
        self.ballot.addItem(_("Member by member"), NAMED)
        self.ballot.setEnabled(bool(voters))
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
        row.addStretch(1)
        self.add_field("votes", _("&Votes:"), counts)
        self.may_vote = QLabel()
        self.may_vote.setWordWrap(True)
        self.form.addRow("", self.may_vote)
        self.voters = self.add_field("voters", _("Entit&led to vote:"), VotersPanel(voters))
        self.dissents = self.add_field("dissents", _("Dissenting &statements:"),
                                       DissentList(voters))
        # The captions' Alt+letter goes to the first control inside each list.
        for key, target in (("voters", self.voters.focus_target()),
                            ("dissents", self.dissents.add_button)):
            self.form.labelForField(self._field_box(key)).setBuddy(target)
        self.rationale = self.add_field("rationale", _("&Rationale:"), _text_edit())
        self.is_public = self.add_field("is_public", _("Pu&blic:"),
                                        QCheckBox(_("Publish this decision")))
        self.is_public.setChecked(True)
        self.text.textChanged.connect(lambda: self.touch("text"))
        self.voters.changed.connect(self._votes_changed)
        self.method.currentIndexChanged.connect(self._votes_changed)
        self.ballot.currentIndexChanged.connect(self._votes_changed)
        self._votes_changed()
        self.ready()

    def _field_box(self, key: str) -> QWidget:
        return self._errors[key].parentWidget()

    def by_vote(self) -> bool:
        return self.method.currentData() == DecisionMethod.VOTE

    def by_name(self) -> bool:
        return self.by_vote() and self.ballot.currentData() == NAMED

    def _votes_changed(self, *_args) -> None:
        """Show only what the chosen method records; named votes fill in the counts."""
        by_vote, by_name = self.by_vote(), self.by_name()
        for key in ("ballot", "votes"):
            self.form.setRowVisible(self._field_box(key), by_vote)
        self.form.setRowVisible(self.may_vote, by_vote)
        self.voters.show_votes(by_name)
        if by_name:
            tally = Counter(choice for _pid, choice in self.voters.named_votes())
            for key, choice in (("for", VoteChoice.FOR), ("against", VoteChoice.AGAINST),
                                ("abstain", VoteChoice.ABSTAIN)):
                self.votes[key].setValue(tally[choice])
        for spin in self.votes.values():
            spin.setEnabled(by_vote and not by_name)
        self._show_may_vote()
        self._grow_to_fit()

    def voters_left(self) -> int:
        """Entitled voters not recused: the most votes the service accepts."""
        return len(self.voters.names) - len(self.voters.recused_ids())

    def _show_may_vote(self) -> None:
        """Say before OK how many votes can be counted, instead of only refusing after."""
        count = self.voters_left()
        self.may_vote.setText(ngettext(
            "{count} member attending may vote (recused members excluded).",
            "{count} members attending may vote (recused members excluded).", count).format(
            count=count))

    def value(self) -> DecisionForm:
        by_vote, by_name = self.by_vote(), self.by_name()
        count = (lambda key: self.votes[key].value()) if by_vote and not by_name \
            else (lambda key: None)  # named votes: the service counts them
        return DecisionForm(
            text=self.text.toPlainText().strip(), text_en=self.text_en.toPlainText().strip(),
            agenda_item_id=self.item.currentData(),
            method=DecisionMethod(self.method.currentData()),
            votes_for=count("for"), votes_against=count("against"),
            votes_abstain=count("abstain"),
            named_votes=self.voters.named_votes() if by_name else (),
            recused_person_ids=self.voters.recused_ids(), dissents=self.dissents.value(),
            rationale=self.rationale.toPlainText().strip(), is_public=self.is_public.isChecked())

    def problems(self) -> dict[str, str]:
        found = {}
        if not self.text.toPlainText().strip():
            found["text"] = _("Enter the text of the decision.")
        if self.dissents.unwritten():
            found["dissents"] = _("Write the member's statement, or remove the row.")
        return found

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
            self.owner.addItem(person.shown_name(), person.id)
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
