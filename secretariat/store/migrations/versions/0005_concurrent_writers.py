"""Concurrent writers: unique agenda positions and guest attendees, versioned minutes
entries.

* ``uq_agenda_item_position``: one item per (meeting, position). Agendas that two
  workstations extended at the same moment may already share positions: each such
  meeting's items are first renumbered 1..n in their shown order (position, then
  number), so nothing is lost and the agenda reads as it did.
* ``uq_attendance_guest``: a guest known only by name attends a meeting once (people on
  record were unique already). Duplicate guest rows, identical but for their number, are
  merged into the first.
* ``minutes_entry.version``: optimistic locking for one entry's text (existing entries
  start at 1).

Frozen like every revision: only Alembic and SQLAlchemy, no program code, so it means
the same thing whatever later versions of the models say.

Revision ID: 0005_concurrent_writers
Revises: 0004_pg_search_doc
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_concurrent_writers"
down_revision = "0004_pg_search_doc"
branch_labels = None
depends_on = None

_GUESTS = sa.text("person_id IS NULL")


def _renumber_shared_positions(bind) -> None:
    rows = bind.execute(sa.text(
        "SELECT id, meeting_id, position FROM agenda_item "
        "WHERE meeting_id IN (SELECT meeting_id FROM agenda_item "
        "GROUP BY meeting_id, position HAVING count(*) > 1) "
        "ORDER BY meeting_id, position, id")).all()
    place: dict[int, int] = {}
    for item_id, meeting_id, position in rows:
        place[meeting_id] = place.get(meeting_id, 0) + 1
        if position != place[meeting_id]:
            # A new version: a form opened on the old position sees the change.
            bind.execute(sa.text("UPDATE agenda_item SET position = :position, "
                                 "version = version + 1 WHERE id = :id"),
                         {"position": place[meeting_id], "id": item_id})


def _merge_duplicate_guests(bind) -> None:
    bind.execute(sa.text(
        "DELETE FROM attendance WHERE person_id IS NULL AND id NOT IN ("
        "SELECT min(id) FROM attendance WHERE person_id IS NULL "
        "GROUP BY meeting_id, guest_name)"))


def upgrade() -> None:
    bind = op.get_bind()
    _renumber_shared_positions(bind)
    _merge_duplicate_guests(bind)
    op.create_index("uq_agenda_item_position", "agenda_item", ["meeting_id", "position"],
                    unique=True)
    op.create_index("uq_attendance_guest", "attendance", ["meeting_id", "guest_name"],
                    unique=True, sqlite_where=_GUESTS, postgresql_where=_GUESTS)
    op.add_column("minutes_entry", sa.Column("version", sa.Integer(), nullable=False,
                                             server_default="1"))


def downgrade() -> None:
    # Not a batch rebuild: that would drop the search triggers on minutes_entry (SQLite
    # drops a column in place since 3.35).
    op.execute("ALTER TABLE minutes_entry DROP COLUMN version")
    op.drop_index("uq_attendance_guest", table_name="attendance")
    op.drop_index("uq_agenda_item_position", table_name="agenda_item")
