"""The Exports page: choose the kind (a meeting's evidence, the IRM package of a period,
the publication), see what will be included and what is held back, see the signing key,
then write the package.

Reads run on the database worker (``ui.exports.actions``); nothing the page shows needs
Qt-side knowledge of the records. The services are imported when first used, so the page
can be built before the store is open.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QListView, QListWidget, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from ui.errors import show_error
from ui.widgets import date_edit, from_qdate


def _ops():
    from ui.exports import actions

    return actions


class ExportsPage(QWidget):
    exported = Signal(object)  # the package written (a Path)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.worker = context.worker
        self.meetings: list = []
        self.signer = None  # kept for this session once unlocked; the passphrase never is
        self.key_folder: Path | None = None  # the data folder unless a test sets it
        self.today: dt.date | None = None  # the publication's date (tests fix it)
        self.run = None  # the export under way
        self._preview_token = 0
        self._build()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        from ui.exports.actions import IRM, MEETING, PUBLICATION

        kinds = QGroupBox(_("What to export"))
        kind_layout = QVBoxLayout(kinds)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons = {}
        for key, text in ((MEETING, _("&Meeting evidence package")),
                          (IRM, _("&IRM package for a period")),
                          (PUBLICATION, _("&Publication package (website and open data)"))):
            button = QRadioButton(text)
            self.kind_buttons[key] = button
            self.kind_group.addButton(button)
            kind_layout.addWidget(button)
        self.kind_buttons[MEETING].setChecked(True)

        self.meeting_box = QComboBox()
        self.meeting_box.setAccessibleName(_("Meeting"))
        today = dt.date.today()
        self.date_from = date_edit(today.replace(month=1, day=1))
        self.date_to = date_edit(today)
        self.include_private = QCheckBox(_("Include private c&ontent (restricted papers, "
                                           "private decisions, notice lists) — not for "
                                           "publication"))
        options = QFormLayout()
        self.meeting_label = QLabel(_("Mee&ting:"))
        self.meeting_label.setBuddy(self.meeting_box)
        options.addRow(self.meeting_label, self.meeting_box)
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        self.to_label = QLabel(_("to"))
        period.addWidget(self.to_label)
        period.addWidget(self.date_to)
        period.addStretch(1)
        self.period_label = QLabel(_("Pe&riod:"))
        self.period_label.setBuddy(self.date_from)
        options.addRow(self.period_label, period)
        options.addRow("", self.include_private)

        self.included = QListWidget()
        self.included.setAccessibleName(_("Will be included"))
        self.held_back = QListWidget()
        self.held_back.setAccessibleName(_("Held back as private"))
        for listing in (self.included, self.held_back):  # long lists of names wrap
            listing.setWordWrap(True)
            listing.setResizeMode(QListView.ResizeMode.Adjust)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setSpacing(2)
        included_box = QGroupBox(_("Will be included"))
        QVBoxLayout(included_box).addWidget(self.included)
        held_box = QGroupBox(_("Held back as private"))
        QVBoxLayout(held_box).addWidget(self.held_back)
        previews = QHBoxLayout()
        previews.addWidget(included_box, 3)
        previews.addWidget(held_box, 2)

        key_box = QGroupBox(_("Signing key"))
        key_layout = QFormLayout(key_box)
        self.fingerprint = QLabel("…")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_where = QLabel("")
        self.key_where.setWordWrap(True)
        self.unlock_button = QPushButton(_("Unloc&k the signing key…"))
        self.unlock_button.hide()
        key_layout.addRow(_("Fingerprint:"), self.fingerprint)
        key_layout.addRow(_("Kept in:"), self.key_where)
        key_layout.addRow("", self.unlock_button)

        self.export_button = QPushButton(_("E&xport…"))
        self.export_button.setDefault(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)

        top = QHBoxLayout()
        top.addWidget(kinds)
        top.addLayout(options, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(previews, 1)
        layout.addWidget(key_box)
        layout.addLayout(bottom)

        self.kind_group.buttonToggled.connect(lambda _b, on: on and self._choice_changed())
        self.meeting_box.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.date_from.dateChanged.connect(lambda _d: self._choice_changed())
        self.date_to.dateChanged.connect(lambda _d: self._choice_changed())
        self.include_private.toggled.connect(lambda _on: self._choice_changed())
        self.unlock_button.clicked.connect(self.unlock_key)
        self.export_button.clicked.connect(self.export)
        self._show_fields()

    # -- state -------------------------------------------------------------------------
    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def request(self):
        ops = _ops()
        kind = self.kind()
        return ops.Request(
            kind, meeting_id=self.meeting_box.currentData() if kind == ops.MEETING else None,
            date_from=from_qdate(self.date_from.date()) if kind == ops.IRM else None,
            date_to=from_qdate(self.date_to.date()) if kind == ops.IRM else None,
            include_private=self.include_private.isChecked() and kind != ops.PUBLICATION,
            today=self.today if kind == ops.PUBLICATION else None)

    def _show_fields(self) -> None:
        from ui.exports.actions import IRM, MEETING, PUBLICATION

        kind = self.kind()
        for widget in (self.meeting_label, self.meeting_box):
            widget.setVisible(kind == MEETING)
        for widget in (self.period_label, self.date_from, self.to_label, self.date_to):
            widget.setVisible(kind == IRM)
        self.include_private.setVisible(kind != PUBLICATION)

    def _choice_changed(self) -> None:
        self._show_fields()
        self.refresh_preview()

    def refresh(self) -> None:
        """Meetings to choose from, the signing key, and the preview."""
        ops = _ops()
        self.worker.submit(ops.meeting_choices, self._show_meetings,
                           lambda e: show_error(self, e))
        if self.signer is None:
            self.load_key()

    def _show_meetings(self, meetings) -> None:
        chosen = self.meeting_box.currentData()
        self.meetings = meetings
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        for m in meetings:
            self.meeting_box.addItem(f"{m.day.isoformat()}  {m.title}", m.id)
        index = self.meeting_box.findData(chosen)
        self.meeting_box.setCurrentIndex(index if index >= 0 else 0)
        self.meeting_box.blockSignals(False)
        self.refresh_preview()

    # -- preview -----------------------------------------------------------------------
    def refresh_preview(self) -> None:
        request = self.request()
        if request.kind == _ops().MEETING and request.meeting_id is None:
            self._show_preview(None)
            return
        self._preview_token += 1
        token = self._preview_token
        documents = self.worker.store.documents_dir
        self.worker.submit(_ops().read(documents, request),
                           lambda result: token == self._preview_token
                           and self._show_preview(result[1]),
                           lambda error: token == self._preview_token
                           and self._preview_failed(error))

    def _show_preview(self, preview) -> None:
        from secretariat.packages.preview import describe

        self.included.clear()
        self.held_back.clear()
        if preview is None:
            self.included.addItem(_("There is no meeting to export yet."))
            return
        for line in preview.included:
            self.included.addItem(describe(line))
        for line in preview.held_back:
            self.held_back.addItem(describe(line))
        if not preview.held_back:
            self.held_back.addItem(_("Nothing: private content is included.")
                                   if self.request().include_private else _("Nothing."))

    def _preview_failed(self, error: BaseException) -> None:
        from ui.errors import error_text

        self.included.clear()
        self.held_back.clear()
        self.included.addItem(error_text(error))

    # -- the signing key ---------------------------------------------------------------
    def _key_folder(self) -> Path:
        if self.key_folder is None:
            from secretariat.paths import data_dir

            self.key_folder = data_dir()
        return self.key_folder

    def load_key(self, passphrase: str | None = None, then=None) -> None:
        """Open (or make) the key on the worker; without a keyring, ask for the
        passphrase only when ``then`` (an export) needs it."""
        folder = self._key_folder()
        ops = _ops()

        def loaded(signer) -> None:
            self.signer = signer
            self._show_key()
            if then is not None:
                then()

        def failed(error) -> None:
            from secretariat.packages.signing import PassphraseNeeded, key_file_path

            if isinstance(error, PassphraseNeeded):
                self.fingerprint.setText(_("(locked: enter the passphrase to see it)"))
                self.key_where.setText(_("a key file protected by a passphrase: {path} (no "
                                         "keyring on this computer)").format(
                    path=key_file_path(folder)))
                self.unlock_button.show()
                if then is not None:
                    self.unlock_key(then)
            else:
                show_error(self, error)

        self.worker.submit(lambda _store: ops.load_signer(folder, passphrase), loaded, failed,
                           with_session=False)

    def unlock_key(self, then=None) -> None:
        from secretariat.packages.signing import key_file_path
        from ui.exports import run

        passphrase = run.ask_passphrase(self, key_file_path(self._key_folder()))
        if passphrase:
            self.load_key(passphrase, then if callable(then) else None)

    def _show_key(self) -> None:
        self.fingerprint.setText(self.signer.fingerprint)
        self.key_where.setText(_("the system keyring") if self.signer.where == "keyring"
                               else self.signer.where)
        self.unlock_button.hide()

    # -- exporting ---------------------------------------------------------------------
    def export(self) -> None:
        if self.signer is None:
            self.load_key(then=self.export)
            return
        from ui.exports import run

        request = self.request()
        if request.kind == _ops().MEETING and request.meeting_id is None:
            return
        suggested = run.documents_folder() / _ops().default_name(
            request, self.meetings, dt.date.today())
        target = run.choose_target(self, request.kind, suggested)
        if target is None:
            return
        self.start(request, target)

    def start(self, request, target: Path):
        from ui.exports import run

        self.status.setText("")
        self.export_button.setEnabled(False)
        self.run = run.ExportRun(self, self.worker, self.worker.store.documents_dir, request,
                                 target, self.signer)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)
        self.run.cancelled.connect(self._cancelled)
        return self.run

    def _finished(self, path: Path) -> None:
        from ui.exports import run

        self.export_button.setEnabled(True)
        self.status.setText(_("Wrote {path}, signed with the key {fingerprint}.").format(
            path=path, fingerprint=self.signer.fingerprint))
        self.exported.emit(path)
        run.open_in_file_manager(Path(path).parent)

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(_("The package was not written."))
        show_error(self, error)

    def _cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(_("Cancelled: nothing was written."))
