"""The names offered for exported documents: the meeting's date, title and the document,
in the document's language, valid as a file name on Windows, macOS and Linux."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.export.file_names import MAX_NAME_BYTES, document_file_name, safe_file_name

DAY = dt.date(2026, 10, 15)
WINDOWS_INVALID = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def _name(kind: str, language: str, title="第6次論壇會議", title_en="Forum meeting no. 6"):
    return document_file_name(kind, title=title, title_en=title_en, day=DAY,
                              language=language)


def test_names_say_the_date_the_meeting_and_the_document():
    assert _name("agenda", "en") == "2026-10-15 Forum meeting no. 6 Agenda.pdf"
    assert _name("minutes", "en") == "2026-10-15 Forum meeting no. 6 Minutes.pdf"
    assert _name("calendar", "en") == "2026-10-15 Forum meeting no. 6.ics"
    assert "12" not in _name("agenda", "en")  # never the record's number
    # Chinese: the catalog's words for the document (議程 / 會議紀錄).
    assert _name("agenda", "zh_TW").startswith("2026-10-15 第6次論壇會議 ")
    assert _name("agenda", "zh_TW").endswith(".pdf")
    assert _name("minutes", "zh_TW") != _name("agenda", "zh_TW")


def test_an_english_document_of_a_meeting_without_an_english_title_uses_the_chinese():
    assert _name("agenda", "en", title_en="") == "2026-10-15 第6次論壇會議 Agenda.pdf"


def test_the_upcoming_calendar_is_named_for_what_it_holds():
    assert document_file_name("upcoming", title="", title_en="", day=None,
                              language="en") == "Upcoming meetings.ics"


@pytest.mark.parametrize("title", [
    'Budget 2026/27: "draft" <v2>? *final* | notes\\x', "a\tb\nc\x00d", " ...trailing dots... ",
])
def test_characters_windows_refuses_are_left_out(title):
    name = _name("agenda", "en", title_en=title)
    assert not WINDOWS_INVALID & set(name), name
    assert not name[:-4].endswith((".", " "))
    assert name.startswith("2026-10-15 ") and name.endswith(" Agenda.pdf")


def test_a_separator_in_a_title_reads_as_a_dash():
    assert _name("agenda", "en", title_en="Budget 2026/27: draft") == \
        "2026-10-15 Budget 2026 - 27 - draft Agenda.pdf"


def test_a_very_long_title_is_cut_to_what_every_file_system_takes():
    name = _name("agenda", "zh_TW", title="議題" * 500)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES and name.endswith(".pdf")
    assert name.startswith("2026-10-15 議題議題")


def test_device_names_and_empty_names_are_avoided():
    assert safe_file_name("CON", ".pdf") == "CON_.pdf"
    assert safe_file_name("nul.txt", "") == "nul.txt_"
    assert safe_file_name("???", ".pdf") == "document.pdf"


def test_line_breaks_in_a_title_become_spaces():
    assert _name("calendar", "en", title_en="Forum\nmeeting\t6") == "2026-10-15 Forum meeting 6.ics"
