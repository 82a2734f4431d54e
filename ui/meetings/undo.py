"""Undo commands of the Meetings page: one named command per undoable action."""

from __future__ import annotations

from secretariat.i18n import _
from ui.meetings import actions
from ui.meetings.actions import MeetingForm
from ui.undo import CommandContext, WorkerCommand

MEETING = "meeting"  # RecordIds topic: a meeting re-scheduled by redo gets a new id


class ScheduleMeeting(WorkerCommand):
    def __init__(self, context: CommandContext, form: MeetingForm, meeting_id: int):
        super().__init__(context, _("Schedule meeting {title}").format(title=form.title))
        self.form, self.meeting_id = form, meeting_id

    def apply(self, s):
        changes = actions.schedule_meeting(s, self.form)
        self.context.ids.renamed(MEETING, self.meeting_id, changes.ids[0])
        return changes

    def revert(self, s):
        return actions.delete_meeting(s, self.resolve(MEETING, self.meeting_id))


class EditMeeting(WorkerCommand):
    def __init__(self, context: CommandContext, meeting_id: int, old: MeetingForm,
                 new: MeetingForm):
        super().__init__(context, _("Edit meeting {title}").format(title=new.title))
        self.meeting_id, self.old, self.new = meeting_id, old, new

    def apply(self, s):
        return actions.edit_meeting(s, self.resolve(MEETING, self.meeting_id), self.old,
                                    self.new)

    def revert(self, s):
        return actions.edit_meeting(s, self.resolve(MEETING, self.meeting_id), self.new,
                                    self.old)
