"""Undo commands for meeting actions."""

from __future__ import annotations

from secretariat.i18n import _
from ui.commands.base import CommandContext, WorkerCommand
from ui.operations import MEETINGS
from ui.operations import meetings as ops
from ui.operations.meetings import MeetingForm


class ScheduleMeetingCommand(WorkerCommand):
    def __init__(self, context: CommandContext, form: MeetingForm, meeting_id: int):
        super().__init__(context, _("Schedule meeting {title}").format(title=form.title))
        self.form = form
        self.original_id = meeting_id

    def apply(self, session):
        change = ops.schedule_meeting(session, self.form)
        self.context.ids.renamed(MEETINGS, self.original_id, change.ids[0])
        return change

    def revert(self, session):
        return ops.delete_meeting(session, self.context.ids.resolve(MEETINGS, self.original_id))


class EditMeetingCommand(WorkerCommand):
    def __init__(self, context: CommandContext, meeting_id: int, old: MeetingForm,
                 new: MeetingForm):
        super().__init__(context, _("Edit meeting {title}").format(title=new.title))
        self.meeting_id, self.old, self.new = meeting_id, old, new

    def _write(self, session, form: MeetingForm):
        current = self.context.ids.resolve(MEETINGS, self.meeting_id)
        return ops.edit_meeting(session, current, form)[0]

    def apply(self, session):
        return self._write(session, self.new)

    def revert(self, session):
        return self._write(session, self.old)
