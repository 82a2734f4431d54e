"""``info``, ``backup`` and ``restore`` as a clerk uses them: a backup taken while the
program is open restores to exactly that state; restoring never silently replaces a
database that holds records; a backup from an older version comes back upgraded."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import make_url

from secretariat.store import maintenance
from secretariat.store import migrations
from secretariat.errors import SecretariatError, StoreError
from secretariat.model import Forum, Person
from secretariat.store import open_store
from tests.core.db_files import database_at, query, rollback_journal, sha256


def _add(store, *objects) -> None:
    with store.session() as s:
        s.add_all(objects)
        s.commit()


def _names(url: str) -> list[str]:
    store = open_store(url)
    try:
        with store.session() as s:
            return sorted(p.name for p in s.query(Person))
    finally:
        store.close()


def test_info_reports_location_schema_and_counts(store):
    _add(store, Forum(name_zh_tw="論壇", name_en="Forum"), Person(name="王小明"), Person(name="林美"))
    report = maintenance.info(store)
    assert report.backend == store.engine.dialect.name
    assert report.schema_revision == report.head_revision == migrations.head_revision()
    assert report.documents_dir == store.documents_dir
    assert list(report.counts) == list(maintenance.COUNTED_TABLES)
    assert (report.counts["forum"], report.counts["person"], report.counts["sector"]) == (1, 2, 10)
    assert report.counts["decision"] == 0
    assert maintenance.count_label("person") == "People"
    if store.is_sqlite:
        assert report.location == str(Path(make_url(store.url).database).resolve())
    else:
        assert report.location.startswith("postgresql")


def test_backup_and_restore_round_trip(sqlite_url, tmp_path):
    store = open_store(sqlite_url)
    _add(store, Forum(name_zh_tw="論壇", name_en="Forum"), Person(name="王小明"))
    (tmp_path / "copies").mkdir()
    out = maintenance.backup(store, tmp_path / "copies" / "forum-backup.db").path
    _add(store, Person(name="後來加入"))  # after the backup: must not come back
    store.close()

    # Only the finished file under its own name: no temporary or side files left over.
    assert sorted(p.name for p in (tmp_path / "copies").iterdir()) == ["forum-backup.db"]
    with zipfile.ZipFile(out) as archive:
        (tmp_path / "inside.db").write_bytes(archive.read("database.sqlite"))
    assert query(tmp_path / "inside.db", "PRAGMA integrity_check") == [("ok",)]

    elsewhere = f"sqlite:///{tmp_path / 'restored.db'}"
    report = maintenance.restore(elsewhere, out)
    assert report.counts["person"] == 1 and report.counts["forum"] == 1
    assert _names(elsewhere) == ["王小明"]

    report = maintenance.restore(sqlite_url, out, force=True)
    assert _names(sqlite_url) == ["王小明"]


def test_restore_refuses_to_replace_records_without_force(sqlite_url, tmp_path):
    database_at(f"sqlite:///{tmp_path / 'backup.db'}", "head", people=1)
    database_at(sqlite_url, "head", forum="現有論壇")
    target = Path(make_url(sqlite_url).database)
    rollback_journal(target)
    before = sha256(target)

    with pytest.raises(SecretariatError, match="already holds records"):
        maintenance.restore(sqlite_url, tmp_path / "backup.db")
    assert sha256(target) == before

    report = maintenance.restore(sqlite_url, tmp_path / "backup.db", force=True)
    assert (report.counts["forum"], report.counts["person"]) == (0, 1)


def test_restore_into_an_empty_database_needs_no_force(sqlite_url, tmp_path):
    database_at(f"sqlite:///{tmp_path / 'backup.db'}", "head", forum="論壇")
    open_store(sqlite_url).close()  # a fresh database: sectors only
    report = maintenance.restore(sqlite_url, tmp_path / "backup.db")
    assert report.counts["forum"] == 1


def test_restoring_an_older_backup_upgrades_it_with_a_safety_copy(sqlite_url, tmp_path):
    old = tmp_path / "old-version.db"
    database_at(f"sqlite:///{old}", "0001_members_meetings", forum="論壇", people=2)
    report = maintenance.restore(sqlite_url, old)
    assert report.schema_revision == migrations.head_revision()
    assert report.counts["person"] == 2
    target = Path(make_url(sqlite_url).database)
    (copy,) = target.parent.glob("test.db.before-0001_members_meetings-*.bak")
    assert query(copy, "SELECT count(*) FROM person") == [(2,)]
    assert query(old, "SELECT version_num FROM alembic_version") == [("0001_members_meetings",)]


def test_restore_refuses_a_bad_or_newer_backup_and_changes_nothing(sqlite_url, tmp_path):
    database_at(sqlite_url, "head", forum="現有論壇")
    target = Path(make_url(sqlite_url).database)
    rollback_journal(target)
    before = sha256(target)

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match="neither a backup file nor a database file"):
        maintenance.restore(sqlite_url, garbage, force=True)
    garbage.write_bytes(b"PK\x03\x04 not a backup either" * 100)
    with pytest.raises(StoreError, match="damaged or incomplete"):
        maintenance.restore(sqlite_url, garbage, force=True)

    newer = tmp_path / "newer.db"
    database_at(f"sqlite:///{newer}", "head")
    rollback_journal(newer)
    import sqlite3

    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        maintenance.restore(sqlite_url, newer, force=True)

    with pytest.raises(SecretariatError, match="does not exist"):
        maintenance.restore(sqlite_url, tmp_path / "missing.db", force=True)

    assert sha256(target) == before


def test_backup_refuses_to_overwrite_the_database_itself(sqlite_url):
    store = open_store(sqlite_url)
    try:
        with pytest.raises(SecretariatError, match="over the database itself"):
            maintenance.backup(store, Path(make_url(sqlite_url).database))
    finally:
        store.close()


def test_postgresql_backups_are_left_to_pg_dump(db_url, tmp_path):
    if db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL only")
    # The test server trusts loopback connections, so any password gets in; it must
    # never appear in what info shows.
    store = open_store(make_url(db_url).set(password="s3cret").render_as_string(hide_password=False))
    try:
        assert "s3cret" not in maintenance.info(store).location
        with pytest.raises(SecretariatError, match="pg_dump"):
            maintenance.backup(store, tmp_path / "x.db")
    finally:
        store.close()
    with pytest.raises(SecretariatError, match="pg_restore"):
        maintenance.restore(db_url, tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


def test_restore_refuses_a_database_the_program_has_open(sqlite_url, tmp_path):
    database_at(f"sqlite:///{tmp_path / 'backup.db'}", "head", people=1)
    store = open_store(sqlite_url)
    try:
        _add(store, Person(name="正在編輯"))
        with pytest.raises(SecretariatError, match="in use"):
            maintenance.restore(sqlite_url, tmp_path / "backup.db", force=True)
        with store.session() as s:
            assert [p.name for p in s.query(Person)] == ["正在編輯"]
    finally:
        store.close()
