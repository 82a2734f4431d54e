"""Conflicts of interest: declarations of interests and their items (public or private),
interests declared on agenda items at meetings, and the breaches and sanctions log.

Only new tables; nothing existing changes, so the downgrade drops them (and what they
hold). Frozen like every revision: only Alembic, SQLAlchemy and the standard library.

Revision ID: 0008_interests
Revises: 0007_people_and_seat_details
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_interests"
down_revision = "0007_people_and_seat_details"
branch_labels = None
depends_on = None


def _enum() -> sa.String:
    return sa.String(32)


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _fk(table: str, column: str, target: str, **kw) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                   name=f"fk_{table}_{column}_{target}", **kw)


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    op.create_table(
        "interest_declaration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("declared_on", sa.Date(), nullable=False),
        sa.Column("occasion", _enum(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
        _fk("interest_declaration", "person_id", "person"),
        sa.PrimaryKeyConstraint("id", name="pk_interest_declaration"),
        sa.UniqueConstraint("person_id", "declared_on",
                            name="uq_interest_declaration_person_id"),
    )
    _indexes("interest_declaration", "person_id", "declared_on")
    op.create_table(
        "interest_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("organisation_name", sa.String(300), nullable=False),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("interest_item", "declaration_id", "interest_declaration", ondelete="CASCADE"),
        _fk("interest_item", "organisation_id", "organisation"),
        sa.PrimaryKeyConstraint("id", name="pk_interest_item"),
    )
    _indexes("interest_item", "declaration_id", "organisation_id")
    op.create_table(
        "meeting_interest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("nature", sa.Text(), nullable=False),
        sa.Column("action", _enum(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
        _fk("meeting_interest", "meeting_id", "meeting", ondelete="CASCADE"),
        _fk("meeting_interest", "agenda_item_id", "agenda_item", ondelete="CASCADE"),
        _fk("meeting_interest", "person_id", "person"),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_interest"),
        sa.UniqueConstraint("agenda_item_id", "person_id",
                            name="uq_meeting_interest_agenda_item_id"),
    )
    _indexes("meeting_interest", "meeting_id", "agenda_item_id", "person_id")
    op.create_table(
        "interest_breach",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sanction", sa.Text(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
        _fk("interest_breach", "person_id", "person"),
        _fk("interest_breach", "decision_id", "decision"),
        sa.PrimaryKeyConstraint("id", name="pk_interest_breach"),
    )
    _indexes("interest_breach", "occurred_on", "person_id")


def downgrade() -> None:
    for table in ("interest_breach", "meeting_interest", "interest_item",
                  "interest_declaration"):
        op.drop_table(table)
