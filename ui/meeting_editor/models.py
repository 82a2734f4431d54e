"""Table models of the meeting editor: agenda (reorderable), attendance, decisions,
action items and minutes versions. All show plain rows read by ``data``."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal

from secretariat.i18n import N_, _, format_date, format_number, localized
from secretariat.services.meetings.decisions import decision_label
from ui.table_model import Column, RowTableModel

AGENDA_MIME = "application/x-secretariat-agenda-rows"


def shown(text: str, text_en: str) -> str:
    """The English text in the English interface when the clerk entered one; else the
    Chinese (the record's language of reference)."""
    return localized(text, text_en)


def item_label(row) -> str:
    """"2. Title" of an agenda row, as the minutes and decision dialog list items."""
    return f"{row.position}. {shown(row.title, row.title_en)}"


def _minutes(row) -> str:
    return format_number(row.planned_minutes) if row.planned_minutes else ""


def _papers(row) -> str:
    return "; ".join(p.title for p in row.papers)


class AgendaModel(RowTableModel):
    """Agenda items in order. Moving rows (by drag and drop or by keyboard) moves them
    here at once and emits ``move_requested(item_id, new_position)`` (1-based) for the
    editor to save; the reload that follows shows the order the service kept."""

    move_requested = Signal(int, int)

    columns = (
        Column(N_("No."), lambda r: str(r.position), lambda r: r.position, align_right=True),
        Column(N_("Title"), lambda r: r.title),
        Column(N_("Title (English)"), lambda r: r.title_en),
        Column(N_("Purpose"), lambda r: _(r.purpose.label)),
        Column(N_("Presenter"), lambda r: r.shown_presenter()),
        Column(N_("Minutes planned"), _minutes, lambda r: r.planned_minutes or 0,
               align_right=True),
        Column(N_("Proposed by"), lambda r: _(r.proposed_by.label)),
        Column(N_("Papers"), _papers),
    )

    def flags(self, index):
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [AGENDA_MIME]

    def mimeData(self, indexes):
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(AGENDA_MIME, QByteArray(json.dumps(rows).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent):
        return data is not None and data.hasFormat(AGENDA_MIME) \
            and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent):
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        rows = json.loads(bytes(data.data(AGENDA_MIME).data()).decode() or "[]")
        if len(rows) != 1:  # one item at a time: the service moves one item
            return False
        if row < 0:  # dropped onto an item: before it; onto empty space: at the end
            row = parent.row() if parent.isValid() else self.rowCount()
        self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), row)
        # True would make the view delete the source rows after a move; the model has
        # already moved them (and removeRows is not supported, so nothing is lost).
        return True

    def moveRows(self, source_parent, source_row, count, destination_parent,
                 destination_child):
        if (source_parent.isValid() or destination_parent.isValid() or count != 1
                or not 0 <= source_row < len(self._rows)
                or not 0 <= destination_child <= len(self._rows)):
            return False
        if not self.beginMoveRows(QModelIndex(), source_row, source_row, QModelIndex(),
                                  destination_child):
            return False  # a move onto itself
        row = self._rows.pop(source_row)
        target = destination_child if destination_child < source_row else destination_child - 1
        self._rows.insert(target, row)
        self.endMoveRows()
        self.move_requested.emit(row.id, target + 1)
        return True

    def move_by(self, row: int, step: int) -> bool:
        """Keyboard move of one row up (-1) or down (+1)."""
        target = row + step
        if not 0 <= target < len(self._rows):
            return False
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), target + (step > 0))


def _status(row) -> str:
    return _(row.status.label) if row.status is not None else _("Not recorded")


class AttendanceModel(RowTableModel):
    columns = (
        Column(N_("Name"), lambda r: r.shown_name()),
        Column(N_("Organisation"), lambda r: r.shown_organisation()),
        Column(N_("Side"), lambda r: _(r.side.label) if r.side else ""),
        Column(N_("Attending as"), lambda r: _(r.capacity.label)),
        Column(N_("Attendance"), _status),
        Column(N_("Represented by"), lambda r: r.shown_represented_by()),
    )
    STATUS_COLUMN = 4


def _votes(row) -> str:
    if row.votes_for is None:
        return ""
    return _("{for_} for, {against} against, {abstain} abstaining").format(
        for_=row.votes_for, against=row.votes_against, abstain=row.votes_abstain)


class DecisionModel(RowTableModel):
    columns = (
        Column(N_("Number"), lambda r: decision_label(r.number), lambda r: r.number),
        Column(N_("Decision"), lambda r: shown(r.text, r.text_en)),
        Column(N_("Agenda item"), lambda r: r.shown_agenda_item_title()),
        Column(N_("Method"), lambda r: _(r.method.label)),
        Column(N_("Votes"), _votes),
        Column(N_("Recusals"), lambda r: format_number(r.recusal_count),
               lambda r: r.recusal_count, align_right=True),
        Column(N_("Public"), lambda r: _("Yes") if r.is_public else _("No"),
               lambda r: r.is_public),
    )


class ActionModel(RowTableModel):
    columns = (
        Column(N_("Action"), lambda r: r.description),
        Column(N_("Owner"), lambda r: r.shown_owner()),
        Column(N_("Due"), lambda r: format_date(r.due_on) if r.due_on else "",
               lambda r: r.due_on),
        Column(N_("Status"), lambda r: _(r.status.label)),
        Column(N_("Decision"), lambda r: decision_label(r.decision_number)
               if r.decision_number else "", lambda r: r.decision_number or ""),
    )


class ApprovalCandidateModel(RowTableModel):
    """Decisions of later meetings that may approve these minutes."""

    columns = (
        Column(N_("Number"), lambda r: decision_label(r.number), lambda r: r.number),
        Column(N_("Meeting"), lambda r: shown(r.meeting_title, r.meeting_title_en)),
        Column(N_("Date"), lambda r: format_date(meeting_day(r)), lambda r: r.meeting_starts_at),
        Column(N_("Decision"), lambda r: shown(r.text, r.text_en)),
    )


def meeting_day(row) -> dt.date:
    """The meeting's own calendar day (stored times are UTC: 08:00 in Taipei is the day
    before in UTC)."""
    zone = ZoneInfo(row.meeting_time_zone) if row.meeting_time_zone else None
    return row.meeting_starts_at.astimezone(zone).date() if zone else row.meeting_starts_at.date()


def _version_status(row) -> str:
    return _(row.status.label)


class VersionModel(RowTableModel):
    columns = (
        Column(N_("Version"), lambda r: str(r.version_no), lambda r: r.version_no,
               align_right=True),
        Column(N_("Status"), _version_status),
        Column(N_("Approved by"), lambda r: decision_label(r.approved_by_decision_number)
               if r.approved_by_decision_number else ""),
        Column(N_("Correction reason"), lambda r: r.correction_reason),
    )
