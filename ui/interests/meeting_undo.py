"""Undo commands for interests declared in the meeting editor."""

from __future__ import annotations

from secretariat.i18n import _
from ui.interests import meeting_actions as actions
from ui.undo import CommandContext, WorkerCommand


class DeclareAtMeeting(WorkerCommand):
    """Undo takes the declaration back, or restores what the person had declared on the
    item before (a changed action or nature)."""

    def __init__(self, context: CommandContext, meeting_id: int, form, before, name: str):
        super().__init__(context, _("Interest declared by {name}").format(name=name))
        self.meeting_id, self.form, self.before = meeting_id, form, before

    def apply(self, s):
        return actions.declare(s, self.meeting_id, self.form)[0]

    def revert(self, s):
        if self.before is not None:
            return actions.declare(s, self.meeting_id, self.before)[0]
        return actions.withdraw(s, self.meeting_id, self.form)


class WithdrawAtMeeting(WorkerCommand):
    def __init__(self, context: CommandContext, meeting_id: int, form, name: str):
        super().__init__(context, _("Remove the interest declared by {name}").format(
            name=name))
        self.meeting_id, self.form = meeting_id, form

    def apply(self, s):
        return actions.withdraw(s, self.meeting_id, self.form)

    def revert(self, s):
        return actions.declare(s, self.meeting_id, self.form)[0]
