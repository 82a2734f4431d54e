"""Details tab: the meeting's own fields, validated as they are typed, saved with undo.

Save and Revert are enabled only while the form differs from the stored meeting, and a
short status says when the details were saved, so a clerk can tell at a glance whether
there is anything left to save.

Saving writes only the fields changed since the form was opened, with the version it was
opened at: a change made meanwhile on another workstation is refused, not reverted, and
the clerk is offered to reload (``ui.conflicts``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from secretariat.vocabulary import MeetingKind, MeetingStatus, Modality, Phase
from ui.conflicts import is_conflict, offer_reload
from ui.errors import error_text
from ui.forms import error_label
from ui.meeting_editor.data import DetailsForm
from ui.meetings.meeting_dialog import chosen_zone, datetime_edit, wall_time, zone_combo
from ui.meetings.actions import meeting_problems
from ui.widgets import enum_combo, select_data, to_qdate


class DetailsTab(QWidget):
    def __init__(self, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self._errors: dict[str, QLabel] = {}
        self._loaded: DetailsForm | None = None  # the values opened (or last saved)
        self._version: int | None = None  # the meeting's version they were read at
        self._discard_edits = False  # the next load replaces the form (after a conflict)
        self.conflict_box = None
        self._loading = False  # show_form sets the widgets one by one: judge them once
        self._saving = False
        self.form = QFormLayout()
        self.title = self._add("title", _("&Title (Chinese):"), QLineEdit())
        self.title_en = self._add("title_en", _("Title (&English):"), QLineEdit())
        self.kind = self._add("kind", _("&Kind:"), enum_combo(MeetingKind))
        self.phase = self._add("phase", _("&Phase:"), enum_combo(Phase))
        self.status = self._add("status", _("Stat&us:"), enum_combo(MeetingStatus))
        self.modality = self._add("modality", _("&Modality:"), enum_combo(Modality))
        self.location = self._add("location", _("&Location:"), QLineEdit())
        self.remote_link = self._add("remote_link", _("Remote l&ink:"), QLineEdit())
        now = dt.datetime.now()
        self.starts = self._add("starts_at", _("&Starts:"), datetime_edit(now))
        self.ends = self._add("ends_at", _("E&nds:"), datetime_edit(now))
        self.time_zone = self._add("time_zone", _("Time &zone:"), zone_combo())
        self.notice_sent = QCheckBox(_("Noti&ce sent on:"))
        self.notice_at = datetime_edit(now)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice_sent)
        notice_row.addWidget(self.notice_at, 1)
        self._add("notice_sent_at", _("Notice:"), notice_row)
        self.notice_recipients = self._add("notice_recipients", _("Notice &recipients:"),
                                           QLineEdit())
        self.notice_recipients.setPlaceholderText(_("e.g. all members and alternates"))
        self.is_public = self._add("is_public", _("Pu&blic:"),
                                   QCheckBox(_("Open to the public")))
        self.internal_notes = self._add("internal_notes", _("Internal n&otes:"),
                                        QPlainTextEdit())
        self.internal_notes.setMaximumHeight(80)
        self.save_button = QPushButton(_("S&ave details"))
        self.revert_button = QPushButton(_("Re&vert"))
        self.submit_error = error_label()
        self.status_label = QLabel()
        self.status_label.setAccessibleName(_("Save status"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(self.form)
        column.addWidget(self.submit_error)
        column.addLayout(buttons)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        QVBoxLayout(self).addWidget(scroll)
        self.save_button.clicked.connect(self.save)
        self.save_button.setToolTip(_("Ctrl+S"))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.revert_button.clicked.connect(self.revert)
        self.notice_sent.toggled.connect(self.notice_at.setEnabled)
        for widget in (self.title, self.title_en, self.location, self.remote_link,
                       self.notice_recipients):
            widget.textChanged.connect(self.revalidate)
        self.is_public.toggled.connect(self.revalidate)
        self.internal_notes.textChanged.connect(self.revalidate)
        for combo in (self.kind, self.phase, self.status, self.modality):
            combo.currentIndexChanged.connect(self.revalidate)
        self.time_zone.currentTextChanged.connect(self.revalidate)
        for edit in (self.starts, self.ends, self.notice_at):
            edit.dateTimeChanged.connect(self.revalidate)
        self.notice_sent.toggled.connect(self.revalidate)

    def _add(self, key: str, label: str, widget):
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(widget) if isinstance(widget, QHBoxLayout) else column.addWidget(widget)
        self._errors[key] = error_label()
        column.addWidget(self._errors[key])
        caption = QLabel(label)
        if isinstance(widget, QWidget):
            caption.setBuddy(widget)
        self.form.addRow(caption, box)
        return widget

    def _zone(self) -> ZoneInfo | None:
        return chosen_zone(self.time_zone)

    def show_form(self, form: DetailsForm | None, *, keep_edits: bool = True,
                  version: int | None = None) -> None:
        """Show the stored details (read at ``version``). The editor reloads after every
        change (attendance, agenda...); unsaved edits here survive a reload that did not
        change the details."""
        if form is None:
            return
        if version is not None:
            self._version = version
        if self._discard_edits:
            self._discard_edits, keep_edits = False, False
        if keep_edits and form == self._loaded and self.is_dirty():
            return
        self._loaded = form
        self._show(form)

    def restore_edits(self, form: DetailsForm) -> None:
        """Show ``form`` as unsaved edits of the stored details (a window being rebuilt)."""
        self._show(form)

    def _show(self, form: DetailsForm) -> None:
        # Filling the fields is not the clerk editing them: no touched/dirty marks.
        self._loading = True
        try:
            self._fill(form)
        finally:
            self._loading = False
        self.revalidate()

    def _fill(self, form: DetailsForm) -> None:
        zone = ZoneInfo(form.time_zone)
        self.title.setText(form.title)
        self.title_en.setText(form.title_en)
        for combo, value in ((self.kind, form.kind), (self.phase, form.phase),
                             (self.status, form.status), (self.modality, form.modality)):
            select_data(combo, value)
        self.time_zone.setCurrentText(form.time_zone)
        for edit, value in ((self.starts, form.starts_at), (self.ends, form.ends_at),
                            (self.notice_at, form.notice_sent_at or form.starts_at)):
            local = value.astimezone(zone)
            edit.setDateTime(QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute)))
        self.notice_sent.setChecked(form.notice_sent_at is not None)
        self.notice_at.setEnabled(form.notice_sent_at is not None)
        self.notice_recipients.setText(form.notice_recipients)
        self.location.setText(form.location)
        self.remote_link.setText(form.remote_link)
        self.is_public.setChecked(form.is_public)
        self.internal_notes.setPlainText(form.internal_notes)

    def value(self) -> DetailsForm:
        zone = self._zone() or dt.timezone.utc
        return DetailsForm(
            title=self.title.text().strip(), title_en=self.title_en.text().strip(),
            kind=MeetingKind(self.kind.currentData()), phase=Phase(self.phase.currentData()),
            modality=Modality(self.modality.currentData()),
            status=MeetingStatus(self.status.currentData()),
            starts_at=wall_time(self.starts).replace(tzinfo=zone),
            ends_at=wall_time(self.ends).replace(tzinfo=zone),
            time_zone=self.time_zone.currentText().strip(),
            location=self.location.text().strip(), remote_link=self.remote_link.text().strip(),
            is_public=self.is_public.isChecked(),
            notice_sent_at=(wall_time(self.notice_at).replace(tzinfo=zone)
                            if self.notice_sent.isChecked() else None),
            notice_recipients=self.notice_recipients.text().strip(),
            internal_notes=self.internal_notes.toPlainText(),
        )

    def problems(self) -> dict[str, str]:
        return meeting_problems(self.value())

    def is_dirty(self) -> bool:
        """Whether the form differs from the meeting as stored (the editors show whole
        minutes, so seconds are not compared)."""
        return self._loaded is not None and bool(
            _to_minutes(self.value()).changes_from(_to_minutes(self._loaded)))

    def revalidate(self, *_args) -> bool:
        if self._loading:
            return False
        problems = self.problems()
        for key, label in self._errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        self.submit_error.hide()
        dirty = self.is_dirty()
        if dirty:
            self.status_label.clear()  # "Saved" no longer describes the form
        self.save_button.setEnabled(dirty and not problems and not self._saving)
        self.revert_button.setEnabled(dirty and not self._saving)
        return not problems

    def save(self) -> None:
        if not self.revalidate() or not self.is_dirty() or self._saving:
            return
        self._saving = True
        self.revalidate()
        self.status_label.setText(_("Saving…"))
        saved = self.value()
        self.editor.commands.edit_details(_to_minutes(self._loaded), _to_minutes(saved),
                                          self._version, self._failed,
                                          lambda version: self._saved(saved, version))

    def revert(self) -> None:
        self.status_label.clear()
        self.show_form(self._loaded, keep_edits=False)

    def _saved(self, form: DetailsForm, version: int) -> None:
        self._saving = False
        self._loaded, self._version = form, version  # stored now; the editor's reload follows
        self.status_label.setText(_("Details saved."))
        self.revalidate()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.status_label.clear()
        self.revalidate()
        self.submit_error.setText(error_text(error))
        self.submit_error.show()
        if is_conflict(error):
            self.conflict_box = offer_reload(self, error, self.reload_discarding_edits)

    def reload_discarding_edits(self) -> None:
        """After a conflict: show the meeting as it is now, the other change included."""
        self._discard_edits = True
        self.status_label.clear()
        self.editor.reload()


def _to_minutes(form: DetailsForm) -> DetailsForm:
    times = {name: value.replace(second=0, microsecond=0)
             for name in ("starts_at", "ends_at", "notice_sent_at")
             if (value := getattr(form, name)) is not None}
    return dataclasses.replace(form, **times)
