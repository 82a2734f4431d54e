"""The versions of the terms of reference, and the members who have not signed the
ethics statement, as tables."""

from __future__ import annotations

from secretariat.i18n import N_, _, format_date, localized
from secretariat.services.meetings.decisions import decision_label
from ui.table_model import Column, RowTableModel


def _day(value) -> str:
    return format_date(value) if value else ""


class VersionsModel(RowTableModel):
    id_attribute = "version_no"
    columns = (
        Column(N_("Version"), lambda v: str(v.version_no), lambda v: v.version_no, True),
        Column(N_("Status"), lambda v: _(v.status.label)),
        Column(N_("Adopted on"), lambda v: _day(v.adopted_on),
               lambda v: v.adopted_on.isoformat() if v.adopted_on else ""),
        Column(N_("By decision"), lambda v: decision_label(v.adopted_by_decision_number)
               if v.adopted_by_decision_number else ""),
        Column(N_("Quorum"), lambda v: f"{v.rules['quorum_percent']} %",
               lambda v: v.rules["quorum_percent"], True),
    )


class UnsignedModel(RowTableModel):
    id_attribute = "person_id"
    columns = (
        Column(N_("Name"), lambda m: localized(m.name, m.name_en)),
        Column(N_("Seat"), lambda m: m.seat_label),
    )
