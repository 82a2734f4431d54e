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
    box = QMessageBox(QMessageBox.Icon.Warning, title or _("Forum Secretariat"),
                      error_text(error), QMessageBox.StandardButton.Ok, parent)
    details = getattr(error, "details", None)
    if details:
        box.setInformativeText(_("{count} problems found; see the details.").format(
            count=len(details)))
        box.setDetailedText("\n".join(details))
    box.exec()
