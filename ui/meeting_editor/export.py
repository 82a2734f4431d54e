"""The editor's exports: agenda PDF, minutes PDF (Chinese or English, optionally with
民國 years) and the meeting's calendar file, behind a progress dialog; afterwards the
clerk may open the file. The file name offered says which meeting and document it is
(``secretariat.export.file_names``); the save dialog opens in the folder of the last
export, at first the user's Documents folder. A PDF's data is read on the database worker and the PDF
rendered on a compute thread (``DatabaseWorker.submit_long``), so other database work
goes on meanwhile; the small calendar files are written on the worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QMessageBox, QProgressDialog, QWidget,
)

from secretariat.export import (
    document_file_name, load_meeting, load_minutes_record, meeting_to_ics, upcoming_to_ics,
    write_agenda_pdf, write_minutes_pdf,
)
from secretariat.atomic_files import write_atomically
from secretariat.i18n import _, current_language, ngettext
from ui import settings
from ui.forms import FormDialog
from ui.progress import run_with_progress

AGENDA, MINUTES, CALENDAR = "agenda", "minutes", "calendar"
UPCOMING = "upcoming"  # the calendar of every meeting not yet over, not only this one
CALENDARS = (CALENDAR, UPCOMING)


def _read_pdf_data(kind: str, meeting_id: int, language: str):
    """The database job of a PDF export: the document's plain data."""
    def read(session):
        if kind == AGENDA:
            return load_meeting(session, meeting_id, language=language)
        return load_minutes_record(session, meeting_id, language=language)
    return read


def _write_pdf(kind: str, out: Path, language: str, roc: bool):
    """The computation of a PDF export (no session): render the data read into ``out``."""
    def write(data, progress) -> Path:
        progress.report(0, 1)
        render = write_agenda_pdf if kind == AGENDA else write_minutes_pdf
        render(data, out, language=language, roc=roc)
        progress.report(1, 1)
        return out
    return write


def _render(kind: str, meeting_id: int, out: Path, language: str, roc: bool,
            left_out: list | None = None):
    """The worker job of a calendar export: ``job(session, progress)`` writes ``out``;
    meetings the calendar of upcoming meetings cannot hold go to ``left_out``."""
    def job(session, progress) -> Path:
        progress.report(0, 1)
        if kind == UPCOMING:
            write_atomically(out, upcoming_to_ics(session, language=language,
                                                  left_out=left_out))
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

    def default_name(self, kind: str, language: str) -> str:
        """``2026-10-15 第6次論壇會議 議程.pdf``: the meeting's date and title, the
        document's name, all in the document's language."""
        data = self.editor.data
        details = data.details if data is not None else None
        return document_file_name(
            kind, title=details.title if details else "",
            title_en=details.title_en if details else "",
            day=data.day if data is not None else None, language=language)

    @staticmethod
    def start_folder() -> Path:
        """The folder of the last export; at first, or when it is gone, Documents."""
        last = settings.LAST_EXPORT_DIR.value()
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

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
        suggested = self.start_folder() / self.default_name(kind, language)
        name, _chosen = QFileDialog.getSaveFileName(
            self.editor, self._title(kind), str(suggested), file_filter)
        if name:
            settings.LAST_EXPORT_DIR.set(str(Path(name).parent))
            self.export(kind, Path(name), language=language, roc=roc)

    def export(self, kind: str, out: Path, *, language: str, roc: bool = False,
               offer_open: bool = True):
        left_out: list = []  # filled on the worker, read once the job is done

        def done(path: Path) -> None:
            self.editor.exported.emit(str(path))
            if left_out:
                self.warn_left_out(left_out)
            if offer_open:
                self.offer_open(path)

        if kind in (AGENDA, MINUTES):
            return self._export_pdf(kind, out, language, roc, done)
        return run_with_progress(
            self.editor, self.editor.worker, self._title(kind),
            _render(kind, self.editor.meeting_id, out, language, roc, left_out), done,
            self.editor.show_error)

    def _export_pdf(self, kind: str, out: Path, language: str, roc: bool, done):
        title = self._title(kind)
        dialog = QProgressDialog(title, _("Cancel"), 0, 0, self.editor)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def progress(step: int, total: int, _label: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(min(step, total))

        def finish(callback, *value) -> None:
            dialog.close()
            dialog.deleteLater()
            callback(*value)

        handle = self.editor.worker.submit_long(
            _read_pdf_data(kind, self.editor.meeting_id, language),
            _write_pdf(kind, out, language, roc), progress,
            lambda path: finish(done, path), lambda error: finish(self.editor.show_error, error),
            on_cancelled=lambda: finish(lambda: None))
        # Closing the dialog emits canceled too: only a job still running is cancelled.
        dialog.canceled.connect(lambda: handle.finished or handle.cancel())
        dialog.show()
        dialog.job = handle  # type: ignore[attr-defined]  # for tests
        return dialog

    def warn_left_out(self, left_out: list) -> None:
        """Meetings dated in an impossible year (kept by an older version) are not in
        the calendar: the clerk learns which, to correct their dates."""
        meetings = _(", ").join(_("{title} (year {year})").format(title=m.title, year=m.year)
                                for m in left_out)
        QMessageBox.warning(self.editor, self._title(UPCOMING), ngettext(
            "This meeting is not in the calendar, as its date is impossible: {meetings}. "
            "Correct its date in its meeting editor.",
            "These meetings are not in the calendar, as their dates are impossible: "
            "{meetings}. Correct their dates in their meeting editors.",
            len(left_out)).format(meetings=meetings))

    def offer_open(self, path: Path) -> None:
        answer = QMessageBox.question(
            self.editor, _("Export finished"),
            _("Saved {path}. Open it now?").format(path=path))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
