"""``export agenda|minutes [--public]`` and ``export ics [--with-link]``: each file says
what it is for, and files meant to be passed on leave out what may not be."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli.helpers import make_small_demo, run

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) reads the PDFs")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    return make_small_demo(tmp_path_factory.mktemp("audience"))


def query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                         text=True, encoding="utf-8").stdout
    return "".join(out.split())


@needs_pdftotext
def test_minutes_are_internal_by_default_and_public_only_when_asked(demo_db, tmp_path):
    [(meeting_id, secret)] = query(demo_db, """
        SELECT d.meeting_id, d.text_en FROM decision d
        WHERE d.is_public = 0 AND EXISTS (SELECT 1 FROM minutes WHERE meeting_id = d.meeting_id)
        LIMIT 1""")
    internal, public = tmp_path / "internal.pdf", tmp_path / "public.pdf"
    result = run("--db", str(demo_db), "export", "minutes", str(meeting_id), "--out",
                 str(internal), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "internal minutes" in result.stdout and "--public" in result.stdout
    text = pdf_text(internal)
    assert "Internaldocument—notforpublication" in text and "Publicversion" not in text
    assert "".join(secret.split()) in text

    result = run("--db", str(demo_db), "export", "minutes", str(meeting_id), "--out",
                 str(public), "--lang", "en", "--public")
    assert result.returncode == 0, result.stderr
    assert "public minutes" in result.stdout
    text = pdf_text(public)
    assert "Publicversion" in text and "Internaldocument" not in text
    assert "".join(secret.split()) not in text


@needs_pdftotext
def test_a_restricted_paper_is_marked_in_the_internal_agenda_and_absent_from_the_public(
        demo_db, tmp_path):
    [(meeting_id, title)] = query(demo_db, """
        SELECT i.meeting_id, d.title FROM document d
        JOIN agenda_item_document l ON l.document_id = d.id
        JOIN agenda_item i ON i.id = l.agenda_item_id
        WHERE d.is_public = 0 LIMIT 1""")
    internal, public = tmp_path / "internal.pdf", tmp_path / "public.pdf"
    for out, extra in ((internal, ()), (public, ("--public",))):
        result = run("--db", str(demo_db), "export", "agenda", str(meeting_id), "--out",
                     str(out), "--lang", "en", *extra)
        assert result.returncode == 0, result.stderr
    assert "".join(f"Paper (restricted): {title}".split()) in pdf_text(internal)
    assert "".join(title.split()) not in pdf_text(public)


def test_a_closed_meetings_link_stays_out_of_calendar_files_unless_asked(demo_db, tmp_path):
    [(meeting_id, link)] = query(demo_db, "SELECT id, remote_link FROM meeting "
                                          "WHERE is_public = 0 AND remote_link != '' LIMIT 1")
    shared, with_link = tmp_path / "shared.ics", tmp_path / "with-link.ics"
    assert run("--db", str(demo_db), "export", "ics", str(meeting_id),
               "--out", str(shared)).returncode == 0
    assert run("--db", str(demo_db), "export", "ics", str(meeting_id), "--out",
               str(with_link), "--with-link").returncode == 0
    assert link.encode() not in shared.read_bytes()
    [event] = Calendar.from_ical(with_link.read_bytes()).walk("VEVENT")
    assert str(event["URL"]) == link
