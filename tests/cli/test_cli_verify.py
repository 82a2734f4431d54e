"""``secretariat verify`` as a recipient of a package runs it."""

from __future__ import annotations

import json
import sqlite3

import pytest

from secretariat.packages.bag_writer import BagWriter
from secretariat.store import open_store
from secretariat.services.audit.package_head import chain_head_now, head_as_json
from tests.cli.helpers import make_small_demo, run
from tests.core.package_helpers import BAGGING_DATE, file_signer, write_bag


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return make_small_demo(tmp_path_factory.mktemp("verify-demo"))


def test_a_valid_package_is_ok_and_names_its_key(tmp_path):
    signer = file_signer(tmp_path / "keys")
    bag = write_bag(tmp_path / "bag.zip", signer, {"a.txt": b"a"}, zipped=True)
    result = run("verify", str(bag), "--fingerprint", signer.fingerprint)
    assert result.returncode == 0, result.stderr
    assert "OK: 1 files" in result.stdout and signer.fingerprint in result.stdout


def test_a_tampered_package_fails_naming_the_file_in_chinese(tmp_path):
    bag = write_bag(tmp_path / "bag", file_signer(tmp_path / "keys"),
                    {"minutes.txt": b"approved"}, zipped=False)
    (bag / "data" / "minutes.txt").write_bytes(b"APPROVED")
    result = run("verify", str(bag), lang="zh_TW.UTF-8")
    assert result.returncode == 1
    assert "data/minutes.txt" in result.stderr


def test_another_key_than_the_published_one_is_named(tmp_path):
    bag = write_bag(tmp_path / "bag.zip", file_signer(tmp_path / "keys"), {"a.txt": b"a"},
                    zipped=True)
    other = file_signer(tmp_path / "other-keys").fingerprint
    result = run("verify", str(bag), "--fingerprint", other)
    assert result.returncode == 1 and other in result.stderr


def test_deleted_audit_entries_are_caught_against_the_database(tmp_path, demo_db):
    store = open_store(f"sqlite:///{demo_db}")
    with store.session() as s:
        head = chain_head_now(s)
    store.close()
    assert head.count > 2
    with BagWriter(tmp_path / "bag.zip", zipped=True, bagging_date=BAGGING_DATE) as bag:
        bag.add_bytes("a.txt", b"a")
        bag.add_tag_bytes("audit-head.json", json.dumps(head_as_json(head)).encode())
        package = bag.finish(file_signer(tmp_path / "keys"), {})

    intact = run("--db", str(demo_db), "verify", str(package), "--against-db")
    assert intact.returncode == 0, intact.stderr
    assert f"still holds the {head.count} audit log entries" in intact.stdout

    with sqlite3.connect(demo_db) as db:  # what someone covering their tracks would do
        db.execute("DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)")
    tampered = run("--db", str(demo_db), "verify", str(package), "--against-db")
    assert tampered.returncode == 1
    assert (f"deleted after this package was exported: the package recorded {head.count}, "
            f"the database holds {head.count - 1}") in tampered.stderr
