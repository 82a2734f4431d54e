"""Create or edit a meeting: titles, kind, phase, modality, time, place and link."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Callable
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLineEdit, QWidget

from secretariat.i18n import _
from secretariat.vocabulary import MeetingKind, Modality, Phase
from ui.forms import FormDialog
from ui.meetings.actions import MeetingForm, meeting_problems
from ui.roc_dates import RocDateTimeEdit
from ui.widgets import enum_combo, to_qdate


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def zone_combo(current: str = "") -> QComboBox:
    """A time zone chosen from the list or typed in (see ``chosen_zone``)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(zone_names()))
    combo.setCurrentText(current)
    return combo


def datetime_edit(value: dt.datetime) -> QDateTimeEdit:
    """A date and time; 民國 years when the preference asks (``ui.roc_dates``)."""
    edit = RocDateTimeEdit(QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute)))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def wall_time(edit: QDateTimeEdit) -> dt.datetime:
    """The naive date and time shown in the edit (Qt would otherwise apply its own zone)."""
    d, t = edit.date(), edit.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def chosen_zone(combo: QComboBox) -> ZoneInfo | None:
    """The zone typed or picked in ``combo``, or None when it is not a known zone name."""
    name = combo.currentText().strip()
    return ZoneInfo(name) if name in zone_names() else None


def default_form(time_zone: str) -> MeetingForm:
    zone = ZoneInfo(time_zone)
    start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=14), dt.time(14, 0), zone)
    return MeetingForm(starts_at=start, ends_at=start + dt.timedelta(hours=2),
                       time_zone=time_zone)


class MeetingDialog(FormDialog):
    """``submitter(form, dialog)`` runs the operation; see ui.forms.FormDialog."""

    def __init__(self, parent: QWidget | None,
                 submitter: Callable[[MeetingForm, "MeetingDialog"], None],
                 initial: MeetingForm, editing: bool = False):
        super().__init__(parent, _("Edit meeting") if editing else _("New meeting"))
        self._submitter = submitter
        zone = ZoneInfo(initial.time_zone)
        self.title = self.add_field("title", _("&Title (Chinese):"), QLineEdit(initial.title))
        self.title_en = self.add_field("title_en", _("Title (&English):"),
                                       QLineEdit(initial.title_en))
        self.kind = self.add_field("kind", _("&Kind:"), enum_combo(MeetingKind, initial.kind))
        self.phase = self.add_field("phase", _("&Phase:"), enum_combo(Phase, initial.phase))
        self.modality = self.add_field("modality", _("&Modality:"),
                                       enum_combo(Modality, initial.modality))
        self.starts = self.add_field("starts_at", _("&Starts:"),
                                     datetime_edit(initial.starts_at.astimezone(zone)))
        self.ends = self.add_field("ends_at", _("E&nds:"),
                                   datetime_edit(initial.ends_at.astimezone(zone)))
        self.time_zone = self.add_field("time_zone", _("Time &zone:"),
                                        zone_combo(initial.time_zone))
        self.location = self.add_field("location", _("&Location:"), QLineEdit(initial.location))
        self.remote_link = self.add_field("remote_link", _("Remote l&ink:"),
                                          QLineEdit(initial.remote_link))
        self.is_public = self.add_field("is_public", _("P&ublic:"),
                                        QCheckBox(_("Open to the public")))
        self.is_public.setChecked(initial.is_public)
        self.ready()

    def _zone(self) -> ZoneInfo | None:
        return chosen_zone(self.time_zone)

    def value(self) -> MeetingForm:
        zone = self._zone() or dt.timezone.utc
        return MeetingForm(
            title=self.title.text().strip(),
            title_en=self.title_en.text().strip(),
            kind=MeetingKind(self.kind.currentData()),
            phase=Phase(self.phase.currentData()),
            modality=Modality(self.modality.currentData()),
            starts_at=wall_time(self.starts).replace(tzinfo=zone),
            ends_at=wall_time(self.ends).replace(tzinfo=zone),
            time_zone=self.time_zone.currentText().strip(),
            location=self.location.text().strip(),
            remote_link=self.remote_link.text().strip(),
            is_public=self.is_public.isChecked(),
        )

    def problems(self) -> dict[str, str]:
        return meeting_problems(self.value())

    def submit(self) -> None:
        self._submitter(self.value(), self)
