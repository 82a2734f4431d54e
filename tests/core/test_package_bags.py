"""Bags as recipients receive them: valid by standard tools, reproducible, atomic, and every
kind of damage or trickery named by ``verify_package``."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from secretariat.errors import SecretariatError
from secretariat.packages.bag_writer import BagWriter
from secretariat.packages.verify import verify_package
from tests.core.package_helpers import BAGGING_DATE, file_signer, rewrite_zip, write_bag

FILES = {"minutes.pdf": b"%PDF-1.4 minutes" * 1000, "議程/agenda.pdf": b"%PDF agenda",
         "attendance.csv": "name,status\n陳志明,present\n".encode()}


@pytest.fixture
def signer(tmp_path):
    return file_signer(tmp_path / "keys")


def test_folder_bag_passes_bagit_sha256sum_and_openssl(tmp_path, signer):
    bag = write_bag(tmp_path / "meeting-bag", signer, FILES, zipped=False)
    assert verify_package(bag).ok

    bagit = subprocess.run([sys.executable, "-m", "bagit", "--validate", str(bag)],
                           capture_output=True, text=True)
    assert bagit.returncode == 0, bagit.stderr
    sums = subprocess.run(["sha256sum", "-c", "manifest-sha256.txt"], cwd=bag,
                          capture_output=True, text=True)
    assert sums.returncode == 0 and sums.stdout.count(": OK") == len(FILES)
    openssl = subprocess.run(
        ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signing-key.pem", "-rawin",
         "-in", "tagmanifest-sha256.txt", "-sigfile", "tagmanifest-sha256.txt.sig"],
        cwd=bag, capture_output=True, text=True)
    assert openssl.returncode == 0 and "Signature Verified Successfully" in openssl.stdout


def test_zip_bag_verifies_and_holds_one_folder(tmp_path, signer):
    bag = write_bag(tmp_path / "meeting-7.zip", signer, FILES, zipped=True)
    result = verify_package(bag)
    assert result.ok, result.messages()
    assert (result.files, result.fingerprint) == (3, signer.fingerprint)
    with zipfile.ZipFile(bag) as z:
        assert {n.split("/")[0] for n in z.namelist()} == {"meeting-7"}


def test_the_same_records_give_identical_bags(tmp_path, signer):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    first = write_bag(tmp_path / "a" / "bag.zip", signer, FILES, zipped=True)
    # Files added in another order, as a later export may find them.
    second = write_bag(tmp_path / "b" / "bag.zip", signer, dict(reversed(FILES.items())),
                       zipped=True)
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        for name in ("bag/manifest-sha256.txt", "bag/manifest-sha512.txt",
                     "bag/tagmanifest-sha256.txt"):
            assert a.read(name) == b.read(name)


def test_a_failed_or_cancelled_export_leaves_nothing(tmp_path, signer):
    def cancel(done, total, label):
        raise KeyboardInterrupt  # what a cancel or Ctrl+C does in the middle of a file

    for zipped in (True, False):
        target = tmp_path / ("bag.zip" if zipped else "bag")
        with pytest.raises(KeyboardInterrupt):
            with BagWriter(target, zipped=zipped, bagging_date=BAGGING_DATE,
                           report=cancel) as bag:
                bag.add_bytes("big.bin", b"x" * 3_000_000)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["keys"]


def test_a_partial_bag_of_a_dead_export_is_cleaned_up(tmp_path, signer):
    stale = tmp_path / ".bag.partial-999999999-abc"
    (stale / "data").mkdir(parents=True)
    (stale / "data" / "x.pdf").write_bytes(b"half")
    write_bag(tmp_path / "bag", signer, FILES, zipped=False)
    assert not stale.exists()


def test_names_that_collide_or_escape_are_refused_when_writing(tmp_path, signer):
    with BagWriter(tmp_path / "bag.zip", zipped=True, bagging_date=BAGGING_DATE) as bag:
        bag.add_bytes("Minutes.pdf", b"1")
        with pytest.raises(SecretariatError, match="same file"):
            bag.add_bytes("minutes.PDF", b"2")
        with pytest.raises(SecretariatError, match="cannot go into a package"):
            bag.add_bytes("../evil.txt", b"3")
    assert not (tmp_path / "bag.zip").exists()


def test_a_changed_byte_is_named(tmp_path, signer):
    bag = write_bag(tmp_path / "bag", signer, FILES, zipped=False)
    paper = bag / "data" / "attendance.csv"
    paper.write_bytes(paper.read_bytes().replace(b"present", b"absent!"))  # same size
    messages = verify_package(bag).messages()
    assert any("data/attendance.csv does not match its SHA256" in m for m in messages)
    assert any("SHA512" in m for m in messages)


def test_a_file_added_or_removed_is_named(tmp_path, signer):
    bag = write_bag(tmp_path / "bag", signer, FILES, zipped=False)
    (bag / "data" / "extra.txt").write_text("planted")
    (bag / "data" / "minutes.pdf").unlink()
    messages = "\n".join(verify_package(bag).messages())
    assert "data/extra.txt is in the package but not in manifest-sha256.txt" in messages
    assert "data/minutes.pdf is listed in manifest-sha256.txt but missing" in messages


def test_a_manifest_rewritten_to_match_breaks_the_signature(tmp_path, signer):
    bag = write_bag(tmp_path / "bag", signer, FILES, zipped=False)
    paper = bag / "data" / "attendance.csv"
    paper.write_bytes(b"forged")
    for algorithm in ("sha256", "sha512"):
        manifest = bag / f"manifest-{algorithm}.txt"
        digest = hashlib.new(algorithm, b"forged").hexdigest()
        lines = [f"{digest}  data/attendance.csv" if "attendance" in line else line
                 for line in manifest.read_text().splitlines()]
        manifest.write_text("\n".join(lines) + "\n")
        tags = bag / f"tagmanifest-{algorithm}.txt"
        tag_digest = hashlib.new(algorithm, manifest.read_bytes()).hexdigest()
        tags.write_text("".join(
            f"{tag_digest}  {manifest.name}\n" if manifest.name in line else line + "\n"
            for line in tags.read_text().splitlines()))
    (bag / "bag-info.txt").write_text((bag / "bag-info.txt").read_text())
    messages = verify_package(bag).messages()
    assert any("signature does not match" in m for m in messages)


def test_truncated_zip_is_named(tmp_path, signer):
    bag = write_bag(tmp_path / "bag.zip", signer, FILES, zipped=True)
    data = bag.read_bytes()
    bag.write_bytes(data[: len(data) // 2])
    messages = verify_package(bag).messages()
    assert len(messages) == 1 and "not a ZIP file, or it is truncated" in messages[0]


@pytest.mark.parametrize("planted, expected", [
    ("bag/data/../../evil.txt", "leaves the package"),
    ("bag//etc/passwd", "an absolute path"),
    ("bag/data/C:evil.txt", "not allowed in file names"),
    ("bag/data/MINUTES.PDF", "same file on some computers"),
    ("bag/data/minutes.pdf", "same file on some computers"),  # a ZIP may repeat a name
])
def test_hostile_names_are_refused_and_nothing_is_written(tmp_path, signer, planted, expected):
    bag = write_bag(tmp_path / "bag.zip", signer, FILES, zipped=True)
    hostile = rewrite_zip(bag, tmp_path / "hostile.zip", lambda name, data:
                          [(name, data)] + ([(planted, b"x")] if name.endswith("bagit.txt")
                                            else []))
    before = sorted(p.name for p in tmp_path.rglob("*"))
    messages = "\n".join(verify_package(hostile).messages())
    assert expected in messages
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_names_differing_only_by_normalisation_collide(tmp_path, signer):
    nfc, nfd = unicodedata.normalize("NFC", "café.txt"), unicodedata.normalize("NFD", "café.txt")
    bag = write_bag(tmp_path / "bag.zip", signer, {nfc: b"1"}, zipped=True)
    hostile = rewrite_zip(bag, tmp_path / "hostile.zip", lambda name, data:
                          [(name, data)] + ([(f"bag/data/{nfd}", b"2")]
                                            if name.endswith("bagit.txt") else []))
    assert any("same file on some computers" in m for m in verify_package(hostile).messages())


def test_a_zip_bomb_is_refused_without_expanding_it(tmp_path, signer):
    bag = write_bag(tmp_path / "bag.zip", signer, FILES, zipped=True)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bag) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        new.writestr("bag/data/zeros.bin", b"\0" * 50_000_000)
    messages = verify_package(bomb).messages()
    assert any("possible ZIP bomb" in m for m in messages)


def test_an_unsigned_bag_is_not_valid(tmp_path, signer):
    bag = write_bag(tmp_path / "bag", signer, FILES, zipped=False)
    (bag / "tagmanifest-sha256.txt.sig").unlink()
    assert any("not signed" in m for m in verify_package(bag).messages())


def test_a_missing_package_is_named(tmp_path):
    assert "does not exist" in verify_package(tmp_path / "nothing.zip").messages()[0]


def test_a_folder_export_never_overwrites(tmp_path, signer):
    (tmp_path / "bag").mkdir()
    with pytest.raises(SecretariatError, match="already exists"):
        write_bag(tmp_path / "bag", signer, FILES, zipped=False)
