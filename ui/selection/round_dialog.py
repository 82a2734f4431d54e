"""New selection round: the seats (sector, number, term), the method, the timeline and
the published eligibility criteria."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from secretariat.i18n import _, current_language
from secretariat.selection.round_vocabulary import SelectionMethod
from ui.forms import FormDialog
from ui.selection.input_actions import RoundForm, SectorChoice
from ui.widgets import OptionalDateEdit, date_edit, enum_combo, from_qdate

Submitter = Callable[[RoundForm, "RoundDialog"], None]


class RoundDialog(FormDialog):
    def __init__(self, parent: QWidget | None, sectors: list[SectorChoice], submitter: Submitter):
        super().__init__(parent, _("New selection round"))
        self._submitter = submitter
        today = dt.date.today()
        self.title = self.add_field("title", _("&Title:"), QLineEdit())
        self.title_en = self.add_field("title_en", _("Title in &English:"), QLineEdit())
        self.sector = self.add_field("sector", _("&Sector of the seats:"), QComboBox())
        zh = current_language() == "zh_TW"
        for choice in sectors:
            self.sector.addItem(choice.name_zh_tw if zh else choice.name_en, choice.code)
        self.seats = self.add_field("seats", _("Number of se&ats:"), QSpinBox())
        self.seats.setRange(1, 1000)
        self.seats.setValue(2)
        self.method = self.add_field("method", _("Selection &method:"),
                                     enum_combo(SelectionMethod, SelectionMethod.LEXIMIN))
        self.term_start = self.add_field("term_start", _("Term sta&rt:"),
                                         date_edit(dt.date(today.year + 1, 1, 1)))
        self.term_end = self.add_field("term_end", _("Term en&d:"),
                                       OptionalDateEdit(_("Fixed end"), None))
        self.call_opens = self.add_field("call_opens", _("Call &opens:"),
                                         OptionalDateEdit(_("Date set"), today))
        self.call_closes = self.add_field("call_closes", _("Call c&loses:"),
                                          OptionalDateEdit(_("Date set"), None))
        self.decision_date = self.add_field("decision_date", _("Dra&w or count on:"),
                                            OptionalDateEdit(_("Date set"), None))
        self.criteria_zh = self.add_field("criteria_zh", _("Eligibility criteria (&Chinese):"),
                                          QPlainTextEdit())
        self.criteria_en = self.add_field("criteria_en", _("Eligibility criteria (E&nglish):"),
                                          QPlainTextEdit())
        for box in (self.criteria_zh, self.criteria_en):
            box.setFixedHeight(60)
        self.ready()

    def value(self) -> RoundForm:
        return RoundForm(
            title=self.title.text().strip(), title_en=self.title_en.text().strip(),
            sector_code=self.sector.currentData(), seats=self.seats.value(),
            method=SelectionMethod(self.method.currentData()),
            term_start=from_qdate(self.term_start.date()), term_end=self.term_end.value(),
            call_opens=self.call_opens.value(), call_closes=self.call_closes.value(),
            decision_date=self.decision_date.value(),
            criteria_zh=self.criteria_zh.toPlainText().strip(),
            criteria_en=self.criteria_en.toPlainText().strip())

    def problems(self) -> dict[str, str]:
        form = self.value()
        found: dict[str, str] = {}
        if not form.title:
            found["title"] = _("Enter the round's title.")
        if self.sector.currentIndex() < 0:
            found["sector"] = _("Choose a sector.")
        if form.term_end is not None and form.term_end < form.term_start:
            found["term_end"] = _("The term cannot end before it starts.")
        return found

    def submit(self) -> None:
        self._submitter(self.value(), self)
