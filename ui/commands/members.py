"""Undo commands for member actions."""

from __future__ import annotations

import datetime as dt

from secretariat.i18n import _
from ui.commands.base import CommandContext, EditCommand, RecreateCommand, WorkerCommand, created
from ui.operations import MEMBERS
from ui.operations import members as ops
from ui.operations.members import MemberForm


class AddMemberCommand(RecreateCommand):
    def __init__(self, context: CommandContext, form: MemberForm, membership_id: int):
        # Without a seat label the service always made a new seat, which goes too; a named
        # seat may have existed before, so it stays.
        super().__init__(context, _("Add member {name}").format(name=form.name),
                         MEMBERS, membership_id,
                         lambda s: created(ops.add_member(s, form)),
                         lambda s, current: ops.remove_member(
                             s, current, seat_was_new=not form.seat_label))


class EditMemberCommand(EditCommand):
    def __init__(self, context: CommandContext, membership_id: int, old: MemberForm,
                 new: MemberForm):
        super().__init__(context, _("Edit member {name}").format(name=new.name),
                         MEMBERS, membership_id, ops.edit_member, old, new)


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
