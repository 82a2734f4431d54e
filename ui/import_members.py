"""File ▸ Import members from CSV: all rows checked, every problem listed, all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from secretariat.i18n import _, format_number, ngettext
from ui import settings
from ui.errors import show_error
from ui.changes import ChangeKind, Changes


def _import(session, path: Path):
    from secretariat.services.members.import_csv import import_members_csv

    return import_members_csv(session, path)


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


def import_members_file(parent: QWidget, worker, path: Path) -> None:
    """Run the import on the worker; the result or the list of errors is shown."""

    def done(report) -> None:
        worker.changed.emit(Changes(ChangeKind.MEMBER))
        QMessageBox.information(parent, _("Import members"), report_text(report))

    def failed(error: BaseException) -> None:
        show_error(parent, error, _("Import members"))

    worker.submit(lambda s: _import(s, path), done, failed)


def ask_and_import(parent: QWidget, worker) -> None:
    start = settings.LAST_IMPORT_DIR.value() or str(Path.home())
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Import members from CSV"), start, _("CSV files (*.csv);;All files (*)"))
    if name:
        settings.LAST_IMPORT_DIR.set(str(Path(name).parent))
        import_members_file(parent, worker, Path(name))
