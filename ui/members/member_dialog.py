"""Add or edit a member: person, organisation, sector, role and term."""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from secretariat.i18n import _, current_language
from secretariat.vocabulary import Gender, Role
from ui.forms import FormDialog
from ui.members.actions import MemberForm, SectorChoice
from ui.widgets import OptionalDateEdit, date_edit, enum_combo, from_qdate, select_data, to_qdate

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

Submitter = Callable[[MemberForm, "MemberDialog"], None]


def _gender(value: str) -> Gender:
    try:
        return Gender(value)
    except ValueError:  # a value a later version records: shown as not recorded
        return Gender.NOT_RECORDED


class MemberDialog(FormDialog):
    """``submitter(form, dialog)`` runs the operation and calls ``dialog.succeeded()`` or
    ``dialog.failed(error)``. Editing keeps sector and seat fixed: moving someone to
    another seat is ending one term and starting another."""

    def __init__(self, parent: QWidget | None, sectors: list[SectorChoice],
                 submitter: Submitter, initial: MemberForm | None = None):
        editing = initial is not None
        super().__init__(parent, _("Edit member") if editing else _("Add member"))
        self._submitter = submitter
        initial = initial or MemberForm(term_start=dt.date.today())
        self.name = self.add_field("name", _("&Name:"), QLineEdit(initial.name))
        self.name_en = self.add_field("name_en", _("Name in &English:"),
                                      QLineEdit(initial.name_en))
        # Optional, for the balance reports; "Not recorded" unless the person gave it.
        self.gender = self.add_field("gender", _("&Gender:"),
                                     enum_combo(Gender, _gender(initial.gender)))
        self.region = self.add_field("region", _("Reg&ion:"), QLineEdit(initial.region))
        self.region.setPlaceholderText(_("Optional, e.g. Northern Taiwan or Hualien County"))
        self.organisation = self.add_field("organisation", _("&Organisation:"),
                                           QLineEdit(initial.organisation))
        self.sector = self.add_field("sector", _("&Sector:"), QComboBox())
        zh = current_language() == "zh_TW"
        for choice in sectors:
            self.sector.addItem(choice.name_zh_tw if zh else choice.name_en, choice.code)
        select_data(self.sector, initial.sector_code)
        self.seat = self.add_field("seat", _("Se&at:"), QLineEdit(initial.seat_label))
        self.seat.setPlaceholderText(_("New seat named after the sector"))
        self.seat_en = self.add_field("seat_label_en", _("Seat in Eng&lish:"),
                                      QLineEdit(initial.seat_label_en))
        self.seat_en.setPlaceholderText(_("Optional: the seat's name in English"))
        self.role = self.add_field("role", _("&Role:"), enum_combo(Role, initial.role))
        self.term_start = self.add_field("term_start", _("&Term start:"),
                                         date_edit(initial.term_start))
        self.term_end = self.add_field(
            "term_end", _("Term en&d:"), OptionalDateEdit(_("Fixed end"), initial.term_end))
        self.high_level = self.add_field("high_level", _("&High-level:"), QCheckBox(
            _("Holds decision-making authority")))
        self.high_level.setChecked(initial.high_level)
        self.email = self.add_field("email", _("E-&mail (private):"), QLineEdit(initial.email))
        self.phone = self.add_field("phone", _("&Phone (private):"), QLineEdit(initial.phone))
        if editing:
            self.sector.setEnabled(False)
            self.seat.setEnabled(False)
            self.seat_en.setEnabled(False)
        self.ready()

    def value(self) -> MemberForm:
        return MemberForm(
            name=self.name.text().strip(),
            name_en=self.name_en.text().strip(),
            organisation=self.organisation.text().strip(),
            sector_code=self.sector.currentData(),
            role=Role(self.role.currentData()),
            term_start=from_qdate(self.term_start.date()),
            term_end=self.term_end.value(),
            high_level=self.high_level.isChecked(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            seat_label=self.seat.text().strip(),
            seat_label_en=self.seat_en.text().strip(),
            gender=Gender(self.gender.currentData()).value,
            region=self.region.text().strip(),
        )

    def set_term_start(self, day: dt.date) -> None:
        self.term_start.setDate(to_qdate(day))

    def problems(self) -> dict[str, str]:
        form = self.value()
        found: dict[str, str] = {}
        if not form.name:
            found["name"] = _("Enter the member's name.")
        if self.sector.currentIndex() < 0:
            found["sector"] = _("Choose a sector.")
        if form.term_end is not None and form.term_end < form.term_start:
            found["term_end"] = _("The term cannot end before it starts.")
        if form.email and not _EMAIL.match(form.email):
            found["email"] = _("This does not look like an e-mail address.")
        return found

    def submit(self) -> None:
        self._submitter(self.value(), self)
