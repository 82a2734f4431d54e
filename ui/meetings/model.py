"""The meeting list: one row per services.meetings.MeetingRow, next meeting first."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from secretariat.i18n import N_, _, format_date, format_number, localized
from secretariat.vocabulary import MeetingStatus
from ui.table_model import Column, RowTableModel


def local_time(value: dt.datetime, zone: str) -> dt.datetime:
    try:
        return value.astimezone(ZoneInfo(zone))
    except (KeyError, ValueError):  # unknown zone: UTC is still the truth
        return value


def when(row) -> str:
    start, end = local_time(row.starts_at, row.time_zone), local_time(row.ends_at, row.time_zone)
    text = f"{format_date(start.date())} {start:%H:%M}–{end:%H:%M}"
    if end.date() != start.date():
        text = f"{format_date(start.date())} {start:%H:%M} – {format_date(end.date())} {end:%H:%M}"
    return text


def title(row) -> str:
    return localized(row.title, row.title_en)


TITLE_COLUMN = 1  # titles are long: this column takes the room left
KIND_COLUMN = 2
LOCATION_COLUMN = 4


class MeetingTableModel(RowTableModel):
    columns = (
        Column(N_("Date and time"), when, lambda r: r.starts_at.isoformat()),
        Column(N_("Title"), title),
        Column(N_("Kind"), lambda r: _(r.kind.label)),
        Column(N_("Modality"), lambda r: _(r.modality.label)),
        Column(N_("Location"), lambda r: r.location),
        Column(N_("Status"), lambda r: _(r.status.label)),
        Column(N_("Public"), lambda r: _("Yes") if r.is_public else _("No"), lambda r: r.is_public),
        Column(N_("Agenda items"), lambda r: format_number(r.agenda_count),
               lambda r: r.agenda_count, align_right=True),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._next = -1

    def set_rows(self, rows: list) -> None:
        now = dt.datetime.now(dt.timezone.utc)
        self._next = next((number for number, row in enumerate(rows)
                           if row.status == MeetingStatus.PLANNED and row.ends_at >= now), -1)
        super().set_rows(rows)

    def next_meeting_row(self) -> int:
        """The soonest planned meeting still to come (shown in bold)."""
        return self._next

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            if index.row() == self.next_meeting_row():
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)
