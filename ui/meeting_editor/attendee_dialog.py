"""Add a person on record to a meeting's attendance as an observer or guest: a member of
another body, a former member, anyone in the people list. A guest typed by name has no
link to the person's record; this keeps the link (organisation, later meetings)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from secretariat.i18n import N_, _
from secretariat.vocabulary import AttendeeCapacity
from ui.forms import FormDialog
from ui.table_model import Column, RowTableModel
from ui.table_view import fit_columns, make_proxy, make_table

CAPACITIES = (AttendeeCapacity.OBSERVER, AttendeeCapacity.GUEST)


class PersonChoiceModel(RowTableModel):
    columns = (
        Column(N_("Name"), lambda r: r.shown_name()),
        Column(N_("Organisation"), lambda r: r.organisation),
    )


class AddPersonDialog(FormDialog):
    """``submitter(person, capacity, dialog)`` records the attendance; ``people`` are the
    ``PersonChoice`` rows not yet in the attendance list."""

    def __init__(self, parent: QWidget | None, people: list, submitter: Callable):
        super().__init__(parent, _("Add person on record"))
        self._submitter = submitter
        self.filter_box = self.add_field("filter", _("&Find:"), QLineEdit())
        self.filter_box.setPlaceholderText(_("Name or organisation"))
        self.filter_box.setClearButtonEnabled(True)
        self.model = PersonChoiceModel(self)
        self.model.set_rows(people)
        self.proxy = make_proxy(self.model, self)
        self.table = make_table(self.proxy, self)
        self.table.setMinimumHeight(240)
        self.add_field("person", _("&Person:"), self.table)
        self.capacity = self.add_field("capacity", _("Attending &as:"), QComboBox())
        for capacity in CAPACITIES:
            self.capacity.addItem(_(capacity.label), capacity)
        self.filter_box.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._picked())
        self.table.doubleClicked.connect(lambda _i: self._on_ok())
        fit_columns(self.table)
        self.ready()
        self.filter_box.setFocus()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() == 1:  # one match left: it is the one meant
            self.table.selectRow(0)
        self.revalidate()

    def _picked(self) -> None:
        self.touch("person")

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def problems(self) -> dict[str, str]:
        if not self.model.rowCount():
            return {"person": _("Everyone on record is already in the attendance list.")}
        if self.selected() is None:
            return {"person": _("Choose the person who attended.")}
        return {}

    def submit(self) -> None:
        self._submitter(self.selected(), self.capacity.currentData(), self)
