"""Dialogs of the agenda tab: add or edit an item, and describe a paper being attached."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QRadioButton, QSpinBox, QVBoxLayout, QWidget

from secretariat.i18n import _, current_language
from secretariat.vocabulary import ItemPurpose, ProposedBy
from ui.forms import FormDialog
from ui.meeting_editor.actions import ItemForm
from ui.widgets import enum_combo


class ItemDialog(FormDialog):
    """``submitter(form, dialog)`` runs the operation and calls succeeded/failed."""

    def __init__(self, parent: QWidget | None, submitter: Callable, initial: ItemForm,
                 editing: bool = False):
        super().__init__(parent, _("Edit agenda item") if editing else _("New agenda item"))
        self._submitter = submitter
        self.title = self.add_field("title", _("&Title (Chinese):"), QLineEdit(initial.title))
        self.title_en = self.add_field("title_en", _("Title (&English):"),
                                       QLineEdit(initial.title_en))
        self.purpose = self.add_field("purpose", _("&Purpose:"),
                                      enum_combo(ItemPurpose, initial.purpose))
        self.presenter = self.add_field("presenter", _("P&resenter:"),
                                        QLineEdit(initial.presenter))
        self.minutes = self.add_field("planned_minutes", _("Planned &minutes:"), QSpinBox())
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSpecialValueText(_("not set"))
        self.minutes.setValue(initial.planned_minutes or 0)
        self.proposed_by = self.add_field("proposed_by", _("Proposed &by:"),
                                          enum_combo(ProposedBy, initial.proposed_by))
        self.ready()

    def value(self) -> ItemForm:
        return ItemForm(
            title=self.title.text().strip(), title_en=self.title_en.text().strip(),
            purpose=ItemPurpose(self.purpose.currentData()),
            presenter=self.presenter.text().strip(),
            planned_minutes=self.minutes.value() or None,
            proposed_by=ProposedBy(self.proposed_by.currentData()))

    def problems(self) -> dict[str, str]:
        return {} if self.value().title else {"title": _("Enter the item's title.")}

    def submit(self) -> None:
        self._submitter(self.value(), self)


class PaperDialog(FormDialog):
    """Title, language and public/restricted for a file about to be attached."""

    def __init__(self, parent: QWidget | None, source: Path, submitter: Callable):
        super().__init__(parent, _("Attach paper"))
        self.source = source
        self._submitter = submitter
        self.add_field("file", _("File:"), QLineEdit(str(source))).setReadOnly(True)
        self.title = self.add_field("title", _("&Title:"), QLineEdit(source.stem))
        self.language = self.add_field("language", _("&Language:"), QComboBox())
        self.language.addItem(_("Traditional Chinese"), "zh_TW")
        self.language.addItem(_("English"), "en")
        self.language.setCurrentIndex(self.language.findData(current_language()))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.public = QRadioButton(_("&Public: may be published with the meeting"))
        self.restricted = QRadioButton(_("&Restricted: never leaves in a publication"))
        self.public.setChecked(True)
        column.addWidget(self.public)
        column.addWidget(self.restricted)
        self.add_field("access", _("Access:"), box)
        self.ready()

    def problems(self) -> dict[str, str]:
        return {} if self.title.text().strip() else {"title": _("Enter the paper's title.")}

    def submit(self) -> None:
        self._submitter(self.title.text().strip(), self.public.isChecked(),
                        self.language.currentData(), self)
