"""Documents out of the records: agenda and minutes PDFs, and .ics calendars.

Everything here reads a Session and writes bytes or files; nothing imports Qt. The
functions are imported on first use, so importing this package (e.g. from the GUI at
start-up) does not load reportlab and the fonts.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "render_agenda_pdf": "secretariat.export.pdf_agenda",
    "render_minutes_pdf": "secretariat.export.pdf_minutes",
    "render_terms_pdf": "secretariat.export.pdf_terms",
    "write_agenda_pdf": "secretariat.export.pdf_agenda",
    "write_minutes_pdf": "secretariat.export.pdf_minutes",
    "load_meeting": "secretariat.export.meeting_data",
    "load_minutes_record": "secretariat.export.meeting_data",
    "meeting_to_ics": "secretariat.export.calendar",
    "upcoming_to_ics": "secretariat.export.calendar",
    "document_file_name": "secretariat.export.file_names",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
