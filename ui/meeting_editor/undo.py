"""One named undo command per undoable action of the meeting editor, and ``EditorCommands``,
what the tabs call: run the action now (``run_then_push``), then push its command.

Commands resolve record ids when their job runs: undoing a removal re-creates the record
under a new id, and later commands on the stack must follow it (``RecordIds``). Starting
and circulating minutes are not undoable and are not pushed; approving minutes and
opening a correction lock records, so they also close the history (``run_irreversible``).
"""

from __future__ import annotations

from secretariat.i18n import _
from ui.meeting_editor import actions
from ui.undo import CommandContext, WorkerCommand, run_irreversible, run_then_push

AGENDA_ITEM, DECISION, ACTION = "agenda_item", "decision", "action"  # RecordIds topics
MEETING, MINUTES = "meeting", "minutes"  # RecordVersions topics (ui.meetings.undo too)


class EditMeetingDetails(WorkerCommand):
    """Undo writes back the fields the edit changed, refused if another workstation
    changed the meeting since this one last wrote it."""

    def __init__(self, context, meeting_id: int, opened, new):
        super().__init__(context, _("Edit meeting {title}").format(title=new.title))
        self.meeting_id, self.opened, self.new = meeting_id, opened, new

    def _write(self, s, before, after):
        versions = self.context.versions
        changes, version = actions.edit_details(
            s, self.meeting_id, before, after,
            expected_version=versions.expected(MEETING, self.meeting_id))
        versions.wrote(MEETING, self.meeting_id, version)
        return changes

    def apply(self, s):
        return self._write(s, self.opened, self.new)

    def revert(self, s):
        return self._write(s, self.new, self.opened)


class SetAttendance(WorkerCommand):
    def __init__(self, context, meeting_id: int, name: str, old, new):
        super().__init__(context, _("Attendance of {name}").format(name=name))
        self.meeting_id, self.old, self.new = meeting_id, old, new

    def apply(self, s):
        return actions.set_attendance(s, self.meeting_id, self.new)[0]

    def revert(self, s):
        return actions.set_attendance(s, self.meeting_id, self.old)[0]


class AddAgendaItem(WorkerCommand):
    def __init__(self, context, meeting_id: int, form, item_id: int):
        super().__init__(context, _("Add agenda item {title}").format(title=form.title))
        self.meeting_id, self.form, self.item_id = meeting_id, form, item_id

    def apply(self, s):
        changes, new_id = actions.add_item(s, self.meeting_id, self.form)
        self.context.ids.renamed(AGENDA_ITEM, self.item_id, new_id)
        return changes

    def revert(self, s):
        return actions.remove_item(s, self.resolve(AGENDA_ITEM, self.item_id))[0]


class EditAgendaItem(WorkerCommand):
    def __init__(self, context, item_id: int, opened, new):
        super().__init__(context, _("Edit agenda item {title}").format(title=new.title))
        self.item_id, self.opened, self.new = item_id, opened, new

    def apply(self, s):
        return actions.edit_item(s, self.resolve(AGENDA_ITEM, self.item_id), self.opened,
                                 self.new)

    def revert(self, s):
        return actions.edit_item(s, self.resolve(AGENDA_ITEM, self.item_id), self.new,
                                 self.opened)


class RemoveAgendaItem(WorkerCommand):
    def __init__(self, context, item_id: int, title: str, removed):
        super().__init__(context, _("Remove agenda item {title}").format(title=title))
        self.item_id, self.removed = item_id, removed

    def apply(self, s):
        return actions.remove_item(s, self.resolve(AGENDA_ITEM, self.item_id))[0]

    def revert(self, s):
        changes, new_id = actions.restore_item(s, self.removed)
        self.context.ids.renamed(AGENDA_ITEM, self.item_id, new_id)
        return changes


class MoveAgendaItem(WorkerCommand):
    def __init__(self, context, item_id: int, old_position: int, new_position: int):
        super().__init__(context, _("Move agenda item"))
        self.item_id, self.old, self.new = item_id, old_position, new_position

    def apply(self, s):
        return actions.move_item(s, self.resolve(AGENDA_ITEM, self.item_id), self.new)[0]

    def revert(self, s):
        return actions.move_item(s, self.resolve(AGENDA_ITEM, self.item_id), self.old)[0]


