"""A backup is one file holding the database, its audit head and every paper: restoring
it elsewhere brings the papers back and the audit chain verifies; a damaged, partial or
foreign file is refused before anything is touched; an old plain-SQLite backup (with its
``.audit-head`` sibling) still restores."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from secretariat.errors import SecretariatError, StoreError
from secretariat.services import audit, documents
from secretariat.store import backup_archive, maintenance, open_store
from tests.core.db_files import query, sha256
from tests.core.factories import make_forum, make_recorded_meeting

SECOND_PAPER = "第二份會議資料：預算表\n".encode() * 50


@pytest.fixture
def source(tmp_path):
    """A database with approved minutes (an audit chain) and two papers."""
    (tmp_path / "source").mkdir()
    url = f"sqlite:///{tmp_path / 'source' / 'forum.db'}"
    store = open_store(url)
    with store.session() as s:
        make_forum(s)
        records = make_recorded_meeting(s, store.documents_dir, tmp_path)
        paper = tmp_path / "budget.txt"
        paper.write_bytes(SECOND_PAPER)
        documents.add_document(s, documents_dir=store.documents_dir, source=paper,
                               title="預算表")
        s.commit()
    yield store, records
    store.close()


def _backup(store, path: Path) -> Path:
    return maintenance.backup(store, path).path


def _papers(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.glob("??/*")}


def _verify(url: str):
    store = open_store(url)
    try:
        with store.session() as s:
            return audit.verify_chain(s, documents_dir=store.documents_dir,
                                      head_path=store.audit_head_path)
    finally:
        store.close()


def test_the_backup_is_one_file_with_database_head_papers_and_a_manifest(source, tmp_path):
    store, _records = source
    (tmp_path / "copies").mkdir()
    report = maintenance.backup(store, tmp_path / "copies" / "forum-backup.zip")

    assert [p.name for p in (tmp_path / "copies").iterdir()] == ["forum-backup.zip"]
    papers = _papers(store.documents_dir)
    assert (report.papers, report.missing_papers) == (2, ())
    assert report.paper_bytes == sum(len(data) for data in papers.values())
    with zipfile.ZipFile(report.path) as archive:
        names = archive.namelist()
        assert names[0] == "database.sqlite" and names[-1] == "manifest.json"
        assert sorted(n for n in names if n.startswith("papers/")) == sorted(
            f"papers/{sha[:2]}/{sha}" for sha in papers)
        assert archive.read("audit-head") == store.audit_head_path.read_bytes()
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["format"] == "forum-secretariat-backup"
        assert {m["name"] for m in manifest["members"]} == set(names) - {"manifest.json"}
        for member in manifest["members"]:
            data = archive.read(member["name"])
            assert (len(data), hashlib.sha256(data).hexdigest()) == (
                member["size"], member["sha256"])
        copy = tmp_path / "copy.db"
        copy.write_bytes(archive.read("database.sqlite"))
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    assert query(copy, "SELECT count(*) FROM document") == [(2,)]


def test_a_restored_backup_has_its_papers_and_its_audit_chain_verifies(source, tmp_path):
    store, _records = source
    backup = _backup(store, tmp_path / "backup.zip")
    elsewhere = tmp_path / "elsewhere" / "restored.db"
    elsewhere.parent.mkdir()

    report = maintenance.restore(f"sqlite:///{elsewhere}", backup)

    assert (report.papers_added, report.papers_kept, report.database_only) == (2, 0, False)
    assert report.documents_dir == elsewhere.with_name("restored.db.files")
    assert _papers(report.documents_dir) == _papers(store.documents_dir)
    assert (elsewhere.with_name("restored.db.audit-head").read_bytes()
            == store.audit_head_path.read_bytes())
    result = _verify(f"sqlite:///{elsewhere}")
    assert result.ok and not result.notes, result.first_problem
    # Nothing but the database, its head and its papers is left in the target's folder.
    assert sorted(p.name for p in elsewhere.parent.iterdir()) == [
        "restored.db", "restored.db.audit-head", "restored.db.files"]


def test_identical_papers_already_there_are_kept_and_altered_ones_replaced(source, tmp_path):
    store, records = source
    backup = _backup(store, tmp_path / "backup.zip")
    target = tmp_path / "target.db"
    folder = target.with_name("target.db.files")
    wanted = _papers(store.documents_dir)
    first, second = sorted(wanted)
    for sha, data in ((first, wanted[first]), (second, b"changed behind our back")):
        (folder / sha[:2]).mkdir(parents=True, exist_ok=True)
        (folder / sha[:2] / sha).write_bytes(data)
    (folder / "ab").mkdir(exist_ok=True)
    (folder / "ab" / ("ab" + "0" * 62)).write_bytes(b"a paper of the target only")

    report = maintenance.restore(f"sqlite:///{target}", backup)

    assert (report.papers_added, report.papers_kept) == (1, 1)
    assert _papers(folder) == {**wanted, "ab" + "0" * 62: b"a paper of the target only"}


def _fingerprint(target: Path) -> dict:
    """Everything a restore into ``target`` could change."""
    folder = target.parent
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def _rewrite(backup: Path, out: Path, *, replace: dict[str, bytes | None] | None = None,
             add: dict[str, bytes] | None = None) -> Path:
    """A copy of ``backup`` with members replaced (None: left out) or added, the manifest
    kept as it was: what a changed or partly lost backup looks like."""
    replace = replace or {}
    with zipfile.ZipFile(backup) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = replace.get(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return out


def _a_paper(backup: Path) -> str:
    with zipfile.ZipFile(backup) as archive:
        return next(n for n in archive.namelist() if n.startswith("papers/"))


def _flip_a_byte_of(backup: Path, out: Path, content: bytes) -> Path:
    data = bytearray(backup.read_bytes())
    at = data.index(content) + len(content) // 2
    data[at] ^= 0x01
    out.write_bytes(bytes(data))
    return out


DAMAGES = {
    "a paper changed (manifest checksum)": (
        lambda b, out: _rewrite(b, out, replace={_a_paper(b): b"other bytes"}),
        StoreError, "does not match the checksum"),
    "a paper's bytes flipped on disk (ZIP checksum)": (
        lambda b, out: _flip_a_byte_of(b, out, SECOND_PAPER),
        StoreError, "does not match the checksum"),
    "the database changed": (
        lambda b, out: _rewrite(b, out, replace={"database.sqlite": b"SQLite format 3\0x"}),
        StoreError, "database.sqlite does not match"),
    "a paper lost": (
        lambda b, out: _rewrite(b, out, replace={_a_paper(b): None}),
        StoreError, "is missing from it"),
    "a member added": (
        lambda b, out: _rewrite(b, out, add={"../../evil": b"x"}),
        StoreError, "which its manifest does not list"),
    "cut short": (
        lambda b, out: out.write_bytes(b.read_bytes()[: b.stat().st_size // 2]) and out,
        StoreError, "damaged or incomplete"),
    "no manifest (another program's ZIP)": (
        lambda b, out: _rewrite(b, out, replace={"manifest.json": None}),
        StoreError, "not a Forum Secretariat backup"),
    "neither an archive nor a database": (
        lambda b, out: out.write_bytes(b"just some text\n" * 100) and out,
        StoreError, "neither a backup file nor a database file"),
    "a newer backup format": (
        lambda b, out: _rewrite(b, out, replace={"manifest.json": json.dumps(
            {"format": "forum-secretariat-backup", "format_version": 99,
             "members": []}).encode()}),
        StoreError, "newer version of Forum Secretariat"),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_partial_or_foreign_backup_is_refused_and_nothing_changes(
        source, tmp_path, damage):
    store, _records = source
    make, error_type, message = DAMAGES[damage]
    backup = _backup(store, tmp_path / "backup.zip")
    bad = make(backup, tmp_path / "bad.zip")
    # The target: the source itself, with its records, head and papers, closed and in
    # rollback-journal mode (one file: a byte comparison says whether it was written).
    store.close()
    target = Path(store.database_path)
    sqlite3.connect(target).execute("PRAGMA journal_mode=DELETE").close()
    before = _fingerprint(target)

    with pytest.raises(error_type, match=message) as refused:
        maintenance.restore(store.url, bad, force=True)

    assert str(bad) in str(refused.value)
    assert "Traceback" not in str(refused.value)
    assert _fingerprint(target) == before


def test_an_old_plain_database_backup_with_its_head_file_still_restores(source, tmp_path):
    store, _records = source
    # What ``backup`` wrote before backups carried papers: the database file alone, with
    # the head file beside it.
    old = tmp_path / "old-backup.db"
    source_conn = sqlite3.connect(store.database_path)
    copy = sqlite3.connect(old)
    source_conn.backup(copy)
    copy.execute("PRAGMA journal_mode=DELETE")
    copy.close()
    source_conn.close()
    old.with_name("old-backup.db.audit-head").write_bytes(store.audit_head_path.read_bytes())
    target = tmp_path / "restored.db"

    report = maintenance.restore(f"sqlite:///{target}", old)

    assert report.database_only and report.papers_added == 0
    assert report.counts["document"] == 2
    assert (target.with_name("restored.db.audit-head").read_bytes()
            == store.audit_head_path.read_bytes())
    # Its papers were never in it: audit verify names the missing file, nothing else.
    result = _verify(f"sqlite:///{target}")
    assert not result.ok and "missing" in result.first_problem.message


def test_a_paper_missing_from_the_folder_is_named_by_the_backup(source, tmp_path):
    store, records = source
    lost = records["paper"].sha256
    (store.documents_dir / lost[:2] / lost).unlink()
    report = maintenance.backup(store, tmp_path / "backup.zip")
    assert (report.papers, report.missing_papers) == (1, (lost,))


def test_progress_is_reported_up_to_the_whole(source, tmp_path):
    store, _records = source
    seen: list[tuple[int, int]] = []
    backup = maintenance.backup(store, tmp_path / "backup.zip",
                                progress=lambda done, total: seen.append((done, total))).path
    assert seen and seen[-1][0] == seen[-1][1]
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    seen.clear()
    maintenance.restore(f"sqlite:///{tmp_path / 'restored.db'}", backup,
                        progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_a_backup_cannot_be_written_into_a_missing_folder(source, tmp_path):
    store, _records = source
    with pytest.raises(SecretariatError, match="does not exist"):
        maintenance.backup(store, tmp_path / "no such folder" / "backup.zip")


def test_reading_a_backup_checks_the_manifest_before_the_members(source, tmp_path):
    store, _records = source
    backup = _backup(store, tmp_path / "backup.zip")
    with backup_archive.BackupArchive.open(backup) as archive:
        assert archive.schema == store.head_revision
        assert len(archive.papers) == 2
        assert archive.members["database.sqlite"].size > 0
