"""The answer to an edit refused because another workstation changed the record first.

Nothing was written; the clerk chooses between reloading (see the other change, then
edit again) and keeping their own text on screen to copy from.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from secretariat.errors import ConflictError
from secretariat.i18n import _
from ui.errors import error_text


def is_conflict(error: BaseException) -> bool:
    return isinstance(error, ConflictError)


def refused_edit(dialog, error: BaseException, reopen: Callable[[], None]) -> None:
    """An Edit dialog's save failed: the message beside its buttons, and for a conflict
    the Reload choice, which closes the dialog and opens it again on the current values."""
    dialog.failed(error)
    if is_conflict(error):
        def reload() -> None:
            dialog.reject()
            reopen()

        dialog.conflict_box = offer_reload(dialog, error, reload)


def offer_reload(parent: QWidget, error: BaseException,
                 reload: Callable[[], None]) -> QMessageBox:
    """Show ``error`` with a Reload choice (the default) that calls ``reload``."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Changed by someone else"),
                      error_text(error), QMessageBox.StandardButton.NoButton, parent)
    box.reload_button = box.addButton(_("Re&load"), QMessageBox.ButtonRole.AcceptRole)
    box.keep_button = box.addButton(_("&Keep my edits"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.reload_button)
    box.buttonClicked.connect(lambda button: reload() if button is box.reload_button else None)
    box.open()
    return box
