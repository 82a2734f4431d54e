"""Undo commands of the meeting editor, built from pairs of operations.

Every command runs its operations on the database worker (see ``ui.commands.base``).
Ids are resolved when a job runs, because undoing a removal re-creates the record with a
new id and later commands on the stack must follow it.
"""

from __future__ import annotations

from typing import Callable

from secretariat.i18n import _
from ui.commands.base import CommandContext, PairCommand, RecreateCommand, run_then_push
from ui.meeting_editor import ops_agenda, ops_meeting, ops_records
from ui.meeting_editor.ops_agenda import AGENDA_ITEM
from ui.meeting_editor.ops_records import ACTION, DECISION

class EditorCommands:
    """The editor's actions: run now, then push the matching undo command."""

    def __init__(self, context: CommandContext, meeting_id: int):
        self.context, self.meeting_id = context, meeting_id

    def _id(self, topic: str, record_id: int) -> int:
        return self.context.ids.resolve(topic, record_id)

    def _run(self, operation, make_command, on_error, on_done=None) -> None:
        run_then_push(self.context, operation, make_command, on_error, on_done)

    def _edit(self, text: str, operation, target: Callable[[], int], new, on_error,
              on_done=None) -> None:
        """``operation(session, target(), value) -> (Change, previous value)``: redo writes
        ``new`` again, undo writes back the value it replaced."""
        self._run(lambda s: operation(s, target(), new),
                  lambda result: PairCommand(
                      self.context, text,
                      lambda s: operation(s, target(), new)[0],
                      lambda s: operation(s, target(), result[1])[0]),
                  on_error, on_done)

    def _create(self, text: str, topic: str, create, delete, on_error, on_done=None) -> None:
        """``create(session) -> (Change, new id)``; undo is ``delete(session, id)``."""
        self._run(create,
                  lambda result: RecreateCommand(self.context, text, topic, result[1],
                                                 create, delete),
                  on_error, on_done)

    def _record(self, topic: str, record_id: int) -> Callable[[], int]:
        """The record's id as it is when a job runs (undo may have re-created it)."""
        return lambda: self._id(topic, record_id)

    # -- details and attendance ----------------------------------------------------------
    def edit_details(self, form, on_error, on_done=None) -> None:
        self._edit(_("Edit meeting {title}").format(title=form.title), ops_meeting.edit_details,
                   lambda: self.meeting_id, form, on_error, on_done)

    def set_attendance(self, state, name: str, on_error, on_done=None) -> None:
        self._edit(_("Attendance of {name}").format(name=name), ops_meeting.set_attendance,
                   lambda: self.meeting_id, state, on_error, on_done)

    # -- agenda --------------------------------------------------------------------------
    def add_item(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._create(_("Add agenda item {title}").format(title=form.title), AGENDA_ITEM,
                     lambda s: ops_agenda.add_item(s, m, form),
                     lambda s, item_id: ops_agenda.remove_item(s, item_id)[0],
                     on_error, on_done)

    def edit_item(self, item_id: int, form, on_error, on_done=None) -> None:
        self._edit(_("Edit agenda item {title}").format(title=form.title), ops_agenda.edit_item,
                   self._record(AGENDA_ITEM, item_id), form, on_error, on_done)

    def remove_item(self, item_id: int, title: str, on_error, on_done=None) -> None:
        def make(result):
            removed = result[1]
            return RecreateCommand(
                self.context, _("Remove agenda item {title}").format(title=title),
                AGENDA_ITEM, item_id, lambda s: ops_agenda.restore_item(s, removed),
                lambda s, current: ops_agenda.remove_item(s, current)[0], created_first=False)

        self._run(lambda s: ops_agenda.remove_item(s, self._id(AGENDA_ITEM, item_id)), make,
                  on_error, on_done)

    def move_item(self, item_id: int, new_position: int, on_error, on_done=None) -> None:
        self._edit(_("Move agenda item"), ops_agenda.move_item,
                   self._record(AGENDA_ITEM, item_id), new_position, on_error, on_done)

    def add_paper(self, item_id: int, documents_dir, source, title: str, is_public: bool,
                  language: str, on_error, on_done=None) -> None:
        current = self._record(AGENDA_ITEM, item_id)
        self._run(lambda s: ops_agenda.add_paper(s, documents_dir, current(), source, title,
                                                 is_public, language),
                  lambda result: PairCommand(
                      self.context, _("Attach {title}").format(title=title),
                      lambda s: ops_agenda.attach_paper(s, current(), result[1]),
                      lambda s: ops_agenda.detach_paper(s, current(), result[1])),
                  on_error, on_done)

    def detach_paper(self, item_id: int, document_id: int, title: str, on_error) -> None:
        current = self._record(AGENDA_ITEM, item_id)
        self._run(lambda s: ops_agenda.detach_paper(s, current(), document_id),
                  lambda _r: PairCommand(
                      self.context, _("Detach {title}").format(title=title),
                      lambda s: ops_agenda.detach_paper(s, current(), document_id),
                      lambda s: ops_agenda.attach_paper(s, current(), document_id)),
                  on_error)

    # -- minutes, decisions, actions -----------------------------------------------------
    def save_minutes(self, minutes_id: int, texts: dict, on_error, on_done=None) -> None:
        self._edit(_("Edit minutes"), ops_records.save_texts, lambda: minutes_id, texts,
                   on_error, on_done)

    def record_decision(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._create(_("Record decision"), DECISION,
                     lambda s: ops_records.record_decision(s, m, form),
                     ops_records.delete_decision, on_error, on_done)

    def add_action(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._create(_("Add action item"), ACTION, lambda s: ops_records.add_action(s, m, form),
                     ops_records.remove_action, on_error, on_done)

    def edit_action(self, action_id: int, form, on_error, on_done=None) -> None:
        self._edit(_("Edit action item"), ops_records.edit_action,
                   self._record(ACTION, action_id), form, on_error, on_done)
