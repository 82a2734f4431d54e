"""Minutes (versioned), the decision log with votes, recusals and dissents, action items
and the hash-chained audit log.

Written by hand from an autogenerate draft; frozen like 0001. ``decision`` is created
before ``minutes`` so the approving-decision foreign key can be declared inline: the ORM
marks it ``use_alter`` only to break the cycle for ``create_all``, and SQLite cannot add
a foreign key to an existing table without rebuilding it.

Revision ID: 0002_minutes_decisions
Revises: 0001_members_meetings
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_minutes_decisions"
down_revision = "0001_members_meetings"
branch_labels = None
depends_on = None


def _enum() -> sa.String:
    return sa.String(32)


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def _decision_child(table: str, *columns: sa.Column, person_required: bool) -> None:
    """vote, recusal and dissent: rows that belong to one decision and name a person."""
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=not person_required),
        *columns,
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=f"fk_{table}_decision_id_decision",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=f"fk_{table}_person_id_person"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    )


def upgrade() -> None:
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("method", _enum(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("votes_abstain", sa.Integer(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"], ["agenda_item.id"], name="fk_decision_agenda_item_id_agenda_item"
        ),
        sa.ForeignKeyConstraint(["forum_id"], ["forum.id"], name="fk_decision_forum_id_forum"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_decision_meeting_id_meeting"),
        sa.PrimaryKeyConstraint("id", name="pk_decision"),
        sa.UniqueConstraint("forum_id", "number", name="uq_decision_forum_id"),
    )
    _indexes("decision", "agenda_item_id", "decided_at", "forum_id", "meeting_id")
    _decision_child(
        "vote",
        sa.Column("choice", _enum(), nullable=False),
        sa.UniqueConstraint("decision_id", "person_id", name="uq_vote_decision_id"),
        person_required=True,
    )
    _decision_child(
        "recusal",
        sa.Column("reason", sa.Text(), nullable=False),
        sa.UniqueConstraint("decision_id", "person_id", name="uq_recusal_decision_id"),
        person_required=True,
    )
    _decision_child(
        "dissent", sa.Column("statement", sa.Text(), nullable=False), person_required=False
    )
    op.create_table(
        "minutes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("circulated_at", sa.DateTime(), nullable=True),
        sa.Column("circulated_to", sa.Text(), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("approved_by_decision_id", sa.Integer(), nullable=True),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("correction_reason", sa.Text(), nullable=False),
        sa.Column("general_text", sa.Text(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["approved_by_decision_id"], ["decision.id"],
            name="fk_minutes_approved_by_decision_id_decision",
        ),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_minutes_meeting_id_meeting"),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["minutes.id"], name="fk_minutes_supersedes_id_minutes"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_minutes"),
        sa.UniqueConstraint("meeting_id", "version_no", name="uq_minutes_meeting_id"),
    )
    _indexes("minutes", "meeting_id")
    op.create_table(
        "minutes_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("minutes_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"], ["agenda_item.id"],
            name="fk_minutes_entry_agenda_item_id_agenda_item",
        ),
        sa.ForeignKeyConstraint(
            ["minutes_id"], ["minutes.id"], name="fk_minutes_entry_minutes_id_minutes",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_minutes_entry"),
        sa.UniqueConstraint("minutes_id", "agenda_item_id", name="uq_minutes_entry_minutes_id"),
    )
    _indexes("minutes_entry", "agenda_item_id", "minutes_id")
    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_person_id", sa.Integer(), nullable=True),
        sa.Column("owner_text", sa.String(300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"], ["agenda_item.id"], name="fk_action_item_agenda_item_id_agenda_item"
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name="fk_action_item_decision_id_decision"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_action_item_meeting_id_meeting"
        ),
        sa.ForeignKeyConstraint(
            ["owner_person_id"], ["person.id"], name="fk_action_item_owner_person_id_person"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_action_item"),
    )
    _indexes("action_item", "due_on", "meeting_id")
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_entry"),
        sa.UniqueConstraint("entry_hash", name="uq_audit_entry_entry_hash"),
    )
    _indexes("audit_entry", "record_id", "record_type")


def downgrade() -> None:
    for table in (
        "audit_entry", "action_item", "minutes_entry", "minutes", "dissent", "recusal",
        "vote", "decision",
    ):
        op.drop_table(table)
