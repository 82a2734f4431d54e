"""The publication and public meeting packages of the demo forum, with a marker planted in
every private field, searched byte by byte (PDF text and ZIP members included)."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.cli.helpers import KEY_ENV, make_small_demo, run

MARK = "PLANTED7Q"

# Every private field of the schema, and what to write into it (each value unique per row).
PLANTS = (
    "INSERT OR IGNORE INTO person_contact (person_id, email, phone, address, internal_notes, "
    "version) SELECT id, '', '', '', '', 1 FROM person",
    f"UPDATE person_contact SET email = '{MARK.lower()}-mail-' || person_id || '@example.tw', "
    f"phone = '{MARK}-PHONE-' || person_id, address = '{MARK}-ADDRESS-' || person_id, "
    f"internal_notes = '{MARK}-CONTACT-NOTES-' || person_id",
    f"UPDATE meeting SET internal_notes = '{MARK}-MEETING-NOTES-' || id, "
    f"notice_recipients = '{MARK.lower()}-notice-' || id || '@example.tw'",
    f"UPDATE meeting SET remote_link = 'https://meet.example.tw/{MARK}-LINK-' || id "
    "WHERE is_public = 0",
    f"UPDATE minutes SET circulated_to = '{MARK.lower()}-circulated-' || id || '@example.tw'",
    f"UPDATE document SET title = '{MARK}-RESTRICTED-' || id WHERE is_public = 0",
    f"UPDATE decision SET text = '{MARK}-DECISION-' || id, text_en = '{MARK}-DECISION-EN-' || id,"
    f" rationale = '{MARK}-RATIONALE-' || id WHERE is_public = 0",
    f"UPDATE dissent SET statement = '{MARK}-DISSENT-' || id WHERE decision_id IN "
    "(SELECT id FROM decision WHERE is_public = 0)",
    f"UPDATE action_item SET description = '{MARK}-ACTION-' || id WHERE decision_id IN "
    "(SELECT id FROM decision WHERE is_public = 0)",
    # Conflicts of interest: private declaration items, what a member said at a meeting
    # about their interest, and the breaches log.
    f"UPDATE interest_item SET description = '{MARK}-INTEREST-' || id, "
    f"description_en = '{MARK}-INTEREST-EN-' || id, organisation_name = '{MARK}-ORG-' || id "
    "WHERE is_public = 0",
    f"UPDATE meeting_interest SET nature = '{MARK}-NATURE-' || id",
    f"UPDATE interest_breach SET description = '{MARK}-BREACH-' || id, "
    f"sanction = '{MARK}-SANCTION-' || id",
    # Co-creation: who sent a contribution is kept by the secretariat, not published.
    f"UPDATE contribution SET contributor = '{MARK}-CONTRIBUTOR-' || id",
)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("privacy")
    db = make_small_demo(folder)
    with sqlite3.connect(db) as connection:
        for statement in PLANTS:
            connection.execute(statement)
        private = connection.execute("SELECT count(*) FROM decision WHERE is_public = 0").fetchone()
        restricted = connection.execute(
            "SELECT sha256 FROM document WHERE is_public = 0").fetchall()
        declared = connection.execute("SELECT count(*) FROM meeting_interest").fetchone()
        private_items = connection.execute(
            "SELECT count(*) FROM interest_item WHERE is_public = 0").fetchone()
    # The demo has private records of every kind to hide.
    assert private[0] > 0 and restricted and declared[0] > 0 and private_items[0] > 0
    return db, {sha for (sha,) in restricted}, {**KEY_ENV, "XDG_DATA_HOME": str(folder / "data")}


def _texts(path: Path, scratch: Path):
    """Every file's bytes as text, PDF text extracted, ZIP members opened."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                member = scratch / Path(name).name
                member.write_bytes(z.read(name))
                yield from _texts(member, scratch)
        return
    data = path.read_bytes()
    yield data.decode("utf-8", "replace")
    if path.suffix == ".pdf":
        yield subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                             text=True, check=True).stdout


def _scan(root: Path, scratch: Path) -> list[str]:
    found = []
    files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
    for path in files:
        for text in _texts(path, scratch):
            found += re.findall(rf"{MARK}[-\w]*", text, flags=re.IGNORECASE)
    return found


def test_the_publication_package_holds_no_planted_marker(tmp_path, planted):
    db, restricted, env = planted
    result = run("--db", str(db), "export", "publication", "--out", str(tmp_path / "site"), **env)
    assert result.returncode == 0, result.stderr
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    assert _scan(tmp_path / "site", scratch) == []
    published = {line.split()[0] for line in
                 (tmp_path / "site" / "manifest-sha256.txt").read_text().splitlines()}
    assert not published & restricted  # no restricted paper's bytes, under any name


def test_public_meeting_packages_hold_no_planted_marker(tmp_path, planted):
    db, restricted, env = planted
    listed = run("--db", str(db), "meeting", "list")
    ids = re.findall(r"^\s*(\d+)\s", listed.stdout, flags=re.MULTILINE)
    assert len(ids) >= 10
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for meeting_id in ids:
        out = tmp_path / f"m{meeting_id}.zip"
        result = run("--db", str(db), "export", "meeting", meeting_id, "--out", str(out), **env)
        assert result.returncode == 0, result.stderr
        assert _scan(out, scratch) == [], meeting_id
        with zipfile.ZipFile(out) as z:
            digests = {hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}
        assert not digests & restricted


def test_the_scan_finds_a_marker_when_private_content_is_asked_for(tmp_path, planted):
    """The scan is not blind: the internal package of a meeting does carry the markers."""
    db, _, env = planted
    out = tmp_path / "internal.zip"
    result = run("--db", str(db), "export", "meeting", "12", "--out", str(out),
                 "--include-private", **env)
    assert result.returncode == 0, result.stderr
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    assert any("NOTICE" in m.upper() for m in _scan(out, scratch))


def test_the_public_irm_package_holds_no_planted_marker_and_verifies(tmp_path, planted):
    db, restricted, env = planted
    out = tmp_path / "irm.zip"
    result = run("--db", str(db), "export", "irm", "--from", "2000-01-01", "--to",
                 "2100-12-31", "--out", str(out), **env)
    assert result.returncode == 0, result.stderr
    assert re.search(r"\(1\d meetings\)", result.stdout), result.stdout  # every meeting
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    assert _scan(out, scratch) == []
    with zipfile.ZipFile(out) as z:
        digests = {hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}
    assert not digests & restricted
    verified = run("verify", str(out), **env)
    assert verified.returncode == 0, verified.stderr


def test_the_irm_package_with_private_content_does_carry_the_markers(tmp_path, planted):
    db, _, env = planted
    out = tmp_path / "irm-internal.zip"
    result = run("--db", str(db), "export", "irm", "--from", "2000-01-01", "--to",
                 "2100-12-31", "--out", str(out), "--include-private", **env)
    assert result.returncode == 0, result.stderr
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    found = " ".join(_scan(out, scratch)).upper()
    assert "NOTICE" in found and "RESTRICTED" in found
