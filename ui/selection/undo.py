"""Undo commands of the Member selection page: one per undoable action. Publishing is
not undoable (it closes the history); running the method replaces a computed result,
which running again recomputes, so it is not on the undo stack either."""

from __future__ import annotations

from secretariat.i18n import _
from ui.selection import actions
from ui.selection.actions import Screening
from ui.undo import CommandContext, WorkerCommand

ROUND = "selection round"  # RecordIds topic: a round re-created by redo gets a new id


class ScreenCandidate(WorkerCommand):
    def __init__(self, context: CommandContext, round_id: int, name: str, old: Screening,
                 new: Screening):
        super().__init__(context, _("Screen candidate {name}").format(name=name))
        self.round_id, self.old, self.new = round_id, old, new

    def apply(self, s):
        return actions.screen(s, self.round_id, self.new)

    def revert(self, s):
        return actions.screen(s, self.round_id, self.old)


class DecideRound(WorkerCommand):
    """Undo removes exactly the members the decision seated (the service knows which)."""

    def __init__(self, context: CommandContext, round_id: int, title: str):
        super().__init__(context, _("Decide round {title}").format(title=title))
        self.round_id = round_id

    def apply(self, s):
        return actions.decide(s, self.round_id)

    def revert(self, s):
        return actions.undo_decision(s, self.round_id)


class UndoDecision(WorkerCommand):
    """The "Undo decision" button, for a decision taken before this session's history
    (its own undo decides again)."""

    def __init__(self, context: CommandContext, round_id: int, title: str):
        super().__init__(context, _("Undo the decision of round {title}").format(title=title))
        self.round_id = round_id

    def apply(self, s):
        return actions.undo_decision(s, self.round_id)

    def revert(self, s):
        return actions.decide(s, self.round_id)


class CreateRound(WorkerCommand):
    def __init__(self, context: CommandContext, form, round_id: int):
        super().__init__(context, _("New selection round {title}").format(title=form.title))
        self.form, self.round_id = form, round_id

    def apply(self, s):
        from ui.selection import input_actions

        changes = input_actions.create_round(s, self.form)
        self.context.ids.renamed(ROUND, self.round_id, changes.ids[0])
        return changes

    def revert(self, s):
        from ui.selection import input_actions

        return input_actions.delete_round(s, self.resolve(ROUND, self.round_id))


class MoveRound(WorkerCommand):
    """Opening or closing the call; its undo moves the round back."""

    def __init__(self, context: CommandContext, round_id: int, old: str, new: str, text: str):
        super().__init__(context, text)
        self.round_id, self.old, self.new = round_id, old, new

    def apply(self, s):
        from ui.selection import input_actions

        return input_actions.move(s, self.resolve(ROUND, self.round_id), self.new)

    def revert(self, s):
        from ui.selection import input_actions

        return input_actions.move(s, self.resolve(ROUND, self.round_id), self.old)
