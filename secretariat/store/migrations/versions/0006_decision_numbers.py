"""Decision numbers that cannot be taken for dates: ``2026-03-02`` becomes ``2026-S03-R02``.

The number's year, meeting ordinal (``S``, the session) and decision ordinal (``R``, the
resolution) keep their digits, so numbers stay unique per forum and sort as before. The
downgrade writes the earlier spelling back. Only numbers of the expected shape are
touched; anything else (none is known) is left as it is.

The search index does not hold decision numbers, so it needs nothing. The audit chain is
not rewritten: entries written before this revision hashed the earlier spelling, and the
program verifies them against it (``services.audit.content.load_decisions_0005``).

Frozen like every revision: only Alembic, SQLAlchemy and the standard library.

Revision ID: 0006_decision_numbers
Revises: 0005_concurrent_writers
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0006_decision_numbers"
down_revision = "0005_concurrent_writers"
branch_labels = None
depends_on = None

_OLD = re.compile(r"^(\d{4})-(\d+)-(\d+)$")
_NEW = re.compile(r"^(\d{4})-S(\d+)-R(\d+)$")


def _respell(pattern: re.Pattern, spelling: str) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, number FROM decision ORDER BY id")).all()
    changes = [{"id": row.id, "number": spelling.format(*match.groups())}
               for row in rows if (match := pattern.match(row.number or ""))]
    if changes:
        # Each new spelling differs from every old one, so no update can collide with
        # a number not yet rewritten, and the unique index holds throughout.
        bind.execute(sa.text("UPDATE decision SET number = :number WHERE id = :id"), changes)


def upgrade() -> None:
    _respell(_OLD, "{}-S{}-R{}")


def downgrade() -> None:
    _respell(_NEW, "{}-{}-{}")
