"""Schema migrations: a new database reaches the head schema the models describe, an old
one is upgraded with its data and a safety copy, and the search objects a later migration
adds by hand are not mistaken for drift."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, select, text
from sqlalchemy.pool import NullPool

from secretariat.store import migrations
from secretariat.model import Forum, Person, Sector, Side
from secretariat.store import open_store
from tests.core.db_files import database_at, query

FIRST = "0001_members_meetings"


def test_known_revision_ids_other_work_depends_on():
    assert {FIRST, "0002_minutes_decisions"} <= migrations.known_revisions()
    assert migrations.head_revision() in migrations.known_revisions()


def test_new_database_is_migrated_to_head_matching_the_models(db_url):
    store = open_store(db_url)
    try:
        assert store.schema_revision == store.head_revision == migrations.head_revision()
        assert store.upgraded_from is None and store.backup_path is None
        with store.engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.head_revision()
            assert migrations.schema_differences(conn) == []
    finally:
        store.close()


def test_standard_sectors_are_seeded_in_order(session):
    sectors = session.scalars(select(Sector).order_by(Sector.sort_order)).all()
    assert [(s.code, s.side, s.sort_order) for s in sectors] == [
        ("government_agency", Side.GOVERNMENT, 10),
        ("subnational_government", Side.GOVERNMENT, 20),
        ("parliament", Side.GOVERNMENT, 30),
        ("judiciary", Side.GOVERNMENT, 40),
        ("civil_society", Side.NON_GOVERNMENT, 50),
        ("academia", Side.NON_GOVERNMENT, 60),
        ("private_sector", Side.NON_GOVERNMENT, 70),
        ("citizen", Side.NON_GOVERNMENT, 80),
        ("media", Side.NON_GOVERNMENT, 90),
        ("other", Side.NON_GOVERNMENT, 100),
    ]
    assert all(s.is_standard for s in sectors)
    assert sectors[0].name("zh_TW") == "政府機關"
    assert sectors[4].name("en") == "Civil society organisation"


def test_upgrade_keeps_the_data(db_url):
    database_at(db_url, FIRST, forum="開放政府論壇", people=3)
    store = open_store(db_url)
    try:
        assert store.upgraded_from == FIRST
        assert store.schema_revision == migrations.head_revision()
        with store.session() as s:
            assert s.scalars(select(Forum.name_zh_tw)).all() == ["開放政府論壇"]
            assert s.query(Person).count() == 3
        with store.engine.connect() as conn:
            assert migrations.schema_differences(conn) == []
    finally:
        store.close()


def test_upgrade_writes_a_backup_of_the_old_database_first(sqlite_url):
    database_at(sqlite_url, FIRST, forum="開放政府論壇", people=2)
    db = Path(make_url(sqlite_url).database)
    store = open_store(sqlite_url)
    store.close()

    backup = store.backup_path
    assert backup is not None and backup.parent == db.parent
    assert re.fullmatch(rf"test\.db\.before-{FIRST}-\d{{8}}T\d{{6}}\.bak", backup.name)
    # The copy is the database as it was: old schema, same records.
    assert query(backup, "SELECT version_num FROM alembic_version") == [(FIRST,)]
    assert query(backup, "SELECT name_zh_tw FROM forum") == [("開放政府論壇",)]
    assert query(backup, "SELECT count(*) FROM person") == [(2,)]
    assert query(backup, "PRAGMA integrity_check") == [("ok",)]
    assert not query(backup, "SELECT name FROM sqlite_master WHERE name = 'decision'")


def test_opening_an_up_to_date_database_writes_no_backup(sqlite_url):
    open_store(sqlite_url).close()
    store = open_store(sqlite_url)
    store.close()
    assert store.backup_path is None and store.upgraded_from is None
    assert not list(Path(make_url(sqlite_url).database).parent.glob("*.bak"))


def test_a_failed_upgrade_leaves_the_old_schema(sqlite_url, monkeypatch):
    """The upgrade runs in one transaction: a failure half-way rolls all of it back."""
    database_at(sqlite_url, FIRST, forum="論壇")
    real_upgrade = migrations.upgrade

    def upgrade_then_fail(conn, revision="head"):
        real_upgrade(conn, revision)
        raise RuntimeError("power cut in the middle of the upgrade")

    monkeypatch.setattr(migrations, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        open_store(sqlite_url)
    db = Path(make_url(sqlite_url).database)
    assert query(db, "SELECT version_num FROM alembic_version") == [(FIRST,)]
    assert not query(db, "SELECT name FROM sqlite_master WHERE name = 'decision'")
    assert query(db, "SELECT name_zh_tw FROM forum") == [("論壇",)]


def test_search_tables_are_not_reported_as_drift(sqlite_url):
    """The search migration adds FTS5 tables (and their shadow tables) the models do not
    describe; the comparison must not propose dropping them."""
    open_store(sqlite_url).close()
    engine = create_engine(sqlite_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("CREATE VIRTUAL TABLE search_probe USING fts5(body, tokenize='trigram')"))
        conn.execute(text("CREATE INDEX search_probe_person_name ON person (name)"))
        assert migrations.schema_differences(conn) == []
        conn.execute(text("CREATE TABLE stray (id INTEGER PRIMARY KEY)"))
        assert migrations.schema_differences(conn)  # the check does see real drift
    engine.dispose()


def test_downgrade_to_base_removes_everything(sqlite_url):
    """Each migration's downgrade undoes it (useful while developing the next one)."""
    database_at(sqlite_url, "head")
    engine = create_engine(sqlite_url, poolclass=NullPool)
    with engine.begin() as conn:
        from alembic import command

        command.downgrade(migrations.alembic_config(conn), "base")
    engine.dispose()
    tables = query(Path(make_url(sqlite_url).database), "SELECT name FROM sqlite_master WHERE type='table'")
    assert tables == [("alembic_version",)]


def test_migration_scripts_are_found_without_a_config_file(tmp_path, monkeypatch):
    """Installed or bundled, the program has no alembic.ini and may run from any folder."""
    monkeypatch.chdir(tmp_path)
    assert Path(migrations.script_directory().dir) == Path(migrations.__file__).parent
    store = open_store(f"sqlite:///{tmp_path / 'elsewhere.db'}")
    store.close()
    assert not (tmp_path / "alembic.ini").exists()
    conn = sqlite3.connect(tmp_path / "elsewhere.db")
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == store.head_revision
    conn.close()


def test_quick_revision_reading_agrees_with_alembic():
    scripts = migrations.script_directory()
    assert migrations.head_revision() == scripts.get_current_head()
    assert migrations.known_revisions() == {s.revision for s in scripts.walk_revisions()}
