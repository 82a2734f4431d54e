"""An error with a list of problems (e.g. every bad row of a CSV file), shown in full.

A QMessageBox hides such a list behind "Show Details…" in a box four lines high; a clerk
fixing a spreadsheet needs to read every row number at once, and to copy the list.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QStyle,
    QVBoxLayout, QWidget,
)

from secretariat.i18n import _, ngettext


class ProblemsDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, message: str, problems: list[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.count = QLabel(ngettext("{count} problem:", "{count} problems:",
                                     len(problems)).format(count=len(problems)))
        self.problems = QPlainTextEdit("\n".join(problems))
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(_("Problems"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.copy_button = buttons.addButton(_("&Copy list"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.accepted.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(680, 380)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.message.text() + "\n" + self.problems.toPlainText())
