"""Undo commands of the Terms of reference page: a draft made from the page can be
taken back while it is a draft (adoption cannot: it is never undone)."""

from __future__ import annotations

from secretariat.i18n import _
from ui.terms.actions import discard, edit_draft, redraft, sign, unsign
from ui.undo import CommandContext, WorkerCommand


class DraftVersion(WorkerCommand):
    """A new draft copying the version in force; undo discards it, redo drafts it again
    (with the same version number: the draft is always the newest version)."""

    def __init__(self, context: CommandContext, version_no: int):
        super().__init__(context, _("Draft version {version} of the terms of reference")
                         .format(version=version_no))
        self.version_no = version_no

    def apply(self, session):
        return redraft(session)

    def revert(self, session):
        return discard(session, self.version_no)


class DiscardDraft(WorkerCommand):
    """Discard the draft; undo drafts it again with what it held (``content``, the
    draft as the page showed it)."""

    def __init__(self, context: CommandContext, content):
        super().__init__(context, _("Discard draft version {version} of the terms of "
                                    "reference").format(version=content.version_no))
        self.content = content

    def apply(self, session):
        return discard(session, self.content.version_no)

    def revert(self, session):
        return redraft(session, self.content)


class SignStatement(WorkerCommand):
    """A member's signature of a version's ethics statement; undo takes it back."""

    def __init__(self, context: CommandContext, member, version_no: int, day, method: str):
        super().__init__(context, _("Record {name}'s signature of the ethics statement")
                         .format(name=member.name))
        self.person_id, self.version_no = member.person_id, version_no
        self.day, self.method = day, method

    def apply(self, session):
        return sign(session, self.person_id, self.version_no, self.day, self.method)

    def revert(self, session):
        return unsign(session, self.person_id, self.version_no)


class EditDraft(WorkerCommand):
    """The draft's rules and texts as edited; undo puts back what it held before."""

    def __init__(self, context: CommandContext, before, after: tuple):
        super().__init__(context, _("Edit draft version {version} of the terms of reference")
                         .format(version=before.version_no))
        self.version_no = before.version_no
        self.before = (dict(before.rules),
                       {t: {"zh_TW": zh, "en": en} for t, (zh, en) in before.texts.items()},
                       before.change_note,
                       # Every sector the edit touched, so undo also removes added seats.
                       {**{code: (0, 0) for code in (after[3] if len(after) > 3 else {})},
                        **{row.sector_code: (row.seats, row.alternates)
                           for row in before.seats}})
        self.after = after

    def apply(self, session):
        return edit_draft(session, self.version_no, *self.after)

    def revert(self, session):
        return edit_draft(session, self.version_no, *self.before)
