"""Undo commands of the Members page: one named command per undoable action."""

from __future__ import annotations

import datetime as dt

from secretariat.i18n import _
from ui.members import actions
from ui.members.actions import MemberForm
from ui.undo import CommandContext, WorkerCommand

MEMBERSHIP = "membership"  # RecordIds topic: a member re-added by redo gets a new id


class AddMember(WorkerCommand):
    def __init__(self, context: CommandContext, form: MemberForm, membership_id: int):
        super().__init__(context, _("Add member {name}").format(name=form.name))
        self.form, self.membership_id = form, membership_id

    def apply(self, s):
        changes = actions.add_member(s, self.form)
        self.context.ids.renamed(MEMBERSHIP, self.membership_id, changes.ids[0])
        return changes

    def revert(self, s):
        # Without a seat label the service always made a new seat, which goes too; a named
        # seat may have existed before, so it stays.
        return actions.remove_member(s, self.resolve(MEMBERSHIP, self.membership_id),
                                     seat_was_new=not self.form.seat_label)


class EditMember(WorkerCommand):
    def __init__(self, context: CommandContext, membership_id: int, old: MemberForm,
                 new: MemberForm):
        super().__init__(context, _("Edit member {name}").format(name=new.name))
        self.membership_id, self.old, self.new = membership_id, old, new

    def apply(self, s):
        return actions.edit_member(s, self.resolve(MEMBERSHIP, self.membership_id), self.old,
                                   self.new)

    def revert(self, s):
        return actions.edit_member(s, self.resolve(MEMBERSHIP, self.membership_id), self.new,
                                   self.old)


class EndTerm(WorkerCommand):
    def __init__(self, context: CommandContext, membership_id: int, name: str,
                 ended_on: dt.date, reason: str):
        super().__init__(context, _("End term of {name}").format(name=name))
        self.membership_id, self.ended_on, self.reason = membership_id, ended_on, reason

    def apply(self, s):
        return actions.end_term(s, self.resolve(MEMBERSHIP, self.membership_id),
                                ended_on=self.ended_on, reason=self.reason)

    def revert(self, s):
        return actions.reopen_term(s, self.resolve(MEMBERSHIP, self.membership_id))
