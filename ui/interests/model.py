"""The tables of the Conflicts of interest page: declared interests, overdue
declarations."""

from __future__ import annotations

from secretariat.i18n import N_, _, current_language, format_date, localized
from ui.table_model import Column, RowTableModel


def _name(row) -> str:
    if current_language() != "zh_TW" and row.person_name_en:
        return f"{row.person_name_en} ({row.person_name})"
    return row.person_name


def _kind(row) -> str:
    return _(row.kind.label) if row.kind is not None else _("Nothing to declare")


def _register(row) -> str:
    if row.kind is None:  # a declaration of nothing has no item to publish or keep
        return ""
    return _("Public") if row.is_public else _("Private")


class InterestTableModel(RowTableModel):
    columns = (
        Column(N_("Person"), _name),
        Column(N_("Declared on"), lambda r: format_date(r.declared_on), lambda r: r.declared_on),
        Column(N_("Occasion"), lambda r: _(r.occasion.label)),
        Column(N_("Interest"), _kind),
        Column(N_("Description"), lambda r: localized(r.description, r.description_en)),
        Column(N_("Organisation"), lambda r: localized(r.organisation, r.organisation_en)),
        Column(N_("Register"), _register, lambda r: (r.kind is not None, r.is_public)),
    )


def _overdue_since(row) -> str:
    return format_date(row.last_declared_on) if row.last_declared_on else ""


class OverdueTableModel(RowTableModel):
    id_attribute = "person_id"
    columns = (
        Column(N_("Person"), _name),
        Column(N_("Appointed"), lambda r: format_date(r.appointed_on), lambda r: r.appointed_on),
        Column(N_("Last declared"), _overdue_since, lambda r: r.last_declared_on or r.appointed_on),
        Column(N_("Due"), lambda r: format_date(r.due_on), lambda r: r.due_on),
    )


def _sanction(row) -> str:
    from secretariat.decision_numbers import decision_label

    by = (decision_label(row.decision_number) if row.decision_number else
          format_date(row.decided_on) if row.decided_on else "")
    return f"{row.sanction} ({by})" if row.sanction and by else row.sanction or by


class BreachTableModel(RowTableModel):
    columns = (
        Column(N_("Date"), lambda r: format_date(r.occurred_on), lambda r: r.occurred_on),
        Column(N_("Person"), lambda r: r.person_name),
        Column(N_("Breach"), lambda r: r.description),
        Column(N_("Sanction"), _sanction),
    )
