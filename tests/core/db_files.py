"""Helpers for the store, migration and maintenance tests: databases at a chosen schema
revision, and fingerprints that prove a file was not touched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy import MetaData, Table, create_engine, insert
from sqlalchemy.pool import NullPool

from secretariat.store import migrations
from secretariat.model import Person
from secretariat.model.base import utcnow


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def database_at(url: str, revision: str, *, forum: str | None = None, people: int = 0,
                quorum_percent: int = 50, notice_days: int = 14) -> None:
    """Build a database at ``revision`` the way that program version would have, with an
    optional forum and ``people`` people in it (tables that exist since 0001)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, revision)
            stamp = {"version": 1, "created_at": utcnow(), "updated_at": utcnow()}
            if forum:
                # The forum table as it is at ``revision``: before 0008 it also held the
                # meeting rules (quorum, notice period).
                table = Table("forum", MetaData(), autoload_with=conn)
                row = {"name_zh_tw": forum, "name_en": forum, "jurisdiction": "",
                       "languages": "zh_TW,en", "time_zone": "Asia/Taipei", "website": "",
                       "contact_point": "", "quorum_percent": quorum_percent,
                       "notice_days": notice_days, **stamp}
                conn.execute(insert(table), [{k: v for k, v in row.items() if k in table.c}])
            if people:
                conn.execute(
                    insert(Person.__table__),
                    # Long titles: a few hundred people span many pages, so damage
                    # tests can hit table pages rather than the schema page.
                    [{"name": f"成員{n}", "name_en": f"Member {n}", "job_title": "x" * 200,
                      **stamp} for n in range(people)],
                )
    finally:
        engine.dispose()


def rollback_journal(path: Path) -> None:
    """Leave a database file in rollback-journal mode: one file, no -wal beside it, so a
    byte comparison of the file alone says whether anything was written."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()
