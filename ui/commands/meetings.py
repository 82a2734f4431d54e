"""Undo commands for meeting actions."""

from __future__ import annotations

from secretariat.i18n import _
from ui.commands.base import CommandContext, EditCommand, RecreateCommand, created
from ui.operations import MEETINGS
from ui.operations import meetings as ops
from ui.operations.meetings import MeetingForm


class ScheduleMeetingCommand(RecreateCommand):
    def __init__(self, context: CommandContext, form: MeetingForm, meeting_id: int):
        super().__init__(context, _("Schedule meeting {title}").format(title=form.title),
                         MEETINGS, meeting_id,
                         lambda s: created(ops.schedule_meeting(s, form)), ops.delete_meeting)


class EditMeetingCommand(EditCommand):
    def __init__(self, context: CommandContext, meeting_id: int, old: MeetingForm,
                 new: MeetingForm):
        super().__init__(context, _("Edit meeting {title}").format(title=new.title),
                         MEETINGS, meeting_id, ops.edit_meeting, old, new)
