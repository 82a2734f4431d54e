"""File ▸ Import members from CSV: all rows checked, every problem listed, all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from secretariat.i18n import _, format_number, ngettext
from ui import settings
from ui.errors import show_error
from ui.changes import ChangeKind, Changes
from ui.progress import Progress, run_with_progress


class _Cancelled(Exception):
    """Raised from the progress callback once the clerk pressed Cancel: the worker rolls
    the import back, and nothing more is shown."""


def _import(session, path: Path, progress: Progress):
    from secretariat.services.members.import_csv import import_members_csv

    label = _("Importing members…")

    def report(done: int, total: int) -> None:
        if progress.cancelled():
            raise _Cancelled()
        progress.report(done, total, label)

    return import_members_csv(session, path, progress=report)


def report_text(report) -> str:
    # One plural per count: "1 person", not "1 people".
    return _("Imported {people}, {organisations}, {seats} and {memberships}.").format(
        people=ngettext("{count} person", "{count} people", report.people_added).format(
            count=format_number(report.people_added)),
        organisations=ngettext("{count} organisation", "{count} organisations",
                               report.organisations_added).format(
            count=format_number(report.organisations_added)),
        seats=ngettext("{count} seat", "{count} seats", report.seats_added).format(
            count=format_number(report.seats_added)),
        memberships=ngettext("{count} membership", "{count} memberships",
                             report.memberships_added).format(
            count=format_number(report.memberships_added)))


def import_members_file(parent: QWidget, worker, path: Path):
    """Run the import on the worker behind a progress dialog (with Cancel); the result or
    the list of errors is shown. Returns the dialog."""

    def done(report) -> None:
        worker.changed.emit(Changes(ChangeKind.MEMBER))
        QMessageBox.information(parent, _("Import members"), report_text(report))

    def failed(error: BaseException) -> None:
        if not isinstance(error, _Cancelled):
            show_error(parent, error, _("Import members"))

    return run_with_progress(parent, worker, _("Importing members…"),
                             lambda s, progress: _import(s, path, progress), done, failed)


def ask_and_import(parent: QWidget, worker) -> None:
    start = settings.LAST_IMPORT_DIR.value() or str(Path.home())
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Import members from CSV"), start, _("CSV files (*.csv);;All files (*)"))
    if name:
        settings.LAST_IMPORT_DIR.set(str(Path(name).parent))
        import_members_file(parent, worker, Path(name))
