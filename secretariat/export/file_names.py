"""The names offered for exported documents: what a clerk recognises in a folder
(``2026-10-15 第6次論壇會議 議程.pdf``, ``2026-10-15 Forum meeting no. 6 Agenda.pdf``), never
the database's numbers, and safe on every file system the files travel to.

The date comes first (ISO order sorts by date in any file manager), then the meeting's
title in the document's language, then what the document is, in that language too.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from secretariat import i18n
from secretariat.i18n import N_, _

AGENDA, MINUTES, CALENDAR, UPCOMING = "agenda", "minutes", "calendar", "upcoming"
_DOCUMENT_WORDS = {AGENDA: N_("Agenda"), MINUTES: N_("Minutes")}
_SUFFIXES = {AGENDA: ".pdf", MINUTES: ".pdf", CALENDAR: ".ics", UPCOMING: ".ics"}

# Windows refuses these characters in a name (and "/" is a folder everywhere); a path
# separator or colon inside a title reads best as a dash, the others are dropped.
_AS_DASH = re.compile(r"\s*[/\\|:]\s*")
_DROPPED = re.compile(r'[<>"?*\x00-\x1f\x7f]')
# Names Windows keeps for devices, with any extension ("CON.pdf" cannot be created).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}
# ext4 and most Unix file systems allow 255 bytes (a Chinese character takes 3 in UTF-8),
# Windows 255 UTF-16 units: bytes are the stricter bound. A little is kept for "(1)"
# that a browser or a mail program may add.
MAX_NAME_BYTES = 240


def safe_file_name(stem: str, suffix: str = "", *, max_bytes: int = MAX_NAME_BYTES,
                   fallback: str = "document") -> str:
    """``stem + suffix`` made valid as one file name on Windows, macOS and Linux: no
    reserved characters, no trailing dot or space, not a device name, at most
    ``max_bytes`` bytes of UTF-8 (cut between characters). The one rule for file names
    the program makes: exported documents, and the files inside packages."""
    text = unicodedata.normalize("NFC", stem)
    text = " ".join(_AS_DASH.sub(" - ", text).split())  # tabs and line breaks: spaces
    text = " ".join(_DROPPED.sub("", text).split()).strip(" .")
    if text.split(".")[0].upper() in _RESERVED:
        text = f"{text}_"
    room = max_bytes - len(suffix.encode("utf-8"))
    encoded = text.encode("utf-8")
    if len(encoded) > room:
        text = encoded[:room].decode("utf-8", errors="ignore").rstrip(" .")
    return f"{text or fallback}{suffix}"


def document_file_name(kind: str, *, title: str, title_en: str, day: dt.date | None,
                       language: str) -> str:
    """The name offered for exporting ``kind`` (agenda, minutes, calendar: one meeting's;
    upcoming: the calendar of every meeting to come) in ``language``."""
    with i18n.language_override(language):
        if kind == UPCOMING:
            return safe_file_name(_("Upcoming meetings"), _SUFFIXES[kind])
        parts = [day.isoformat() if day else "", i18n.localized(title, title_en, language)]
        if kind in _DOCUMENT_WORDS:
            parts.append(_(_DOCUMENT_WORDS[kind]))
        return safe_file_name(" ".join(part for part in parts if part.strip()),
                              _SUFFIXES[kind])
