"""The IRM package of a period: every meeting's evidence in its own folder, the membership
history, a manifest of what is in it and of what this version cannot make yet; public
content only unless asked; it verifies."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

import pytest

from secretariat.errors import SecretariatError
from secretariat.packages.irm_package import export_irm_package
from secretariat.packages.irm_sections import SECTIONS
from secretariat.packages.verify import verify_package
from tests.core.factories import SECRETS, make_full_meeting, make_person_with_membership
from tests.core.package_helpers import BAGGING_DATE, approve_minutes_of, file_signer

JANUARY = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


@pytest.fixture
def records(session, tmp_path):
    ids = make_full_meeting(session, tmp_path / "records")
    approve_minutes_of(session, ids["meeting"])  # by a meeting in February
    make_person_with_membership(session, "早已卸任", term_start=dt.date(2020, 1, 1),
                                term_end=dt.date(2021, 12, 31))
    session.commit()
    return ids


def _export(session, tmp_path, name="irm.zip", period=JANUARY, **options):
    return export_irm_package(session, tmp_path / "records" / "documents", tmp_path / name,
                              signer=file_signer(tmp_path / "keys"), date_from=period[0],
                              date_to=period[1], today=BAGGING_DATE, **options)


def _members(package) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as z:
        return {name.split("/", 1)[1]: z.read(name) for name in z.namelist()}


def test_each_meeting_of_the_period_is_in_its_own_folder_with_its_evidence(
        session, tmp_path, records):
    files = _members(_export(session, tmp_path))
    folder = "data/meetings/2026-01-15-第5次論壇會議/"
    for name in ("agenda-zh_TW.pdf", "agenda-en.pdf", "minutes-zh_TW.pdf", "minutes-en.pdf",
                 "attendance.csv", "decisions.json", "notice.json", "metadata.json"):
        assert folder + name in files, name
    assert sum(n.startswith(folder + "papers/") for n in files) == 3  # public papers only
    # The approving meeting is in February: outside the period, so not in the package.
    assert {n.split("/")[2] for n in files if n.startswith("data/meetings/")} == {
        "2026-01-15-第5次論壇會議"}


def test_the_manifest_lists_every_file_and_the_status_of_every_section(
        session, tmp_path, records):
    files = _members(_export(session, tmp_path))
    manifest = json.loads(files["data/manifest.json"])
    assert manifest["period"] == {"from": "2026-01-01", "to": "2026-01-31"}
    listed = set(manifest["meetings"][0]["files"])
    listed |= {f for s in manifest["sections"] for f in s.get("files", [])}
    payload = {n for n in files if n.startswith("data/")} - {"data/manifest.json"}
    assert listed == payload
    status = {s["key"]: s["status"] for s in manifest["sections"]}
    # Every section of the IRM package is built now; a section without a reader would
    # be named "not_available_in_this_version" here and under "Not in this package".
    assert status == {s.key: "included" for s in SECTIONS}
    readme = files["README.txt"].decode()
    assert "Not in this package" not in readme


def test_the_membership_history_holds_the_terms_that_overlapped_the_period(
        session, tmp_path, records):
    files = _members(_export(session, tmp_path))
    rows = list(csv.DictReader(io.StringIO(
        files["data/membership/membership-history.csv"].decode("utf-8-sig"))))
    names = {row["name"] for row in rows}
    assert "委員00" in names and "早已卸任" not in names
    history = json.loads(files["data/membership/membership-history.json"])["memberships"]
    assert len(history) == len(rows)
    assert "email" not in rows[0] and "phone" not in rows[0]


def test_the_package_verifies_and_holds_nothing_private_unless_asked(session, tmp_path, records):
    public = _export(session, tmp_path)
    assert verify_package(public).ok
    text = b"".join(_members(public).values()).decode("utf-8", "replace")
    for secret in ("paper", "notes", "recipients", "decision", "circulated"):
        assert SECRETS[secret] not in text, secret
    internal = _export(session, tmp_path, "internal.zip", include_private=True)
    assert verify_package(internal).ok
    files = _members(internal)
    assert SECRETS["recipients"] in b"".join(files.values()).decode("utf-8", "replace")
    assert json.loads(files["data/manifest.json"])["audience"] == "internal"


def test_two_exports_of_the_same_records_have_identical_manifests(session, tmp_path, records):
    first = _members(_export(session, tmp_path, "a.zip"))
    second = _members(_export(session, tmp_path, "b.zip"))
    assert first["manifest-sha256.txt"] == second["manifest-sha256.txt"]


def test_a_period_that_ends_before_it_begins_is_refused(session, tmp_path, records):
    with pytest.raises(SecretariatError):
        _export(session, tmp_path, period=(JANUARY[1], JANUARY[0]))
    assert not (tmp_path / "irm.zip").exists()
