"""Undo commands of the meeting editor, built from pairs of operations.

Every command runs its operations on the database worker (see ``ui.commands.base``).
Ids are resolved when a job runs, because undoing a removal re-creates the record with a
new id and later commands on the stack must follow it.
"""

from __future__ import annotations

from typing import Callable

from secretariat.i18n import _
from ui.commands.base import CommandContext, WorkerCommand, run_then_push
from ui.meeting_editor import ops_agenda, ops_meeting, ops_records
from ui.meeting_editor.ops_agenda import AGENDA_ITEM
from ui.meeting_editor.ops_records import ACTION, DECISION

Job = Callable  # (session) -> Change


class PairCommand(WorkerCommand):
    """``forward(session)`` and ``backward(session)``, each returning a Change."""

    def __init__(self, context: CommandContext, text: str, forward: Job, backward: Job):
        super().__init__(context, text)
        self.forward, self.backward = forward, backward

    def apply(self, session):
        return self.forward(session)

    def revert(self, session):
        return self.backward(session)


class RecreateCommand(WorkerCommand):
    """A record that one direction creates (new id each time) and the other deletes.

    ``create(session) -> (Change, new_id)``; ``delete(session, current_id) -> Change``.
    ``created_first`` says which direction the user's own action was.
    """

    def __init__(self, context: CommandContext, text: str, topic: str, record_id: int,
                 create: Callable, delete: Callable, created_first: bool = True):
        super().__init__(context, text)
        self.topic, self.record_id, self.created_first = topic, record_id, created_first
        self.create, self.delete = create, delete

    def _create(self, session):
        change, new_id = self.create(session)
        self.context.ids.renamed(self.topic, self.record_id, new_id)
        return change

    def _delete(self, session):
        return self.delete(session, self.context.ids.resolve(self.topic, self.record_id))

    def apply(self, session):
        return self._create(session) if self.created_first else self._delete(session)

    def revert(self, session):
        return self._delete(session) if self.created_first else self._create(session)


class EditorCommands:
    """The editor's actions: run now, then push the matching undo command."""

    def __init__(self, context: CommandContext, meeting_id: int):
        self.context, self.meeting_id = context, meeting_id

    def _id(self, topic: str, record_id: int) -> int:
        return self.context.ids.resolve(topic, record_id)

    def _run(self, operation, make_command, on_error, on_done=None) -> None:
        run_then_push(self.context, operation, make_command, on_error, on_done)

    # -- details and attendance ----------------------------------------------------------
    def edit_details(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._run(lambda s: ops_meeting.edit_details(s, m, form),
                  lambda result: PairCommand(
                      self.context, _("Edit meeting {title}").format(title=form.title),
                      lambda s: ops_meeting.edit_details(s, m, form)[0],
                      lambda s: ops_meeting.edit_details(s, m, result[1])[0]),
                  on_error, on_done)

    def set_attendance(self, state, name: str, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._run(lambda s: ops_meeting.set_attendance(s, m, state),
                  lambda result: PairCommand(
                      self.context, _("Attendance of {name}").format(name=name),
                      lambda s: ops_meeting.set_attendance(s, m, state)[0],
                      lambda s: ops_meeting.set_attendance(s, m, result[1])[0]),
                  on_error, on_done)

    # -- agenda --------------------------------------------------------------------------
    def add_item(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._run(lambda s: ops_agenda.add_item(s, m, form),
                  lambda result: RecreateCommand(
                      self.context, _("Add agenda item {title}").format(title=form.title),
                      AGENDA_ITEM, result[1], lambda s: ops_agenda.add_item(s, m, form),
                      lambda s, item_id: ops_agenda.remove_item(s, item_id)[0]),
                  on_error, on_done)

    def edit_item(self, item_id: int, form, on_error, on_done=None) -> None:
        current = lambda: self._id(AGENDA_ITEM, item_id)  # noqa: E731
        self._run(lambda s: ops_agenda.edit_item(s, current(), form),
                  lambda result: PairCommand(
                      self.context, _("Edit agenda item {title}").format(title=form.title),
                      lambda s: ops_agenda.edit_item(s, current(), form)[0],
                      lambda s: ops_agenda.edit_item(s, current(), result[1])[0]),
                  on_error, on_done)

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
        current = lambda: self._id(AGENDA_ITEM, item_id)  # noqa: E731
        self._run(lambda s: ops_agenda.move_item(s, current(), new_position),
                  lambda result: PairCommand(
                      self.context, _("Move agenda item"),
                      lambda s: ops_agenda.move_item(s, current(), new_position)[0],
                      lambda s: ops_agenda.move_item(s, current(), result[1])[0]),
                  on_error, on_done)

    def add_paper(self, item_id: int, documents_dir, source, title: str, is_public: bool,
                  language: str, on_error, on_done=None) -> None:
        current = lambda: self._id(AGENDA_ITEM, item_id)  # noqa: E731
        self._run(lambda s: ops_agenda.add_paper(s, documents_dir, current(), source, title,
                                                 is_public, language),
                  lambda result: PairCommand(
                      self.context, _("Attach {title}").format(title=title),
                      lambda s: ops_agenda.attach_paper(s, current(), result[1]),
                      lambda s: ops_agenda.detach_paper(s, current(), result[1])),
                  on_error, on_done)

    def detach_paper(self, item_id: int, document_id: int, title: str, on_error) -> None:
        current = lambda: self._id(AGENDA_ITEM, item_id)  # noqa: E731
        self._run(lambda s: ops_agenda.detach_paper(s, current(), document_id),
                  lambda _r: PairCommand(
                      self.context, _("Detach {title}").format(title=title),
                      lambda s: ops_agenda.detach_paper(s, current(), document_id),
                      lambda s: ops_agenda.attach_paper(s, current(), document_id)),
                  on_error)

    # -- minutes, decisions, actions -----------------------------------------------------
    def save_minutes(self, minutes_id: int, texts: dict, on_error, on_done=None) -> None:
        self._run(lambda s: ops_records.save_texts(s, minutes_id, texts),
                  lambda result: PairCommand(
                      self.context, _("Edit minutes"),
                      lambda s: ops_records.save_texts(s, minutes_id, texts)[0],
                      lambda s: ops_records.save_texts(s, minutes_id, result[1])[0]),
                  on_error, on_done)

    def record_decision(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._run(lambda s: ops_records.record_decision(s, m, form),
                  lambda result: RecreateCommand(
                      self.context, _("Record decision"), DECISION, result[1],
                      lambda s: ops_records.record_decision(s, m, form),
                      ops_records.delete_decision),
                  on_error, on_done)

    def add_action(self, form, on_error, on_done=None) -> None:
        m = self.meeting_id
        self._run(lambda s: ops_records.add_action(s, m, form),
                  lambda result: RecreateCommand(
                      self.context, _("Add action item"), ACTION, result[1],
                      lambda s: ops_records.add_action(s, m, form),
                      ops_records.remove_action),
                  on_error, on_done)

    def edit_action(self, action_id: int, form, on_error, on_done=None) -> None:
        current = lambda: self._id(ACTION, action_id)  # noqa: E731
        self._run(lambda s: ops_records.edit_action(s, current(), form),
                  lambda result: PairCommand(
                      self.context, _("Edit action item"),
                      lambda s: ops_records.edit_action(s, current(), form)[0],
                      lambda s: ops_records.edit_action(s, current(), result[1])[0]),
                  on_error, on_done)
