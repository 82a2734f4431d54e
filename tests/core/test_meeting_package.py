"""A meeting's evidence package: complete, valid Popolo, reproducible, and private-free
unless the secretariat asks otherwise."""

from __future__ import annotations

import json
import subprocess
import zipfile

import pytest

from secretariat.packages.meeting_package import export_meeting_package
from secretariat.packages.verify import verify_package
from tests.core.export_helpers import pdf_text
from tests.core.factories import SECRETS, make_full_meeting
from tests.core.package_helpers import (
    BAGGING_DATE, approve_minutes_of, file_signer, popolo_validators,
)


@pytest.fixture
def meeting(session, tmp_path):
    ids = make_full_meeting(session, tmp_path / "records")
    approve_minutes_of(session, ids["meeting"])
    return ids


def _export(session, tmp_path, meeting_id, name, **options):
    return export_meeting_package(session, tmp_path / "records" / "documents", meeting_id,
                                  tmp_path / name, signer=file_signer(tmp_path / "keys"),
                                  today=BAGGING_DATE, **options)


def _every_text(package, tmp_path) -> str:
    """Every byte of the package as text, with the PDFs' text extracted too."""
    chunks = []
    with zipfile.ZipFile(package) as z:
        for name in z.namelist():
            data = z.read(name)
            chunks.append(data.decode("utf-8", "replace"))
            if name.endswith(".pdf"):
                pdf = tmp_path / "scan.pdf"
                pdf.write_bytes(data)
                chunks.append(pdf_text(pdf))
    return "\n".join(chunks)


def test_the_package_holds_the_meeting_evidence_and_verifies(session, tmp_path, meeting):
    package = _export(session, tmp_path, meeting["meeting"], "m.zip")
    assert verify_package(package).ok
    with zipfile.ZipFile(package) as z:
        names = set(z.namelist())
        decisions = json.loads(z.read("m/data/decisions.json"))["decisions"]
        attendance = z.read("m/data/attendance.csv").decode("utf-8-sig")
    for pdf in ("agenda-zh_TW", "agenda-en", "minutes-zh_TW", "minutes-en"):
        assert f"m/data/{pdf}.pdf" in names
    assert sum(n.startswith("m/data/papers/") for n in names) == 3  # the public ones only
    assert len(decisions) == 1 and decisions[0]["recusals"][0]["name"] == "委員01"
    assert decisions[0]["named_votes"] == [{"person_number": meeting["people"][0],
                                            "name": "委員00", "choice": "for"}]
    assert "委員02" in attendance and "apologies" in attendance
    text = pdf_text_of(package, "m/data/minutes-zh_TW.pdf", tmp_path)
    assert "決議00" in text


def pdf_text_of(package, name, tmp_path) -> str:
    with zipfile.ZipFile(package) as z:
        (tmp_path / "one.pdf").write_bytes(z.read(name))
    return pdf_text(tmp_path / "one.pdf")


def test_metadata_is_valid_popolo(session, tmp_path, meeting):
    package = _export(session, tmp_path, meeting["meeting"], "m.zip")
    with zipfile.ZipFile(package) as z:
        metadata = json.loads(z.read("m/data/metadata.json"))
    validators = popolo_validators()
    for collection, validator in validators.items():
        assert metadata[collection], collection
        for item in metadata[collection]:
            errors = [e.message for e in validator.iter_errors(item)]
            assert not errors, (collection, item["id"], errors)
    vote_event = metadata["vote_events"][0]
    assert {"option": "yes", "value": 1} in vote_event["counts"]
    assert {"voter_id": f"person/{meeting['people'][1]}", "option": "not voting",
            "role": "recused"} in vote_event["votes"]


def test_a_broken_shape_fails_the_popolo_check(session, tmp_path, meeting):
    """The schema check itself can fail: a date in the wrong form is caught."""
    validators = popolo_validators()
    assert list(validators["events"].iter_errors({"id": "e", "start_date": "15/10/2026"}))


def test_the_public_package_holds_no_private_text(session, tmp_path, meeting):
    package = _export(session, tmp_path, meeting["meeting"], "m.zip")
    everything = _every_text(package, tmp_path)
    assert "委員00" in everything  # the scan does see the content
    for kind, secret in SECRETS.items():
        assert secret not in everything, kind


def test_the_internal_package_says_so_and_holds_the_private_part(session, tmp_path, meeting):
    package = _export(session, tmp_path, meeting["meeting"], "internal.zip",
                      include_private=True)
    everything = _every_text(package, tmp_path)
    assert SECRETS["decision"] in everything and SECRETS["recipients"] in everything
    assert "Audience: internal" in everything


def test_exporting_twice_gives_identical_manifests(session, tmp_path, meeting):
    first = _export(session, tmp_path, meeting["meeting"], "a.zip")
    second = _export(session, tmp_path, meeting["meeting"], "b.zip")
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        for name in ("manifest-sha256.txt", "manifest-sha512.txt"):
            assert a.read(f"a/{name}") == b.read(f"b/{name}")


def test_a_folder_package_passes_bagit_py(session, tmp_path, meeting):
    import sys

    folder = _export(session, tmp_path, meeting["meeting"], "folder", zipped=False)
    result = subprocess.run([sys.executable, "-m", "bagit", "--validate", str(folder)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
