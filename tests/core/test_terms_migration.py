"""Migration 0009: the forum's quorum and notice period become version 1 of its terms of
reference, adopted on the earlier of the forum's creation and its first meeting (so every
meeting on record is judged by it); the downgrade gives them back to the forum row from
the version in force. On SQLite and PostgreSQL, with data in the database."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.pool import NullPool

from secretariat.model import TermsOfReference
from secretariat.services.meetings import attendance_summary
from secretariat.services.terms import adopting, drafting, in_force
from secretariat.store import migrations, open_store
from secretariat.terms_vocabulary import TermsStatus
from tests.core.db_files import database_at

BEFORE = "0008_interests"
REVISION = "0009_terms_of_reference"
STAMP = "version, created_at, updated_at"


def _meeting(conn, meeting_id: int, starts_utc: str, ends_utc: str) -> None:
    conn.execute(text(
        "INSERT INTO meeting (id, forum_id, title, title_en, kind, phase, modality, "
        "status, starts_at, ends_at, time_zone, location, remote_link, is_public, "
        f"notice_recipients, internal_notes, {STAMP}) VALUES (:id, 1, 'M', '', "
        "'forum_meeting', 'whole_cycle', 'in_person', 'held', :start, :end, "
        "'Asia/Taipei', 'Room', '', false, '', '', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
        {"id": meeting_id, "start": starts_utc, "end": ends_utc})


def _old_database(url: str) -> None:
    """A forum at 0008 with quorum 65 % and 10 days' notice, created after its first
    meeting was entered (meetings typed in from the paper record)."""
    database_at(url, BEFORE, forum="論壇", quorum_percent=65, notice_days=10)
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        # 2025-03-01 23:30 UTC is 2 March in Taipei: the local date counts.
        _meeting(conn, 1, "2025-03-01 23:30:00", "2025-03-02 01:30:00")
        _meeting(conn, 2, "2025-06-01 06:00:00", "2025-06-01 08:00:00")
    engine.dispose()


def test_upgrade_makes_version_1_from_the_forum_rules(db_url):
    _old_database(db_url)
    store = open_store(db_url)
    try:
        assert store.upgraded_from == BEFORE
        with store.engine.connect() as conn:
            assert migrations.schema_differences(conn) == []
            columns = {c["name"] for c in inspect(conn).get_columns("forum")}
        assert not {"quorum_percent", "notice_days"} & columns
        with store.session() as s:
            [terms] = s.scalars(select(TermsOfReference)).all()
            assert (terms.version_no, terms.status, terms.adopted_on) == (
                1, TermsStatus.ADOPTED, dt.date(2025, 3, 2))
            assert (terms.quorum_percent, terms.notice_days) == (65, 10)
            assert "quorum" in terms.change_note
            # The oldest meeting is judged by version 1, not by the program's defaults.
            summary = attendance_summary(s, 1)
            assert (summary.terms_version, summary.quorum_percent) == (1, 65)
            assert in_force.rules_on(s, dt.date(2025, 3, 1)).version_no is None
    finally:
        store.close()


def _downgrade(url: str, revision: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        command.downgrade(migrations.alembic_config(conn), revision)
    engine.dispose()


def test_downgrade_gives_the_forum_the_rules_of_the_version_in_force(db_url):
    _old_database(db_url)
    store = open_store(db_url)
    try:
        def newer_versions(s):
            drafting.draft_version(s, rules={"quorum_percent": 70, "notice_days": 5})
            adopting.adopt_version(s, 2, on=dt.date(2026, 1, 1))
            drafting.draft_version(s, rules={"quorum_percent": 90})  # a draft: not in force
        store.run_transaction(newer_versions)
    finally:
        store.close()
    _downgrade(db_url, BEFORE)
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            assert migrations.current_revision(conn) == BEFORE
            assert conn.execute(text("SELECT quorum_percent, notice_days FROM forum")).all() \
                == [(70, 5)]
            tables = set(inspect(conn).get_table_names())
            assert not {"terms_of_reference", "terms_clause", "terms_seats",
                        "ethics_signature"} & tables
        # And up again: version 1 from the restored values.
        with engine.begin() as conn:
            migrations.upgrade(conn, REVISION)
        with engine.connect() as conn:
            assert conn.execute(text(
                "SELECT version_no, quorum_percent, notice_days FROM terms_of_reference"
            )).all() == [(1, 70, 5)]
    finally:
        engine.dispose()


def test_downgrade_of_a_forum_without_any_adopted_version_keeps_the_defaults(db_url):
    database_at(db_url, "head", forum="論壇")
    _downgrade(db_url, BEFORE)
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT quorum_percent, notice_days FROM forum")).all() \
                == [(50, 14)]
    finally:
        engine.dispose()
