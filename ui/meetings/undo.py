"""Undo commands of the Meetings page: one named command per undoable action."""

from __future__ import annotations

from secretariat.i18n import _
from ui.meetings import actions
from ui.meetings.actions import MeetingForm
from ui.undo import CommandContext, WorkerCommand

MEETING = "meeting"  # RecordIds and RecordVersions topic (the meeting editor's too)


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

    def _write(self, s, before, after):
        meeting_id = self.resolve(MEETING, self.meeting_id)
        changes, version = actions.edit_meeting(
            s, meeting_id, before, after,
            expected_version=self.context.versions.expected(MEETING, meeting_id))
        self.context.versions.wrote(MEETING, meeting_id, version)
        return changes

    def apply(self, s):
        return self._write(s, self.old, self.new)

    def revert(self, s):
        return self._write(s, self.new, self.old)
