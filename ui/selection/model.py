"""The rounds table and the candidates table of the Member selection page."""

from __future__ import annotations

from secretariat.i18n import N_, _, current_language, format_date
from ui.table_model import Column, RowTableModel


def _title(row) -> str:
    return row.title_en if current_language() != "zh_TW" and row.title_en else row.title


def _screening(row) -> str:
    if row.eligible is None:
        return _("Not screened")
    if row.eligible:
        return _("Eligible")
    return _("Excluded: {reason}").format(reason=row.exclusion_reason)


def _features(row) -> str:
    return ", ".join(f"{key} = {value}" for key, value in sorted(row.features.items()))


class RoundTableModel(RowTableModel):
    columns = (
        Column(N_("Round"), _title),
        Column(N_("Selection method"), lambda r: _(r.method.label)),
        Column(N_("Status"), lambda r: _(r.status.label)),
        Column(N_("Seats"), lambda r: str(r.seats), lambda r: r.seats, align_right=True),
        Column(N_("Eligible"), lambda r: f"{r.eligible} / {r.candidates}",
               lambda r: r.eligible, align_right=True),
        Column(N_("Draw or count"), lambda r: format_date(r.decision_date) if r.decision_date
               else "", lambda r: r.decision_date),
    )


class CandidateTableModel(RowTableModel):
    columns = (
        Column(N_("No."), lambda r: str(r.position), lambda r: r.position, align_right=True),
        Column(N_("Name"), lambda r: f"{r.name} ({r.name_en})" if r.name_en else r.name),
        Column(N_("Organisation"), lambda r: r.organisation),
        Column(N_("Features"), _features),
        Column(N_("Screening"), _screening),
        Column(N_("Selected"), lambda r: str(r.selected_rank or ""),
               lambda r: r.selected_rank or 0, align_right=True),
    )