class AttachPaper(WorkerCommand):
    """Attaching (``attached=True``) or detaching a paper; the file stays in the store."""

    def __init__(self, context, item_id: int, document_id: int, title: str, attached: bool):
        text = _("Attach {title}") if attached else _("Detach {title}")
        super().__init__(context, text.format(title=title))
        self.item_id, self.document_id, self.attached = item_id, document_id, attached

    def _set(self, s, attach: bool):
        operation = actions.attach_paper if attach else actions.detach_paper
        return operation(s, self.resolve(AGENDA_ITEM, self.item_id), self.document_id)

    def apply(self, s):
        return self._set(s, self.attached)

    def revert(self, s):
        return self._set(s, not self.attached)


class EditMinutesTexts(WorkerCommand):
    def __init__(self, context, minutes_id: int, opened: dict, new: dict):
        super().__init__(context, _("Edit minutes"))
        self.minutes_id, self.opened, self.new = minutes_id, opened, new

    def _write(self, s, before, after):
        versions = self.context.versions
        changes, version = actions.save_texts(
            s, self.minutes_id, before, after,
            expected_version=versions.expected(MINUTES, self.minutes_id))
        versions.wrote(MINUTES, self.minutes_id, version)
        return changes

    def apply(self, s):
        return self._write(s, self.opened, self.new)

    def revert(self, s):
        return self._write(s, self.new, self.opened)


class RecordDecision(WorkerCommand):
    """Undo deletes the decision, which the service refuses once it is in the audit chain
    (its minutes approved): the stack then stays where it is (see ``ui.undo``)."""

    def __init__(self, context, meeting_id: int, form, decision_id: int):
        super().__init__(context, _("Record decision"))
        self.meeting_id, self.form, self.decision_id = meeting_id, form, decision_id

    def apply(self, s):
        changes, new_id = actions.record_decision(s, self.meeting_id, self.form)
        self.context.ids.renamed(DECISION, self.decision_id, new_id)
        return changes

    def revert(self, s):
        return actions.delete_decision(s, self.resolve(DECISION, self.decision_id))


class AddActionItem(WorkerCommand):
    def __init__(self, context, meeting_id: int, form, action_id: int):
        super().__init__(context, _("Add action item"))
        self.meeting_id, self.form, self.action_id = meeting_id, form, action_id

    def apply(self, s):
        changes, new_id = actions.add_action(s, self.meeting_id, self.form)
        self.context.ids.renamed(ACTION, self.action_id, new_id)
        return changes

    def revert(self, s):
        return actions.remove_action(s, self.resolve(ACTION, self.action_id))


class EditActionItem(WorkerCommand):
    def __init__(self, context, action_id: int, old, new):
        super().__init__(context, _("Edit action item"))
        self.action_id, self.old, self.new = action_id, old, new

    def apply(self, s):
        return actions.edit_action(s, self.resolve(ACTION, self.action_id), self.new)[0]

    def revert(self, s):
        return actions.edit_action(s, self.resolve(ACTION, self.action_id), self.old)[0]


