"""The one error type that services raise for anything a user can fix.

Messages are English msgids translated when shown, so an error raised while the program
runs in one language reads correctly after the user switches to the other.
"""

from __future__ import annotations

import datetime as dt

from secretariat import i18n
from secretariat.i18n import _


class SecretariatError(Exception):
    """A problem a secretariat clerk can understand and act on.

    ``message`` is an untranslated msgid (mark it with ``N_``) with ``str.format`` fields;
    ``details`` are extra already-plain lines, e.g. one per invalid CSV row.
    """

    def __init__(self, message: str, /, *, details: list[str] | None = None, **params: object):
        super().__init__(message)
        self.msgid = message
        self.params = params
        self.details = list(details or [])

    def translated(self) -> str:
        text = _(self.msgid)
        return text.format(**_localised(self.params)) if self.params else text

    def __str__(self) -> str:  # what the CLI prints and the GUI shows
        if not self.details:
            return self.translated()
        return self.translated() + "\n" + "\n".join(self.details)


class ConflictError(SecretariatError):
    """Someone else changed the record since it was read (optimistic locking).

    ``lost_race`` is true when the change was found only at write time (another
    transaction committed between this one's read and its write): running the whole
    transaction again reads the new state, so ``Store.run_transaction`` repeats it. A
    version that already differed from the one the form was opened at is no race: it is
    refused at once, however often it is tried.
    """

    lost_race: bool = False


class BusyError(SecretariatError):
    """The database stayed locked by other writers through every retry; nothing was
    saved and trying again a little later normally works."""


class StoreError(SecretariatError):
    """The database cannot be opened safely (corrupt, not a database, too new)."""


def _localised(params: dict[str, object]) -> dict[str, object]:
    """Dates in messages read as the user reads dates everywhere else (locale, 民國 years),
    decided when the message is shown, like its text."""
    return {
        key: i18n.format_date(value)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        else value
        for key, value in params.items()
    }
