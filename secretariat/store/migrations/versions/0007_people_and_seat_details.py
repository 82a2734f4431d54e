"""People and seat details: a seat's English label, a person's gender and region.

* ``seat.label_en``: the seat's label in English beside its Chinese ``label``;
* ``person.gender``: '' (not recorded), 'female', 'male' or 'other' — optional;
* ``person.region``: free text (北部, 花蓮縣…) — optional.

All three are NOT NULL with the empty text as their default, so existing rows read
"not given" and nothing else changes. The downgrade drops them again (their values are
lost: earlier versions of the program have nowhere to keep them).

Not a batch rebuild either way: SQLite adds and (since 3.35) drops a column in place,
and rebuilding ``person`` or ``seat`` would only copy every row for nothing.

Frozen like every revision: only Alembic, SQLAlchemy and the standard library.

Revision ID: 0007_people_and_seat_details
Revises: 0006_decision_numbers
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_people_and_seat_details"
down_revision = "0006_decision_numbers"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("seat", "label_en", 200),
    ("person", "gender", 32),
    ("person", "region", 100),
)


def upgrade() -> None:
    for table, column, length in _COLUMNS:
        op.add_column(table, sa.Column(column, sa.String(length), nullable=False,
                                       server_default=""))


def downgrade() -> None:
    for table, column, _length in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
