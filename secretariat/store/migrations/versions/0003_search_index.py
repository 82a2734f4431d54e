"""Full-text search: SQLite FTS5 (trigram) index kept by triggers; PostgreSQL pg_trgm
GIN indexes on the folded text of agenda items, minutes, decisions and documents.

The SQL lives in ``secretariat.services.search.index`` because the query code must fold
text exactly as the index does. A later change to that SQL therefore needs a new
revision that drops the index and installs the new one; this revision means "the search
index exists and holds every record present when it ran".

Revision ID: 0003_search_index
Revises: 0002_minutes_decisions
"""

from __future__ import annotations

from alembic import op

from secretariat.services.search.index import drop_statements, install_statements

revision = "0003_search_index"
down_revision = "0002_minutes_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Statements through op.execute (not the bind) so ``--sql`` offline output works too.
    # On a database being upgraded this also indexes the records already there.
    for statement in install_statements(op.get_context().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(op.get_context().dialect.name):
        op.execute(statement)
