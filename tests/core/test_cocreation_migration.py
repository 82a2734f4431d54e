"""Migration 0011 (co-creation records): a database at 0010 with a forum in it is
upgraded keeping its data and matching the models; a cycle can then be recorded; the
downgrade drops the new tables and leaves the rest."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.pool import NullPool

from secretariat.model import ActionPlanCycle, Forum
from secretariat.store import migrations, open_store
from tests.core.db_files import database_at

BEFORE = "0010_selection_rounds"
REVISION = "0011_cocreation"
NEW_TABLES = {
    "action_plan_cycle", "cycle_milestone", "ogp_web_page", "publication_entry",
    "consultation", "contribution", "commitment_proposal", "commitment",
    "commitment_milestone", "progress_update", "outreach_activity",
    "stakeholder_question", "attestation",
}


def test_revision_follows_0010():
    script = migrations.script_directory().get_revision(REVISION)
    assert script.down_revision == BEFORE


def test_upgrade_from_0010_keeps_data_and_matches_models(db_url):
    database_at(db_url, BEFORE, forum="開放政府論壇", people=2)
    store = open_store(db_url)
    try:
        assert store.upgraded_from == BEFORE
        with store.engine.connect() as conn:
            assert NEW_TABLES <= set(inspect(conn).get_table_names())
            assert migrations.schema_differences(conn) == []
        with store.session() as s:
            forum = s.scalars(select(Forum)).one()
            assert forum.name_zh_tw == "開放政府論壇"
            s.add(ActionPlanCycle(
                forum_id=forum.id, name="2025–2027", catalogue="seed",
                development_starts_on=dt.date(2025, 1, 1),
                development_ends_on=dt.date(2025, 8, 31),
                implementation_starts_on=dt.date(2025, 9, 1),
                implementation_ends_on=dt.date(2027, 8, 31)))
            s.commit()
    finally:
        store.close()


def test_downgrade_to_0010_drops_only_the_new_tables(db_url):
    database_at(db_url, "head", forum="論壇", people=1)
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            command.downgrade(migrations.alembic_config(conn), BEFORE)
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            assert not NEW_TABLES & tables
            assert {"forum", "person", "meeting", "decision"} <= tables
            assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 1
            assert migrations.current_revision(conn) == BEFORE
        with engine.begin() as conn:  # and up again
            migrations.upgrade(conn)
            assert migrations.schema_differences(conn) == []
    finally:
        engine.dispose()
