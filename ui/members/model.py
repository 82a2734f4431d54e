"""The member table: one row per membership (services.members.member_rows)."""

from __future__ import annotations

import datetime as dt

from secretariat.i18n import N_, _, current_language, format_date, localized
from secretariat.natural_order import natural_key
from ui.table_model import Column, RowTableModel


def _date(value) -> str:
    return format_date(value) if value else ""


def _sector(row) -> str:
    return row.sector_name_zh_tw if current_language() == "zh_TW" else row.sector_name_en


def _name(row) -> str:
    # English speakers get the English name first when there is one; the other as well,
    # so a clerk can always find the person whichever way they search.
    if current_language() != "zh_TW" and row.name_en:
        return f"{row.name_en} ({row.name})"
    return f"{row.name} ({row.name_en})" if row.name_en else row.name


def _seat(row) -> str:
    """The seat's English label when showing English and it has one, else its own."""
    return localized(row.seat_label, row.seat_label_en)


def _end(row) -> str:
    return _date(row.ended_on or row.term_end)


class MemberTableModel(RowTableModel):
    id_attribute = "membership_id"
    columns = (
        Column(N_("Name"), _name),
        Column(N_("Organisation"), lambda r: localized(r.organisation, r.organisation_en)),
        Column(N_("Sector"), _sector),
        Column(N_("Side"), lambda r: _(r.side.label)),
        Column(N_("Seat"), _seat, lambda r: natural_key(_seat(r))),
        Column(N_("Role"), lambda r: _(r.role.label)),
        Column(N_("Term start"), lambda r: _date(r.term_start), lambda r: r.term_start),
        Column(N_("Term end"), _end, lambda r: r.ended_on or r.term_end),
        Column(N_("High-level"), lambda r: _("Yes") if r.high_level else "",
               lambda r: r.high_level),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.as_of: dt.date | None = None  # the date the rows' ``active`` refers to
        self.columns = (*type(self).columns,
                        Column(N_("Status"), lambda r: _(self.status(r)), self.status))

    def set_rows(self, rows: list, on: dt.date | None = None) -> None:
        self.as_of = on
        super().set_rows(rows)

    def status(self, row) -> str:
        """Active, Upcoming or Past on the as-of date (msgid). A term that starts after
        that date is not past, though it is not active either."""
        if row.active:
            return N_("Active")
        if self.as_of is not None and row.term_start > self.as_of:
            return N_("Upcoming")
        return N_("Past")
