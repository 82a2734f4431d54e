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
    QLabel, QLayout, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from ui.errors import error_text

ERROR_STYLE = "color: #b3261e;"
MIN_WIDTH = 460
HINT_STYLE = "color: palette(placeholder-text);"


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
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._built = False  # widgets emit change signals while the form is being filled
        self._submitting = False  # OK stays disabled until the worker answers
        self.submit_error = error_label()
        # Why OK is still disabled when the reason is a field not touched yet (e.g. a
        # location the default modality needs): neutral, not red, and only once the
        # user has started filling the form.
        self.pending_hint = QLabel()
        self.pending_hint.setStyleSheet(HINT_STYLE)
        self.pending_hint.setWordWrap(True)
        self.pending_hint.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog grows when a message appears. (A minimum width set on the dialog
        # itself stops Qt from doing so, and the fields were squashed instead.)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addItem(QSpacerItem(MIN_WIDTH, 0, QSizePolicy.Policy.Minimum,
                                   QSizePolicy.Policy.Fixed))
        layout.addLayout(self.form)
        layout.addWidget(self.submit_error)
        layout.addWidget(self.pending_hint)
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

    def touch(self, key: str) -> None:
        """The user changed field ``key``: its message may show from now on."""
        if self._built:  # filling the form is not the user touching it
            self._touched.add(key)
            self.revalidate()

    def _watch(self, key: str, widget: QWidget) -> None:
        def touched(*_args) -> None:
            self.touch(key)

        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(touched)
        elif isinstance(widget, QComboBox) and widget.isEditable():
            # Typing (e.g. a time zone) changes the text; the index only on Enter.
            widget.currentTextChanged.connect(touched)
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
        self._keyboard_order()
        self.revalidate()

    def _keyboard_order(self) -> None:
        """Fields first, then the buttons; Enter means OK.

        The button box exists before the fields, so Qt put it first in the focus chain:
        the dialog opened with Cancel focused and Enter cancelled what had been typed.
        """
        buttons = [self.ok_button] + [b for b in self.buttons.buttons() if b is not self.ok_button]
        fields, widget = [], self.nextInFocusChain()
        while widget is not self:
            if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget not in buttons
                    and self.isAncestorOf(widget)):
                fields.append(widget)
            widget = widget.nextInFocusChain()
        previous = fields[-1] if fields else None
        for button in buttons:
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button
        self.ok_button.setDefault(True)
        first = next((w for w in fields if w.isEnabled()), None)
        if first is not None:
            first.setFocus()  # taken when the dialog is shown

    def revalidate(self) -> bool:
        if not self._built:
            return False
        problems = self.problems()
        for key, label in self._errors.items():
            message = problems.get(key, "") if key in self._touched else ""
            label.setText(message)
            label.setVisible(bool(message))
        pending = [message for key, message in problems.items() if key not in self._touched]
        self.pending_hint.setText("\n".join([_("Still needed:")] + pending))
        self.pending_hint.setVisible(bool(pending and self._touched))
        self.submit_error.hide()
        self.ok_button.setEnabled(not problems and not self._submitting)
        self._grow_to_fit()
        return not problems

    def _grow_to_fit(self) -> None:
        """Make room for messages that just appeared instead of squashing the fields
        (word-wrapped labels leave Qt's minimum height too small to protect them)."""
        layout = self.layout()
        layout.activate()
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if self.height() < needed:
            self.resize(self.width(), needed)

    def _on_ok(self) -> None:
        self._touched.update(self._errors)
        if not self.revalidate():
            return
        self._submitting = True
        self.ok_button.setEnabled(False)
        self.submit()

    def keyPressEvent(self, event) -> None:
        # Enter while OK is disabled would do nothing at all: show every problem instead.
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._built
                and not self._submitting and not self.ok_button.isEnabled()):
            self._touched.update(self._errors)
            self.revalidate()
            return
        super().keyPressEvent(event)

    def succeeded(self) -> None:
        self._submitting = False
        self.accept()

    def failed(self, error: BaseException) -> None:
        self._submitting = False
        self.submit_error.setText(error_text(error))
        self.submit_error.show()
        self._grow_to_fit()
        self.ok_button.setEnabled(True)
