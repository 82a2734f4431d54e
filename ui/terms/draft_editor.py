"""Editing a draft version of the terms of reference: for every topic, its structured rules
(built from ``services.terms.fields``, so a rule added there appears here) and its text in
Chinese and English. The dialog returns plain values; the page saves them through the
worker as one undoable edit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLineEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, localized
from secretariat.services.terms.fields import fields_of
from secretariat.terms_vocabulary import TOPICS
from ui.growing_text import GrowingTextEdit


class DraftEditor(QDialog):
    def __init__(self, terms, sectors=(), parent: QWidget | None = None):
        super().__init__(parent)
        self.terms = terms
        self.sectors = list(sectors)  # ui.terms.actions.SectorSeats
        self._seats: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        self.setWindowTitle(_("Edit draft version {version}").format(version=terms.version_no))
        self._rules: dict[str, QWidget] = {}
        self._texts: dict[str, tuple[GrowingTextEdit, GrowingTextEdit]] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        self.change_note = QLineEdit(terms.change_note)
        note_form = QFormLayout()
        note_form.addRow(_("What this version &changes:"), self.change_note)
        column.addLayout(note_form)
        for topic, msgid in TOPICS:
            column.addWidget(self._topic_box(topic, _(msgid)))
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(900, 700)

    def _topic_box(self, topic: str, title: str) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for field in fields_of(topic):
            widget = self._rule_widget(field, self.terms.rules.get(field.key))
            self._rules[field.key] = widget
            form.addRow(_("{label}:").format(label=_(field.label)), widget)
        if topic == "composition":
            for sector in self.sectors:
                form.addRow(_("{label}:").format(label=localized(sector.name_zh_tw, sector.name_en)),
                            self._seat_row(sector))
        zh_tw, en = self.terms.texts.get(topic, ("", ""))
        # Boxes as tall as their text: the dialog scrolls as a whole (no box in a box).
        texts = (GrowingTextEdit(zh_tw, min_lines=3), GrowingTextEdit(en, min_lines=3))
        row = QHBoxLayout()
        for edit, name in zip(texts, (_("Chinese"), _("English"))):
            edit.setPlaceholderText(name)
            edit.setAccessibleName(f"{title} ({name})")
            edit.setTabChangesFocus(True)  # Tab moves on, as in every other form
            row.addWidget(edit)
        form.addRow(row)
        self._texts[topic] = texts
        return box

    def _seat_row(self, sector) -> QWidget:
        seats, alternates = QSpinBox(), QSpinBox()
        for box, value, unit in ((seats, sector.seats, _("Seats: {n}")),
                                 (alternates, sector.alternates, _("Alternates: {n}"))):
            box.setRange(0, 200)
            box.setValue(value)
            before, _n, after = unit.partition("{n}")
            box.setPrefix(before)
            box.setSuffix(after)
        self._seats[sector.code] = (seats, alternates)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(seats)
        line.addWidget(alternates)
        line.addStretch(1)
        return row

    @staticmethod
    def _rule_widget(field, value) -> QWidget:
        if field.kind == "bool":
            widget = QCheckBox()
            widget.setChecked(bool(value))
        elif field.kind == "enum":
            widget = QComboBox()
            for member in field.enum:
                widget.addItem(_(member.label), member.value)
            if value is not None:
                widget.setCurrentIndex(max(0, widget.findData(getattr(value, "value", value))))
        else:
            widget = QSpinBox()
            # An optional number may be left unset: the lowest value below the range.
            widget.setRange(field.low - (1 if field.optional else 0), field.high)
            if field.optional:
                widget.setSpecialValueText(_("not set"))
            widget.setValue(value if isinstance(value, int) else widget.minimum())
            if field.unit:  # "{n} months" -> the spin box reads "24 months"
                before, _n, after = _(field.unit).partition("{n}")
                widget.setPrefix(before)
                widget.setSuffix(after)
        return widget

    def values(self) -> tuple[dict, dict, str, dict]:
        """(rules, texts by topic and language, change note, seats by sector) as the
        service takes them."""
        from secretariat.services.terms.fields import BY_KEY

        rules = {}
        for key, widget in self._rules.items():
            field = BY_KEY[key]
            if isinstance(widget, QCheckBox):
                rules[key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                rules[key] = widget.currentData()
            elif field.optional and widget.value() < field.low:
                rules[key] = None
            else:
                rules[key] = widget.value()
        texts = {topic: {"zh_TW": zh.toPlainText(), "en": en.toPlainText()}
                 for topic, (zh, en) in self._texts.items()}
        seats = {code: (a.value(), b.value()) for code, (a, b) in self._seats.items()}
        return rules, texts, self.change_note.text(), seats
