"""Migration 0010_selection_rounds: from 0009 with data, up to the round tables and back
down, on SQLite and PostgreSQL; the data of the earlier tables survives both ways."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from secretariat.store import migrations
from tests.core.db_files import database_at

BEFORE = "0009_terms_of_reference"
REVISION = "0010_selection_rounds"
TABLES = {"selection_round", "selection_candidate", "selection_committee_member",
          "selection_recusal", "selection_source", "selection_score", "selection_appointment"}


def _tables(conn) -> set[str]:
    return set(inspect(conn).get_table_names())


def test_upgrade_from_0009_with_data_and_downgrade(db_url):
    database_at(db_url, BEFORE, forum="開放政府論壇", people=3)
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, REVISION)
            assert TABLES <= _tables(conn)
            sector = conn.execute(text("SELECT id FROM sector WHERE code = 'civil_society'")).scalar()
            now = dt.datetime(2026, 12, 1, 8, 0)
            conn.execute(text(
                "INSERT INTO selection_round (title, title_en, sector_id, seats, term_start, "
                "constituency, criteria_zh, criteria_en, method, hash_name, status, quotas_json, "
                "rubric_json, ballots_blt, result_json, version, created_at, updated_at) VALUES "
                "('公民社會席次', '', :sector, 2, :start, '', '', '', 'leximin', 'md5', 'draft', "
                "'[]', '[]', '', '', 1, :now, :now)"),
                {"sector": sector, "start": dt.date(2027, 1, 1), "now": now})
            round_id = conn.execute(text("SELECT id FROM selection_round")).scalar()
            conn.execute(text(
                "INSERT INTO selection_candidate (round_id, position, name, name_en, organisation, "
                "sector_code, features_json, exclusion_reason, version) VALUES "
                "(:r, 1, '王小明', '', '', '', '{}', '', 1)"), {"r": round_id})
            migrations.upgrade(conn, "head")  # and on through any later revision
            assert migrations.schema_differences(conn) == []  # the models describe it
        with engine.begin() as conn:
            command.downgrade(migrations.alembic_config(conn), BEFORE)
            assert not TABLES & _tables(conn)
            assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 3
            assert conn.execute(text("SELECT name_zh_tw FROM forum")).scalar() == "開放政府論壇"
        with engine.begin() as conn:  # and up again: the revision can be re-applied
            migrations.upgrade(conn, REVISION)
            assert conn.execute(text("SELECT count(*) FROM selection_round")).scalar() == 0
    finally:
        engine.dispose()
