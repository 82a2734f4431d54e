"""Old migrations are frozen history: 0001–0004 produce exactly what they did when
0003/0004 stopped importing live search code (``tests/core/data/frozen_migrations.json``,
captured by ``tests/core/migration_snapshots.py`` before that change)."""

from __future__ import annotations

import json

import pytest

from tests.core import migration_snapshots as snapshots


@pytest.fixture(scope="module")
def frozen():
    return snapshots.load()


@pytest.mark.parametrize("dialect", sorted(snapshots.OFFLINE_URLS))
def test_offline_sql_of_the_old_migrations_is_unchanged(frozen, dialect):
    assert snapshots.offline_sql(dialect) == frozen["offline"][dialect]


def test_fresh_database_schema_at_each_old_revision_is_unchanged(frozen, db_url):
    stages = json.loads(json.dumps(snapshots.schema_stages(db_url)))
    dialect = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    assert stages == frozen[dialect]
