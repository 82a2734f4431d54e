"""PostgreSQL search: a folded copy of the searchable text with one trigram index,
replacing 0003's trigram indexes on folded expressions of each source table.

Folding every row at query time made searches about nine times slower than a plain
``LIKE`` on text folded once, when written (see ``secretariat.services.search.index``).
On a database being upgraded the copy is filled from the records already there. SQLite
already keeps such a copy since 0003: nothing to do there.

Revision ID: 0004_pg_search_doc
Revises: 0003_search_index
"""

from __future__ import annotations

from alembic import op

from secretariat.services.search.index import (
    SOURCES,
    drop_statements,
    fold_sql,
    install_statements,
)
from secretariat.services.search.index_pg import LEGACY_PG_INDEXES

revision = "0004_pg_search_doc"
down_revision = "0003_search_index"
branch_labels = None
depends_on = None


def _postgresql() -> bool:
    return op.get_context().dialect.name == "postgresql"


def upgrade() -> None:
    if not _postgresql():
        return
    # A database created by this program version already has the copy (0003 installs
    # the current index); the statements are idempotent either way.
    for name in LEGACY_PG_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for statement in install_statements("postgresql"):
        op.execute(statement)


def downgrade() -> None:
    if not _postgresql():
        return
    for statement in drop_statements("postgresql"):
        op.execute(statement)
    # Back to the expression indexes 0003 installed before this revision existed (0003
    # itself now installs the current index, so it cannot rebuild them).
    for src, name in zip(SOURCES, LEGACY_PG_INDEXES):
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {src.name} "
                   f"USING gin (({fold_sql(src, '', 'postgresql')}) gin_trgm_ops)")
