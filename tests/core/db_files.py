"""Helpers for the store, migration and maintenance tests: databases at a chosen schema
revision, and fingerprints that prove a file was not touched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy import MetaData, Table, column, create_engine, insert, table
from sqlalchemy.pool import NullPool

from secretariat.store import migrations
from secretariat.model.base import utcnow


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# The person table as 0001 made it: the model's table has later columns (0007's gender
# and region) whose defaults an insert would name, and a database at an earlier revision
# has no such columns.
_PERSON_0001 = table("person", *(column(name) for name in (
    "name", "name_en", "job_title", "version", "created_at", "updated_at")))


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
                # The forum table as it is at ``revision``: before 0009 it also held the
                # meeting rules (quorum, notice period).
                forum_table = Table("forum", MetaData(), autoload_with=conn)
                row = {"name_zh_tw": forum, "name_en": forum, "jurisdiction": "",
                       "languages": "zh_TW,en", "time_zone": "Asia/Taipei", "website": "",
                       "contact_point": "", "quorum_percent": quorum_percent,
                       "notice_days": notice_days, **stamp}
                conn.execute(insert(forum_table),
                             [{k: v for k, v in row.items() if k in forum_table.c}])
            if people:
                conn.execute(
                    insert(_PERSON_0001),
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
