"""What the migrations up to 0004 produce, captured so a later change to them shows.

Migrations are frozen history: ``0003_search_index`` and ``0004_pg_search_doc`` once
built their SQL from live search code, so a change to search silently changed them.
``tests/core/data/frozen_migrations.json`` holds, as of the commit that froze them:

- ``offline``: the SQL each back end's migrations emit offline (``--sql``) from base to
  0004 and back down to base, statement for statement;
- ``sqlite`` / ``postgresql``: the schema a fresh database has at 0004, at 0003 after a
  downgrade from 0004, and at 0002 after a downgrade from 0003 (``sqlite_master``; the
  PostgreSQL catalog: tables and columns, indexes, triggers, functions, extensions).

Re-capture (only if a *new* migration is wrong, never to make an old one pass):

    python -m tests.core.migration_snapshots sqlite:///tmp/x.db postgresql+psycopg://…/db
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from secretariat.store import migrations

DATA = Path(__file__).resolve().parent / "data" / "frozen_migrations.json"
TOP = "0004_pg_search_doc"
STAGES = (("0004", "upgrade", TOP), ("0003", "downgrade", "0003_search_index"),
          ("0002", "downgrade", "0002_minutes_decisions"))
OFFLINE_URLS = {"sqlite": "sqlite:///offline.db", "postgresql": "postgresql+psycopg://u@h/db"}


def offline_sql(dialect: str) -> dict[str, str]:
    """The SQL the migrations print offline, base -> 0004 and 0004 -> base."""
    out = {}
    for name, action, target in (("upgrade", command.upgrade, f"base:{TOP}"),
                                 ("downgrade", command.downgrade, f"{TOP}:base")):
        buffer = io.StringIO()
        cfg = migrations.alembic_config()
        cfg.attributes["connection"] = None
        cfg.output_buffer = buffer
        cfg.cmd_opts = argparse.Namespace(x=[f"db={OFFLINE_URLS[dialect]}"])
        action(cfg, target, sql=True)
        out[name] = buffer.getvalue()
    return out


def _sqlite_schema(conn) -> list[list]:
    rows = conn.execute(text("SELECT type, name, tbl_name, sql FROM sqlite_master "
                             "ORDER BY type, name")).all()
    return [list(row) for row in rows]


_PG_QUERIES = {
    "columns": """SELECT table_name, column_name, data_type, is_nullable, column_default,
                         is_identity, identity_generation
                  FROM information_schema.columns WHERE table_schema = current_schema()
                  ORDER BY table_name, ordinal_position""",
    "tables": """SELECT c.relname, c.relkind::text, coalesce(array_to_string(c.reloptions, ','), '')
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'S')
                 ORDER BY c.relname""",
    "constraints": """SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                      FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
                      -- PostgreSQL 18 also lists NOT NULL here (contype 'n'); the
                      -- columns' nullability is compared already, on every version.
                      AND contype <> 'n'
                      ORDER BY 1, 2""",
    "indexes": """SELECT tablename, indexname, indexdef FROM pg_indexes
                  WHERE schemaname = current_schema() ORDER BY tablename, indexname""",
    "triggers": """SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid)
                   FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2""",
    "functions": """SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = current_schema() AND NOT EXISTS (
                        SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
                    ORDER BY p.proname""",
    "extensions": "SELECT extname FROM pg_extension ORDER BY extname",
}


def _pg_schema(conn) -> dict[str, list[list]]:
    return {name: [list(row) for row in conn.execute(text(sql)).all()]
            for name, sql in _PG_QUERIES.items()}


def schema_stages(url: str) -> dict[str, object]:
    """The schema of a fresh database at each stage of ``STAGES``, migrated in turn."""
    engine = create_engine(url, poolclass=NullPool)
    stages = {}
    try:
        for stage, action, target in STAGES:
            with engine.begin() as conn:
                if action == "upgrade":
                    migrations.upgrade(conn, target)
                else:
                    command.downgrade(migrations.alembic_config(conn), target)
            with engine.connect() as conn:
                read = _sqlite_schema if conn.dialect.name == "sqlite" else _pg_schema
                stages[stage] = read(conn)
    finally:
        engine.dispose()
    return stages


def load() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def capture(sqlite_url: str, pg_url: str) -> dict:
    return {
        "offline": {dialect: offline_sql(dialect) for dialect in OFFLINE_URLS},
        "sqlite": schema_stages(sqlite_url),
        "postgresql": schema_stages(pg_url),
    }


def main(argv: list[str]) -> int:
    sqlite_url, pg_url = argv
    data = capture(sqlite_url, pg_url)
    DATA.parent.mkdir(parents=True, exist_ok=True)
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
