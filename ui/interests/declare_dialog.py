"""Declare one interest of a person: who, when, what, whom it concerns, public or not."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from secretariat.i18n import _, current_language
from secretariat.interest_vocabulary import DeclarationOccasion, InterestKind
from ui.forms import FormDialog
from ui.interests.actions import InterestForm, PersonChoice
from ui.widgets import date_edit, enum_combo, from_qdate

Submitter = Callable[[InterestForm, "DeclareInterestDialog"], None]


class DeclareInterestDialog(FormDialog):
    """``submitter(form, dialog)`` runs the operation and calls ``dialog.succeeded()`` or
    ``dialog.failed(error)``."""

    def __init__(self, parent: QWidget | None, people: list[PersonChoice],
                 submitter: Submitter):
        super().__init__(parent, _("Declare an interest"))
        self._submitter = submitter
        self.person = self.add_field("person", _("&Person:"), QComboBox())
        english = current_language() != "zh_TW"
        for choice in people:
            shown = f"{choice.name_en} ({choice.name})" if english and choice.name_en \
                else choice.name
            self.person.addItem(shown, choice.id)
        self.person.setCurrentIndex(-1)
        self.declared_on = self.add_field("declared_on", _("&Declared on:"),
                                          date_edit(dt.date.today()))
        self.occasion = self.add_field("occasion", _("O&ccasion:"), enum_combo(
            DeclarationOccasion, DeclarationOccasion.YEARLY))
        self.kind = self.add_field("kind", _("&Kind of interest:"), enum_combo(InterestKind))
        self.description = self.add_field("description", _("Descr&iption:"), QLineEdit())
        self.description_en = self.add_field("description_en", _("Description in &English:"),
                                             QLineEdit())
        self.organisation = self.add_field("organisation", _("&Organisation:"), QLineEdit())
        self.organisation.setPlaceholderText(_("An organisation on record, or any name"))
        self.private = self.add_field("private", _("&Register:"), QCheckBox(
            _("Private: never in the public register")))
        self.ready()

    def value(self) -> InterestForm:
        return InterestForm(
            person_id=self.person.currentData(),
            declared_on=from_qdate(self.declared_on.date()),
            occasion=DeclarationOccasion(self.occasion.currentData()),
            kind=InterestKind(self.kind.currentData()),
            description=self.description.text().strip(),
            description_en=self.description_en.text().strip(),
            organisation=self.organisation.text().strip(),
            is_public=not self.private.isChecked())

    def problems(self) -> dict[str, str]:
        found = {}
        if self.person.currentIndex() < 0:
            found["person"] = _("Choose the person who declares.")
        if from_qdate(self.declared_on.date()) > dt.date.today():
            found["declared_on"] = _("A declaration cannot be dated after today.")
        form = self.value()
        if not (form.description or form.description_en or form.organisation):
            found["description"] = _("Describe the interest, or name the organisation it "
                                     "concerns.")
        return found

    def submit(self) -> None:
        self._submitter(self.value(), self)

    def person_name(self) -> str:
        return self.person.currentText()
