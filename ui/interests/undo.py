"""Undo commands of the Conflicts of interest page."""

from __future__ import annotations

from secretariat.i18n import _
from ui.interests import actions
from ui.interests.actions import InterestForm
from ui.undo import CommandContext, WorkerCommand

INTEREST_ITEM = "interest item"  # RecordIds topic: redo re-creates it with a new id


class DeclareInterest(WorkerCommand):
    def __init__(self, context: CommandContext, form: InterestForm, person_name: str,
                 item_id: int, made_declaration: bool):
        super().__init__(context, _("Declare an interest of {name}").format(name=person_name))
        self.form, self.item_id, self.made_declaration = form, item_id, made_declaration

    def apply(self, s):
        changes, made = actions.declare_interest(s, self.form)
        self.made_declaration = made
        self.context.ids.renamed(INTEREST_ITEM, self.item_id, changes.ids[0])
        return changes

    def revert(self, s):
        return actions.withdraw_interest(s, self.resolve(INTEREST_ITEM, self.item_id),
                                         drop_empty_declaration=self.made_declaration)


BREACH = "interest breach"


class RecordBreach(WorkerCommand):
    def __init__(self, context: CommandContext, form, person_name: str, breach_id: int):
        super().__init__(context, _("Record a breach by {name}").format(name=person_name))
        self.form, self.breach_id = form, breach_id

    def apply(self, s):
        changes = actions.record_breach(s, self.form)
        self.context.ids.renamed(BREACH, self.breach_id, changes.ids[0])
        return changes

    def revert(self, s):
        return actions.remove_breach(s, self.resolve(BREACH, self.breach_id))
