"""Undo commands for member actions."""

from __future__ import annotations

import datetime as dt

from secretariat.i18n import _
from ui.commands.base import CommandContext, WorkerCommand
from ui.operations import MEMBERS
from ui.operations import members as ops
from ui.operations.members import MemberForm


class AddMemberCommand(WorkerCommand):
    def __init__(self, context: CommandContext, form: MemberForm, membership_id: int):
        super().__init__(context, _("Add member {name}").format(name=form.name))
        self.form = form
        self.original_id = membership_id

    def apply(self, session):
        change = ops.add_member(session, self.form)
        self.context.ids.renamed(MEMBERS, self.original_id, change.ids[0])
        return change

    def revert(self, session):
        # Without a seat label the service always made a new seat, which goes too; a named
        # seat may have existed before, so it stays.
        return ops.remove_member(session, self.context.ids.resolve(MEMBERS, self.original_id),
                                 seat_was_new=not self.form.seat_label)


class EditMemberCommand(WorkerCommand):
    def __init__(self, context: CommandContext, membership_id: int, old: MemberForm,
                 new: MemberForm):
        super().__init__(context, _("Edit member {name}").format(name=new.name))
        self.membership_id, self.old, self.new = membership_id, old, new

    def _write(self, session, form: MemberForm):
        current = self.context.ids.resolve(MEMBERS, self.membership_id)
        return ops.edit_member(session, current, form)[0]

    def apply(self, session):
        return self._write(session, self.new)

    def revert(self, session):
        return self._write(session, self.old)


class EndTermCommand(WorkerCommand):
    def __init__(self, context: CommandContext, membership_id: int, name: str,
                 ended_on: dt.date, reason: str):
        super().__init__(context, _("End term of {name}").format(name=name))
        self.membership_id, self.ended_on, self.reason = membership_id, ended_on, reason

    def apply(self, session):
        current = self.context.ids.resolve(MEMBERS, self.membership_id)
        return ops.end_term(session, current, ended_on=self.ended_on, reason=self.reason)

    def revert(self, session):
        return ops.reopen_term(session, self.context.ids.resolve(MEMBERS, self.membership_id))
