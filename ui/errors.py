"""Showing errors: a clerk's message for SecretariatError, a short apology otherwise."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from secretariat.errors import SecretariatError
from secretariat.i18n import _

log = logging.getLogger(__name__)


def error_text(error: BaseException) -> str:
    if isinstance(error, SecretariatError):
        return error.translated()
    log.error("unexpected error: %s", getattr(error, "__traceback_text__", repr(error)))
    return _("Something went wrong: {error}").format(error=error)


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    title = title or _("Forum Secretariat")
    details = getattr(error, "details", None)
    if details:  # every problem in view at once, not behind "Show Details…"
        from ui.problems_dialog import ProblemsDialog

        ProblemsDialog(parent, title, error_text(error), list(details)).exec()
        return
    QMessageBox(QMessageBox.Icon.Warning, title, error_text(error),
                QMessageBox.StandardButton.Ok, parent).exec()
