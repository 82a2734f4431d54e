"""Opening a database safely: settings that protect committed records, refusal of files
the program must not touch (left byte-for-byte unchanged), crash safety and optimistic
locking between two workstations."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm.exc import StaleDataError

from secretariat.store import migrations
from secretariat.errors import StoreError
from secretariat.model import Forum
from secretariat.store import DOCUMENTS_DIR_ENV, open_store
from tests.core.db_files import database_at, query, rollback_journal, sha256


def _db_path(url: str) -> Path:
    return Path(make_url(url).database)


def _set_revision(url: str, revision: str) -> None:
    store = open_store(url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    store.close()


def test_sqlite_connections_protect_committed_records(sqlite_url):
    store = open_store(sqlite_url)
    with store.session() as s:
        pragma = lambda name: s.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == 5000
    store.close()


def test_documents_live_beside_the_database_file(sqlite_url, monkeypatch):
    monkeypatch.delenv(DOCUMENTS_DIR_ENV, raising=False)
    store = open_store(sqlite_url)
    store.close()
    assert store.documents_dir == _db_path(sqlite_url).with_name("test.db.files")


def test_documents_folder_can_be_chosen(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv(DOCUMENTS_DIR_ENV, str(tmp_path / "shared papers"))
    store = open_store(db_url)
    store.close()
    assert store.documents_dir == tmp_path / "shared papers"


def test_in_memory_database_for_tests():
    store = open_store("sqlite://")
    try:
        with store.session() as s:
            s.add(Forum(name_zh_tw="論壇", name_en="Forum"))
            s.commit()
        with store.session() as s:  # another session sees the same database
            assert s.query(Forum).count() == 1
        assert store.schema_revision == migrations.head_revision()
        documents = store.documents_dir
        assert documents.is_dir()
    finally:
        store.close()
    assert not documents.exists()


def test_a_newer_database_is_refused_and_left_untouched(sqlite_url):
    _set_revision(sqlite_url, "0099_from_the_future")
    db = _db_path(sqlite_url)
    rollback_journal(db)
    before = sha256(db)

    with pytest.raises(StoreError) as refused:
        open_store(sqlite_url)

    assert str(refused.value) == (
        "This database was written by a newer version of Forum Secretariat "
        "(schema 0099_from_the_future). Install the newer program; the database was not changed."
    )
    assert sha256(db) == before
    # Not even switched to WAL: no side files appeared and the header still says rollback.
    assert not db.with_name("test.db-wal").exists()
    assert query(db, "PRAGMA journal_mode") == [("delete",)]
    assert not list(db.parent.glob("*.bak"))


def test_a_newer_database_is_refused_on_either_back_end(db_url):
    _set_revision(db_url, "0099_from_the_future")
    with pytest.raises(StoreError, match="newer version"):
        open_store(db_url)
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "0099_from_the_future"
        )
    engine.dispose()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "minutes.docx"
    path.write_bytes(os.urandom(8192))
    before = sha256(path)
    with pytest.raises(StoreError, match="is not a Forum Secretariat database"):
        open_store(f"sqlite:///{path}")
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.docx"]


def _damage_truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damage_overwrite_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    start = page_size * 3  # the fourth page: inside the tables, past the schema page
    data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_damage_truncate, _damage_overwrite_page])
def test_a_damaged_database_is_refused_untouched(sqlite_url, damage):
    database_at(sqlite_url, "head", forum="論壇", people=300)
    db = _db_path(sqlite_url)
    rollback_journal(db)
    damage(db)
    before = sha256(db)
    with pytest.raises(StoreError, match="is damaged"):
        open_store(sqlite_url)
    assert sha256(db) == before
    assert not list(db.parent.glob("*.bak"))


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "address-book.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contact (name TEXT)")
    conn.commit()
    conn.close()
    before = sha256(path)
    with pytest.raises(StoreError, match="another program"):
        open_store(f"sqlite:///{path}")
    assert sha256(path) == before


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "new.db"
    path.touch()
    store = open_store(f"sqlite:///{path}")
    store.close()
    assert store.backup_path is None
    assert query(path, "SELECT count(*) FROM sector") == [(10,)]


def test_a_missing_folder_is_reported(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(f"sqlite:///{tmp_path / 'no such folder' / 'forum.db'}")
    assert not (tmp_path / "no such folder").exists()


_WRITER = textwrap.dedent(
    """
    import sys
    from secretariat.model import Person
    from secretariat.store import open_store

    store = open_store(sys.argv[1])
    number = 0
    while True:
        number += 1
        with store.session() as s:
            s.add(Person(name=f"成員{number}"))
            s.commit()
        print(number, flush=True)  # only after the commit returned
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_records_committed_before_a_crash_survive_it(sqlite_url):
    open_store(sqlite_url).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, sqlite_url],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        committed = [int(writer.stdout.readline()) for _ in range(25)]
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()

    db = _db_path(sqlite_url)
    conn = sqlite3.connect(db)  # a normal connection: replays the write-ahead log
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    names = {name for (name,) in conn.execute("SELECT name FROM person")}
    conn.close()
    assert {f"成員{n}" for n in committed} <= names
    open_store(sqlite_url).close()  # and the program opens it again


def test_two_workstations_cannot_overwrite_each_others_edit(store):
    with store.session() as setup:
        forum = Forum(name_zh_tw="論壇", name_en="Forum")
        setup.add(forum)
        setup.commit()

    with store.session() as first, store.session() as second:
        mine, theirs = first.get(Forum, forum.id), second.get(Forum, forum.id)
        mine.name_en = "Open Government Forum"
        first.commit()
        theirs.name_en = "OGP Forum"
        with pytest.raises(StaleDataError):
            second.commit()

    with store.session() as s:
        kept = s.get(Forum, forum.id)
        assert (kept.name_en, kept.version) == ("Open Government Forum", 2)


def test_folder_and_file_names_with_spaces_chinese_and_symbols(tmp_path):
    folder = tmp_path / "論壇 資料 #1"
    folder.mkdir()
    url = f"sqlite:///{folder / 'forum 100%.db'}"
    database_at(url, "0001_members_meetings", forum="論壇")
    store = open_store(url)  # read-only checks, backup and upgrade all find the file
    store.close()
    assert store.upgraded_from == "0001_members_meetings"
    assert store.backup_path.parent == folder
    assert query(store.backup_path, "SELECT name_zh_tw FROM forum") == [("論壇",)]