class EditorCommands:
    """The editor's actions as the tabs call them: run now, then push the command."""

    def __init__(self, context: CommandContext, meeting_id: int):
        self.context, self.meeting_id = context, meeting_id

    def _id(self, topic: str, record_id: int) -> int:
        return self.context.ids.resolve(topic, record_id)

    def _run(self, action, make_command, on_error, on_done=None, on_result=None) -> None:
        run_then_push(self.context, action, make_command, on_error, on_done, on_result)

    def edit_details(self, opened, new, version: int | None, on_error,
                     on_saved=None) -> None:
        """``on_saved(new version)``: the version the tab has on screen now."""
        m = self.meeting_id
        self._run(lambda s: actions.edit_details(s, m, opened, new, expected_version=version),
                  lambda _r: EditMeetingDetails(self.context, m, opened, new), on_error,
                  on_result=lambda r: self._wrote(MEETING, m, r[1], on_saved))

    def _wrote(self, topic: str, record_id: int, version: int, on_saved) -> None:
        self.context.versions.wrote(topic, record_id, version)
        if on_saved is not None:
            on_saved(version)

    def set_attendance(self, state, name: str, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._run(lambda s: actions.set_attendance(s, m, state),
                  lambda r: SetAttendance(self.context, m, name, r[1], state), on_error, on_done)

    def add_item(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._run(lambda s: actions.add_item(s, m, form),
                  lambda r: AddAgendaItem(self.context, m, form, r[1]), on_error, on_done)

    def edit_item(self, item_id: int, opened, form, on_error, on_done=None,
                  version: int | None = None) -> None:
        self._run(lambda s: actions.edit_item(s, self._id(AGENDA_ITEM, item_id), opened, form,
                                              expected_version=version),
                  lambda _r: EditAgendaItem(self.context, item_id, opened, form),
                  on_error, on_done)

    def remove_item(self, item_id: int, title: str, on_error, on_done=None) -> None:
        self._run(lambda s: actions.remove_item(s, self._id(AGENDA_ITEM, item_id)),
                  lambda r: RemoveAgendaItem(self.context, item_id, title, r[1]),
                  on_error, on_done)

    def move_item(self, item_id: int, new_position: int, on_error, on_done=None) -> None:
        self._run(lambda s: actions.move_item(s, self._id(AGENDA_ITEM, item_id), new_position),
                  lambda r: MoveAgendaItem(self.context, item_id, r[1], new_position),
                  on_error, on_done)

    def add_paper(self, item_id: int, documents_dir, source, title: str, is_public: bool,
                  language: str, on_error, on_done=None) -> None:
        self._run(lambda s: actions.add_paper(s, documents_dir, self._id(AGENDA_ITEM, item_id),
                                              source, title, is_public, language),
                  lambda r: AttachPaper(self.context, item_id, r[1], title, attached=True),
                  on_error, on_done)

    def detach_paper(self, item_id: int, document_id: int, title: str, on_error) -> None:
        self._run(lambda s: actions.detach_paper(s, self._id(AGENDA_ITEM, item_id),
                                                 document_id),
                  lambda _r: AttachPaper(self.context, item_id, document_id, title,
                                         attached=False), on_error)

    def save_minutes(self, minutes_id: int, opened: dict, texts: dict, version: int | None,
                     on_error, on_saved=None) -> None:
        """``on_saved(new version)`` of the minutes."""
        self._run(lambda s: actions.save_texts(s, minutes_id, opened, texts,
                                               expected_version=version),
                  lambda _r: EditMinutesTexts(self.context, minutes_id, opened, texts),
                  on_error, on_result=lambda r: self._wrote(MINUTES, minutes_id, r[1], on_saved))

    def approve_minutes(self, minutes_id: int, decision_id: int, on_error, on_done=None,
                        version: int | None = None):
        run_irreversible(self.context, _("Approve minutes"),
                         lambda s: actions.approve(s, minutes_id, decision_id,
                                                   expected_version=version),
                         on_error, on_done)

    def correct_minutes(self, minutes_id: int, reason: str, on_error, on_done=None):
        run_irreversible(self.context, _("Correct approved minutes"),
                         lambda s: actions.correct(s, minutes_id, reason), on_error, on_done)

    def record_decision(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._run(lambda s: actions.record_decision(s, m, form),
                  lambda r: RecordDecision(self.context, m, form, r[1]), on_error, on_done)

    def add_action(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._run(lambda s: actions.add_action(s, m, form),
                  lambda r: AddActionItem(self.context, m, form, r[1]), on_error, on_done)

    def edit_action(self, action_id: int, form, on_error, on_done=None,
                    version: int | None = None) -> None:
        self._run(lambda s: actions.edit_action(s, self._id(ACTION, action_id), form,
                                                expected_version=version),
                  lambda r: EditActionItem(self.context, action_id, r[1], form),
                  on_error, on_done)
