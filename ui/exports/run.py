"""Running one export from the Exports view: the output chooser, the progress dialog with
Cancel (``DatabaseWorker.submit_long``: read on the database thread, render and write on
a compute thread) and, afterwards, the result's folder in the file manager.

Cancel or an error leaves nothing under the final name: the bag writer builds under a
temporary name and removes it when the computation stops (``JobCancelled`` is raised at
its next progress report).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QProgressDialog, QWidget

from secretariat.i18n import _
from ui.exports import actions


def documents_folder() -> Path:
    """Where the output chooser starts: the user's Documents folder (else home)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def choose_target(parent: QWidget, kind: str, suggested: Path) -> Path | None:
    """Ask where to write; None when the clerk cancels. A publication is a folder the
    package creates (its name is chosen like a file's); the others are ZIP files."""
    title = _("Where to write the package")
    if kind == actions.PUBLICATION:
        name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested),
                                                    _("Package folder (*)"))
        return Path(name) if name else None
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested),
                                                _("ZIP files (*.zip)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")


def ask_passphrase(parent: QWidget, key_file: Path) -> str | None:
    """The key file's passphrase, typed into a password field; never stored."""
    new = not key_file.exists()
    label = (_("No keyring is available on this computer, so the signing key will be kept "
               "in {path}, protected by a passphrase. Choose a passphrase (at least 8 "
               "characters) and keep it safe:") if new else
             _("The signing key is kept in {path}, protected by a passphrase. "
               "Passphrase:")).format(path=key_file)
    text, accepted = QInputDialog.getText(parent, _("Signing key passphrase"), label,
                                          QLineEdit.EchoMode.Password)
    return text if accepted and text else None


def open_in_file_manager(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ExportRun(QObject):
    """One export under way; ``finished(path)``, ``failed(error)`` or ``cancelled()``."""

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, worker, documents_dir: Path,
                 request: actions.Request, target: Path, signer):
        super().__init__(parent)
        self.target = target
        title = _("Writing the package")
        self.dialog = QProgressDialog(_("Reading the records…"), _("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.job = worker.submit_long(
            actions.read(documents_dir, request), actions.write(request, target, signer),
            self.progress, self._done, self._failed, on_cancelled=self._cancelled)
        # Closing the dialog emits canceled too: only a job still running is cancelled.
        self.dialog.canceled.connect(lambda: self.job.finished or self.job.cancel())
        self.dialog.show()

    def progress(self, done: int, total: int, label: str) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))
        if label:
            self.dialog.setLabelText(_("Writing {name}").format(name=label))

    def cancel(self) -> None:
        self.job.cancel()

    def _close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()

    def _done(self, path: Path) -> None:
        self._close()
        self.finished.emit(path)

    def _failed(self, error: BaseException) -> None:
        self._close()
        self.failed.emit(error)

    def _cancelled(self) -> None:
        self._close()
        self.cancelled.emit()
