"""Opening what a row or a search result refers to: its meeting, or a document's file.

Pages take these as hooks (``open_meeting(widget, meeting_id)``) so tests can see what
would be opened without windows popping up.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from ui.errors import show_error


def open_meeting(widget: QWidget, context, meeting_id: int, at: RecordTarget | None = None
                 ) -> None:
    """The meeting editor on ``meeting_id``, through the shell's hook (so this package does
    not import the editor, which imports it); with ``at``, on that record's tab with the
    record selected."""
    editor = context.open_meeting(meeting_id, widget.window())
    if at is not None and editor is not None:
        editor.show_record(at.kind, at.record_id, at.agenda_item_id)


@dataclass(frozen=True)
class RecordTarget:
    """A record inside a meeting: an agenda item, a decision or minutes (search kinds),
    and for minutes the agenda item whose text matched."""

    kind: str
    record_id: int
    agenda_item_id: int | None = None

    @classmethod
    def of_hit(cls, hit) -> "RecordTarget":
        return cls(hit.kind, hit.record_id, hit.agenda_item_id)


def open_document(widget: QWidget, context, document_id: int) -> None:
    """The document's file in the system's viewer (the PDF reader, the word processor…)."""
    from ui.records.actions import document_path

    documents_dir = context.worker.store.documents_dir

    def opened(path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            show_error(widget, SecretariatError(
                N_("No program on this computer opens the file {path}."), path=str(path)))

    context.worker.submit(lambda s: document_path(s, documents_dir, document_id), opened,
                          lambda error: show_error(widget, error))
