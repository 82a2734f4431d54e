"""First run on an empty database: create the forum, or load the demo forum."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QWidget,
)

from secretariat.i18n import _
from ui.demo_loader import load_demo_forum
from ui.forms import FormDialog
from ui.language import language_names
from ui.meetings.meeting_dialog import chosen_zone, zone_combo
from ui import forum as ops

DEFAULT_TIME_ZONE = "Asia/Taipei"


class WelcomeDialog(FormDialog):
    """Accepted once the database holds a forum; ``loaded_demo`` tells which way."""

    def __init__(self, worker, parent: QWidget | None = None):
        super().__init__(parent, _("Welcome to Forum Secretariat"))
        self.worker = worker
        self.loaded_demo = False
        intro = QLabel(_(
            "This database is empty. Enter your forum's name to start keeping its records, "
            "or load the demo forum to try the program first."))
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        self.name_zh_tw = self.add_field("name_zh_tw", _("Forum name (&Chinese):"), QLineEdit())
        self.name_zh_tw.setPlaceholderText("例：開放政府國家行動方案多元利害關係人論壇")
        self.name_en = self.add_field("name_en", _("Forum name (&English):"), QLineEdit())
        languages = QWidget()
        row = QHBoxLayout(languages)
        row.setContentsMargins(0, 0, 0, 0)
        self.language_boxes: dict[str, QCheckBox] = {}
        for code, name in language_names():
            box = QCheckBox(name)
            box.setChecked(True)
            self.language_boxes[code] = box
            row.addWidget(box)
            box.toggled.connect(lambda _on: self.touch("languages"))
        row.addStretch(1)
        self.add_field("languages", _("&Languages:"), languages)
        self.time_zone = self.add_field("time_zone", _("&Time zone:"),
                                        zone_combo(DEFAULT_TIME_ZONE))
        self.ok_button.setText(_("C&reate forum"))
        self.demo_button = self.buttons.addButton(_("Load the &demo forum"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.clicked.connect(self.load_demo)
        # Without a forum there is nothing to show: leaving closes the program, and the
        # button says so (a plain "Cancel" quit without a word).
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            _("Close the &program…"))
        self.close_question: QMessageBox | None = None
        self.ready()

    def reject(self) -> None:
        """Cancel, Esc or the window's close box: say what happens, and let the clerk
        go back to the welcome instead."""
        if self.close_question is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Close Forum Secretariat?"), _(
            "No forum has been created yet: Forum Secretariat closes now without creating "
            "one, and what you typed here is not kept."), parent=self)
        box.setInformativeText(_(
            "To start later, open Forum Secretariat again: this welcome comes back until "
            "a forum is created. On the command line, “secretariat init” creates the forum "
            "and “secretariat demo” loads the demo forum."))
        self.close_button = box.addButton(_("&Close the program"),
                                          QMessageBox.ButtonRole.AcceptRole)
        self.back_button = box.addButton(_("&Back to the welcome"),
                                         QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.back_button)
        box.setEscapeButton(self.back_button)
        box.finished.connect(lambda _result: self._answered(box))
        self.close_question = box
        box.open()

    def _answered(self, box: QMessageBox) -> None:
        self.close_question = None
        box.deleteLater()
        if box.clickedButton() is self.close_button:
            super().reject()  # the application quits on the dialog's rejection

    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.language_boxes.items() if box.isChecked())

    def problems(self) -> dict[str, str]:
        found = {}
        if not self.name_zh_tw.text().strip():
            found["name_zh_tw"] = _("Enter the forum's name in Chinese.")
        if not self.name_en.text().strip():
            found["name_en"] = _("Enter the forum's name in English.")
        if not self.languages():
            found["languages"] = _("Choose at least one language.")
        if chosen_zone(self.time_zone) is None:
            found["time_zone"] = _("Choose a time zone from the list, e.g. Asia/Taipei.")
        return found

    def submit(self) -> None:
        values = dict(name_zh_tw=self.name_zh_tw.text().strip(),
                      name_en=self.name_en.text().strip(), languages=self.languages(),
                      time_zone=self.time_zone.currentText().strip())
        self.worker.submit(lambda s: ops.create_forum(s, **values),
                           self._created, self.failed)

    def _created(self, change) -> None:
        self.worker.changed.emit(change)
        self.succeeded()

    def load_demo(self) -> None:
        self.demo_button.setEnabled(False)
        self._submitting = True  # typing while the demo loads must not re-enable OK
        self.ok_button.setEnabled(False)

        def done() -> None:
            self.loaded_demo = True
            self.succeeded()

        def failed(error: BaseException) -> None:
            self.demo_button.setEnabled(True)
            self.failed(error)

        self.demo_progress = load_demo_forum(self, self.worker, done, failed)
