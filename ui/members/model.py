"""The member table: one row per membership (services.members.member_rows)."""

from __future__ import annotations

from secretariat.i18n import N_, _, current_language, format_date
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


def _end(row) -> str:
    return _date(row.ended_on or row.term_end)


class MemberTableModel(RowTableModel):
    columns = (
        Column(N_("Name"), _name),
        Column(N_("Organisation"), lambda r: r.organisation or ""),
        Column(N_("Sector"), _sector),
        Column(N_("Side"), lambda r: _(r.side.label)),
        Column(N_("Seat"), lambda r: r.seat_label),
        Column(N_("Role"), lambda r: _(r.role.label)),
        Column(N_("Term start"), lambda r: _date(r.term_start), lambda r: r.term_start),
        Column(N_("Term end"), _end, lambda r: r.ended_on or r.term_end),
        Column(N_("High-level"), lambda r: _("Yes") if r.high_level else "",
               lambda r: r.high_level),
        Column(N_("Status"), lambda r: _("Active") if r.active else _("Past"),
               lambda r: r.active),
    )

    def row_index_of(self, membership_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.membership_id == membership_id:
                return number
        return -1
