"""Undo commands of the Minutes and decisions pages: one named command per action."""

from __future__ import annotations

from secretariat.i18n import _
from ui.records.actions import set_action_status
from ui.undo import CommandContext, WorkerCommand


class MarkActionStatus(WorkerCommand):
    """Status of one action item; undo puts back the old status and completion date."""

    def __init__(self, context: CommandContext, row, new_status):
        super().__init__(context, _("Mark action “{action}” as {status}").format(
            action=_shorten(row.description), status=_(new_status.label)))
        self.action_id = row.id
        self.old_status, self.old_completed_on = row.status, row.completed_on
        self.new_status = new_status

    def apply(self, session):  # marked done: completed on the day it is (re)done
        return set_action_status(session, self.action_id, self.new_status)

    def revert(self, session):
        return set_action_status(session, self.action_id, self.old_status,
                                 self.old_completed_on)


def _shorten(text: str, limit: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
