"""Opening what a row or a search result refers to: its meeting, or a document's file.

Pages take these as hooks (``open_meeting(widget, meeting_id)``) so tests can see what
would be opened without windows popping up.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from ui.errors import show_error


def open_meeting(widget: QWidget, context, meeting_id: int) -> None:
    """The meeting editor on ``meeting_id``; without one, the meeting in the Meetings page."""
    try:
        from ui.meeting_editor import open_meeting_editor
    except ImportError:
        open_meeting_editor = None
    if open_meeting_editor is not None:
        open_meeting_editor(context, meeting_id, widget.window())
        return
    _show_in_meetings_page(widget.window(), meeting_id)


def _show_in_meetings_page(window, meeting_id: int) -> None:
    if not hasattr(window, "show_page"):
        return
    window.show_page("meetings")
    page = window.page("meetings")
    row = page.model.row_index_of(meeting_id)
    if row >= 0:
        page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())
        page.table.setFocus()


def open_document(widget: QWidget, context, document_id: int) -> None:
    """The document's file in the system's viewer (the PDF reader, the word processor…)."""
    from ui.records.operations import document_path

    documents_dir = context.worker.store.documents_dir

    def opened(path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            show_error(widget, SecretariatError(
                N_("No program on this computer opens the file {path}."), path=str(path)))

    context.worker.submit(lambda s: document_path(s, documents_dir, document_id), opened,
                          lambda error: show_error(widget, error))
