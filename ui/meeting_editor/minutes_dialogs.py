"""Dialogs of the minutes lifecycle: circulate, approve (by a later meeting's decision),
correct; and the differences between two versions as coloured HTML."""

from __future__ import annotations

import datetime as dt
import html
from typing import Callable
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from secretariat.i18n import _
from secretariat.services import textdiff
from ui.forms import FormDialog
from ui.meeting_editor.models import ApprovalCandidateModel
from ui.meetings.meeting_dialog import datetime_edit, wall_time
from ui.table_view import fit_columns, make_proxy, make_table

INSERT_STYLE = "background-color:#c8f0c8;"
DELETE_STYLE = "background-color:#f8c8c8;text-decoration:line-through;"


class CirculateDialog(FormDialog):
    def __init__(self, parent: QWidget | None, time_zone: str, submitter: Callable):
        super().__init__(parent, _("Circulate minutes"))
        self.zone = ZoneInfo(time_zone)
        self._submitter = submitter
        now = dt.datetime.now(self.zone).replace(second=0, microsecond=0, tzinfo=None)
        self.when = self.add_field("when", _("Circulated &on:"), datetime_edit(now))
        self.to = self.add_field("to", _("Circulated &to:"), QLineEdit())
        self.to.setPlaceholderText(_("e.g. all members, by e-mail"))
        self.ready()

    def value(self) -> tuple[dt.datetime, str]:
        return wall_time(self.when).replace(tzinfo=self.zone), self.to.text().strip()

    def problems(self) -> dict[str, str]:
        return {} if self.value()[1] else {"to": _("Say to whom the minutes were circulated.")}

    def submit(self) -> None:
        self._submitter(*self.value(), self)


class ApproveDialog(FormDialog):
    """Pick the decision of a later meeting that approved these minutes."""

    def __init__(self, parent: QWidget | None, candidates: list, submitter: Callable):
        super().__init__(parent, _("Approve minutes"))
        self.setMinimumWidth(640)
        self._submitter = submitter
        self.model = ApprovalCandidateModel(self)
        self.model.set_rows(candidates)
        self.table = make_table(make_proxy(self.model, self), self)
        self.add_field("decision", _("Approving &decision:"), self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.revalidate())
        fit_columns(self.table)
        note = QLabel(_("Approving locks the minutes: later changes need a correction, "
                        "which makes a new version."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.ready()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.table.model().mapToSource(rows[0])
        return self.model.row_at(source.row()).id

    def problems(self) -> dict[str, str]:
        if not self.model.rowCount():
            return {"decision": _("No later meeting has a decision yet. Record the approving "
                                  "decision in the minutes of the later meeting first.")}
        if self.selected_id() is None:
            return {"decision": _("Choose the decision that approved these minutes.")}
        return {}

    def submit(self) -> None:
        self._submitter(self.selected_id(), self)


class CorrectDialog(FormDialog):
    def __init__(self, parent: QWidget | None, submitter: Callable):
        super().__init__(parent, _("Correct approved minutes"))
        self._submitter = submitter
        self.reason = self.add_field("reason", _("&Reason for the correction:"),
                                     QPlainTextEdit())
        self.reason.textChanged.connect(self._touch)
        self.ready()

    def _touch(self) -> None:
        self.touch("reason")

    def problems(self) -> dict[str, str]:
        return {} if self.reason.toPlainText().strip() else {
            "reason": _("Give the reason for the correction.")}

    def submit(self) -> None:
        self._submitter(self.reason.toPlainText().strip(), self)


def _segment_html(op: str, text: str) -> str:
    escaped = html.escape(text)
    if op == textdiff.INSERT:
        return f'<span style="{INSERT_STYLE}">{escaped}</span>'
    if op == textdiff.DELETE:
        return f'<span style="{DELETE_STYLE}">{escaped}</span>'
    return escaped


def diff_html(diff) -> str:
    """A services.minutes.MinutesDiff as HTML: insertions green, deletions red."""
    heading = _("Version {old} → version {new}").format(old=diff.old_version,
                                                       new=diff.new_version)
    parts = [f"<h3>{html.escape(heading)}</h3>"]
    if not diff.changed:
        same = _("The two versions have the same text.")
        parts.append(f"<p>{html.escape(same)}</p>")
    for item in diff.items:
        if not item.changed:
            continue
        body = "".join(_segment_html(op, text) for op, text in item.segments)
        parts.append(f"<h4>{html.escape(item.title)}</h4>"
                     f'<p style="white-space:pre-wrap">{body}</p>')
    return "".join(parts)
