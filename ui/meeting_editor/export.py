"""The editor's exports: agenda PDF, minutes PDF (Chinese or English, optionally with
民國 years) and the meeting's calendar file. Rendering runs on the database worker behind
a progress dialog; afterwards the clerk may open the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QMessageBox, QWidget

from secretariat.export import (
    meeting_to_ics, render_agenda_pdf, render_minutes_pdf, upcoming_to_ics,
)
from secretariat.atomic_files import write_atomically
from secretariat.i18n import _, current_language
from ui import settings
from ui.forms import FormDialog
from ui.progress import run_with_progress

AGENDA, MINUTES, CALENDAR = "agenda", "minutes", "calendar"
UPCOMING = "upcoming"  # the calendar of every meeting not yet over, not only this one
CALENDARS = (CALENDAR, UPCOMING)


def _render(kind: str, meeting_id: int, out: Path, language: str, roc: bool):
    """The worker job: ``job(session, progress)`` writes ``out``."""
    def job(session, progress) -> Path:
        progress.report(0, 1)
        if kind == AGENDA:
            render_agenda_pdf(session, meeting_id, out, language=language, roc=roc)
        elif kind == MINUTES:
            render_minutes_pdf(session, meeting_id, out, language=language, roc=roc)
        elif kind == UPCOMING:
            write_atomically(out, upcoming_to_ics(session, language=language))
        else:
            write_atomically(out, meeting_to_ics(session, meeting_id, language=language))
        progress.report(1, 1)
        return out
    return job


class ExportOptionsDialog(FormDialog):
    """Language of the document, and 民國 years for Chinese: ticked to begin with when the
    user reads dates that way in the application, but still each export's own choice."""

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent, title)
        self.language = self.add_field("language", _("&Language:"), QComboBox())
        self.language.addItem(_("Traditional Chinese"), "zh_TW")
        self.language.addItem(_("English"), "en")
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.roc = self.add_field("roc", _("Dates:"), QCheckBox(
            _("&Republic of China (民國) years")))
        self._roc_choice = bool(settings.ROC_YEARS.value())  # kept while English is chosen
        self.roc.setChecked(self._roc_choice)
        self.roc.toggled.connect(self._roc_toggled)
        self.language.currentIndexChanged.connect(self._language_changed)
        self._language_changed()
        self.ready()

    def _roc_toggled(self, checked: bool) -> None:
        if self.roc.isEnabled():
            self._roc_choice = checked

    def _language_changed(self, *_args) -> None:
        chinese = self.language.currentData() == "zh_TW"
        self.roc.setEnabled(chinese)
        self.roc.setChecked(chinese and self._roc_choice)

    def problems(self) -> dict[str, str]:
        return {}

    def submit(self) -> None:
        self.accept()


class Exporter:
    def __init__(self, editor):
        self.editor = editor

    def _title(self, kind: str) -> str:
        return {AGENDA: _("Export agenda PDF"), MINUTES: _("Export minutes PDF"),
                CALENDAR: _("Export calendar file"),
                UPCOMING: _("Export the calendar of all upcoming meetings")}[kind]

    def _default_name(self, kind: str, language: str) -> str:
        if kind == UPCOMING:
            return "upcoming-meetings.ics"
        suffix = ".ics" if kind == CALENDAR else f"-{language}.pdf"
        return f"meeting-{self.editor.meeting_id}-{kind}{suffix}"

    def ask(self, kind: str) -> None:
        """Ask for options and a file name, then export."""
        language, roc = current_language(), False
        if kind not in CALENDARS:
            options = ExportOptionsDialog(self.editor, self._title(kind))
            if not options.exec():
                return
            language, roc = options.language.currentData(), options.roc.isChecked()
        file_filter = (_("Calendar files (*.ics)") if kind in CALENDARS
                       else _("PDF files (*.pdf)"))
        name, _chosen = QFileDialog.getSaveFileName(
            self.editor, self._title(kind), self._default_name(kind, language), file_filter)
        if name:
            self.export(kind, Path(name), language=language, roc=roc)

    def export(self, kind: str, out: Path, *, language: str, roc: bool = False,
               offer_open: bool = True):
        def done(path: Path) -> None:
            self.editor.exported.emit(str(path))
            if offer_open:
                self.offer_open(path)

        return run_with_progress(
            self.editor, self.editor.worker, self._title(kind),
            _render(kind, self.editor.meeting_id, out, language, roc), done,
            self.editor.show_error)

    def offer_open(self, path: Path) -> None:
        answer = QMessageBox.question(
            self.editor, _("Export finished"),
            _("Saved {path}. Open it now?").format(path=path))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
