"""Migration 0008_interests: a database of the previous revision, with data, gains the
conflict-of-interest tables and keeps its records; the downgrade takes exactly those
tables away again. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.pool import NullPool

from secretariat.model import InterestDeclaration, Person
from secretariat.services.interests.declare import declare_interests
from secretariat.store import migrations, open_store
from tests.core.db_files import database_at

REVISION = "0008_interests"
PREVIOUS = "0007_people_and_seat_details"
TABLES = {"interest_declaration", "interest_item", "meeting_interest", "interest_breach"}


def _tables(url: str) -> set[str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_adds_the_tables_and_keeps_the_data_then_downgrade_removes_them(db_url):
    database_at(db_url, PREVIOUS, forum="開放政府論壇", people=3)
    assert not TABLES & _tables(db_url)
    store = open_store(db_url)
    try:
        assert store.upgraded_from == PREVIOUS
        assert REVISION in migrations.known_revisions()
        with store.engine.connect() as conn:
            assert migrations.schema_differences(conn) == []
        with store.session() as s:
            assert s.query(Person).count() == 3
            person_id = s.scalars(select(Person.id)).first()
            declare_interests(s, person_id=person_id, declared_on=dt.date(2026, 1, 5))
            s.commit()
            assert s.query(InterestDeclaration).count() == 1
    finally:
        store.close()
    assert TABLES <= _tables(db_url)

    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            command.downgrade(migrations.alembic_config(conn), PREVIOUS)
        with engine.connect() as conn:
            assert migrations.current_revision(conn) == PREVIOUS
    finally:
        engine.dispose()
    remaining = _tables(db_url)
    assert not TABLES & remaining
    assert {"person", "decision", "meeting"} <= remaining
