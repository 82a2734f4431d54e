"""Dialogs with inline validation: each field shows its own error, OK waits for valid input.

Subclasses add rows with ``add_field`` and implement ``problems()`` (field key -> message)
and ``submit()``. A message appears once the user has touched that field (or pressed OK),
so a new dialog does not open covered in red. Errors the service raises when the form is
submitted appear in the same dialog, under the fields, and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ui.errors import error_text

ERROR_STYLE = "color: #b3261e;"


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class FormDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._built = False  # widgets emit change signals while the form is being filled
        self.submit_error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.submit_error)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """Add a row; ``label`` may hold a mnemonic (&)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        self._errors[key] = error_label()
        column.addWidget(self._errors[key])
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        self._watch(key, widget)
        return widget

    def error_for(self, key: str) -> str:
        label = self._errors[key]
        return "" if label.isHidden() else label.text()

    def _watch(self, key: str, widget: QWidget) -> None:
        def touched(*_args) -> None:
            self._touched.add(key)
            self.revalidate()

        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(touched)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(touched)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(touched)
        elif isinstance(widget, (QDateEdit, QDateTimeEdit)):
            widget.dateTimeChanged.connect(touched)
        elif hasattr(widget, "changed"):
            widget.changed.connect(touched)

    def problems(self) -> dict[str, str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def submit(self) -> None:  # pragma: no cover - abstract
        """Send the values; call ``succeeded()`` or ``failed(error)`` when done."""
        raise NotImplementedError

    def ready(self) -> None:
        """Subclasses call this at the end of ``__init__``, once every field exists."""
        self._built = True
        self.revalidate()

    def revalidate(self) -> bool:
        if not self._built:
            return False
        problems = self.problems()
        for key, label in self._errors.items():
            message = problems.get(key, "") if key in self._touched else ""
            label.setText(message)
            label.setVisible(bool(message))
        self.submit_error.hide()
        self.ok_button.setEnabled(not problems)
        return not problems

    def _on_ok(self) -> None:
        self._touched.update(self._errors)
        if not self.revalidate():
            return
        self.ok_button.setEnabled(False)  # until the worker answers
        self.submit()

    def succeeded(self) -> None:
        self.accept()

    def failed(self, error: BaseException) -> None:
        self.submit_error.setText(error_text(error))
        self.submit_error.show()
        self.ok_button.setEnabled(True)
