"""Migration 0007: seats get an English label, people an optional gender and region. A
database of 0006 keeps its seats and people, which read "not given"; the downgrade drops
the three columns and keeps the rows."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from secretariat.services.members import people, seats
from secretariat.store import migrations, open_store
from tests.core.db_files import database_at

BEFORE = "0006_decision_numbers"
AFTER = "0007_people_and_seat_details"


def _run(db_url: str, action) -> object:
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            return action(conn)
    finally:
        engine.dispose()


def _columns(db_url: str, table: str) -> set[str]:
    return _run(db_url, lambda conn: {c["name"] for c in inspect(conn).get_columns(table)})


def _rows(db_url: str, sql: str) -> list[tuple]:
    return _run(db_url, lambda conn: [tuple(row) for row in conn.execute(text(sql))])


def _fill_0006(conn) -> None:
    """A seat and two people as version 0006 of the program stored them."""
    stamp = "'2026-01-05 08:00:00', '2026-01-05 08:00:00'"
    sector = conn.execute(text("SELECT id FROM sector WHERE code = 'civil_society'")).scalar()
    forum = conn.execute(text("SELECT id FROM forum")).scalar()
    conn.execute(text(f"INSERT INTO seat (forum_id, label, sector_id, version, created_at, "
                      f"updated_at) VALUES (:forum, '公民社會席次 1', :sector, 1, {stamp})"),
                 {"forum": forum, "sector": sector})
    conn.execute(text(f"INSERT INTO person (name, name_en, job_title, version, created_at, "
                      f"updated_at) VALUES ('林美玲', 'Lin Mei-ling', '理事長', 1, {stamp}), "
                      f"('陳志明', '', '', 1, {stamp})"))


def test_upgrade_keeps_seats_and_people_with_nothing_recorded(db_url):
    database_at(db_url, BEFORE, forum="開放政府論壇")
    _run(db_url, _fill_0006)
    assert "label_en" not in _columns(db_url, "seat")
    store = open_store(db_url)
    try:
        assert store.upgraded_from == BEFORE
        assert store.schema_revision == migrations.head_revision()  # through 0007 and on
        with store.engine.connect() as conn:
            assert migrations.schema_differences(conn) == []
        assert _rows(db_url, "SELECT label, label_en FROM seat") == [("公民社會席次 1", "")]
        assert _rows(db_url, "SELECT name, name_en, gender, region FROM person ORDER BY name") \
            == [("林美玲", "Lin Mei-ling", "", ""), ("陳志明", "", "", "")]
        # The new columns take values like any other (and refuse a gender not known).
        with store.session() as s:
            person_id = s.execute(text("SELECT id FROM person WHERE name = '林美玲'")).scalar()
            seat_id = s.execute(text("SELECT id FROM seat")).scalar()
            people.update_person(s, person_id, gender="female", region="北部")
            seats.update_seat(s, seat_id, label_en="Civil society seat 1")
            s.commit()
    finally:
        store.close()
    assert _rows(db_url, "SELECT gender, region FROM person WHERE name = '林美玲'") == [
        ("female", "北部")]


def test_downgrade_drops_the_columns_and_keeps_the_rows(db_url):
    database_at(db_url, "head", forum="開放政府論壇")
    _run(db_url, _fill_0006)
    _run(db_url, lambda conn: conn.execute(text(
        "UPDATE person SET gender = 'male', region = '花蓮縣' WHERE name = '陳志明'")))
    _run(db_url, lambda conn: command.downgrade(migrations.alembic_config(conn), BEFORE))
    assert not {"gender", "region"} & _columns(db_url, "person")
    assert "label_en" not in _columns(db_url, "seat")
    assert _rows(db_url, "SELECT name FROM person ORDER BY name") == [("林美玲",), ("陳志明",)]
    assert _rows(db_url, "SELECT label FROM seat") == [("公民社會席次 1",)]
    assert _rows(db_url, "SELECT version_num FROM alembic_version") == [(BEFORE,)]
    # Upgraded again, the values dropped read "not recorded".
    open_store(db_url).close()
    assert _rows(db_url, "SELECT gender, region FROM person WHERE name = '陳志明'") == [("", "")]


def test_the_migration_imports_no_program_code():
    script = Path(migrations.__file__).parent / "versions" / f"{AFTER}.py"
    imports = [line for line in script.read_text(encoding="utf-8").splitlines()
               if line.startswith(("import ", "from "))]
    assert imports and all(line.split()[1].split(".")[0] in {"__future__", "alembic",
                                                             "sqlalchemy"}
                           for line in imports), imports
