"""Selection rounds: the call, its candidates, committee and recusals, entropy sources,
assessors' scores and the memberships a decision created (so it can be undone).

Only new tables: nothing existing is touched, so the downgrade drops them and the data
entered in them.

Frozen like every revision: only Alembic, SQLAlchemy and the standard library.

Revision ID: 0010_selection_rounds
Revises: 0009_terms_of_reference
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_selection_rounds"
down_revision = "0009_terms_of_reference"
branch_labels = None
depends_on = None



def _version() -> sa.Column:
    return sa.Column("version", sa.Integer(), nullable=False)


def _enum(*values: str) -> sa.Enum:
    return sa.Enum(*values, native_enum=False, create_constraint=False, length=32)


def upgrade() -> None:
    op.create_table(
        "selection_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("title_en", sa.String(300), nullable=False),
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("constituency", sa.Text(), nullable=False),
        sa.Column("criteria_zh", sa.Text(), nullable=False),
        sa.Column("criteria_en", sa.Text(), nullable=False),
        sa.Column("call_opens", sa.Date(), nullable=True),
        sa.Column("call_closes", sa.Date(), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("method", _enum("rfc3797", "leximin", "stv_scottish", "stv_meek",
                                  "approval", "plurality", "scored"), nullable=False),
        sa.Column("hash_name", sa.String(16), nullable=False),
        sa.Column("status", _enum("draft", "call_open", "closed", "decided", "published"),
                  nullable=False),
        sa.Column("quotas_json", sa.Text(), nullable=False),
        sa.Column("rubric_json", sa.Text(), nullable=False),
        sa.Column("ballots_blt", sa.Text(), nullable=False),
        sa.Column("result_json", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        _version(),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["sector_id"], ["sector.id"],
                                name="fk_selection_round_sector_id_sector"),
        sa.PrimaryKeyConstraint("id", name="pk_selection_round"),
    )
    op.create_index("ix_selection_round_sector_id", "selection_round", ["sector_id"])

    op.create_table(
        "selection_candidate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(300), nullable=False),
        sa.Column("sector_code", sa.String(64), nullable=False),
        sa.Column("features_json", sa.Text(), nullable=False),
        sa.Column("eligible", sa.Boolean(), nullable=True),
        sa.Column("exclusion_reason", sa.Text(), nullable=False),
        sa.Column("selected_rank", sa.Integer(), nullable=True),
        _version(),
        sa.ForeignKeyConstraint(["round_id"], ["selection_round.id"], ondelete="CASCADE",
                                name="fk_selection_candidate_round_id_selection_round"),
        sa.PrimaryKeyConstraint("id", name="pk_selection_candidate"),
        sa.UniqueConstraint("round_id", "position", name="uq_selection_candidate_round_id"),
    )
    op.create_index("ix_selection_candidate_round_id", "selection_candidate", ["round_id"])

    op.create_table(
        "selection_committee_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(300), nullable=False),
        sa.Column("declaration", sa.Text(), nullable=False),
        _version(),
        sa.ForeignKeyConstraint(
            ["round_id"], ["selection_round.id"], ondelete="CASCADE",
            name="fk_selection_committee_member_round_id_selection_round"),
        sa.PrimaryKeyConstraint("id", name="pk_selection_committee_member"),
    )
    op.create_index("ix_selection_committee_member_round_id", "selection_committee_member",
                    ["round_id"])

    op.create_table(
        "selection_recusal",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["selection_committee_member.id"], ondelete="CASCADE",
            name="fk_selection_recusal_member_id_selection_committee_member"),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["selection_candidate.id"], ondelete="CASCADE",
            name="fk_selection_recusal_candidate_id_selection_candidate"),
        sa.PrimaryKeyConstraint("member_id", "candidate_id", name="pk_selection_recusal"),
    )

    op.create_table(
        "selection_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("announced_at", sa.DateTime(), nullable=False),
        _version(),
        sa.ForeignKeyConstraint(["round_id"], ["selection_round.id"], ondelete="CASCADE",
                                name="fk_selection_source_round_id_selection_round"),
        sa.PrimaryKeyConstraint("id", name="pk_selection_source"),
    )
    op.create_index("ix_selection_source_round_id", "selection_source", ["round_id"])

    op.create_table(
        "selection_score",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(200), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["selection_committee_member.id"], ondelete="CASCADE",
            name="fk_selection_score_member_id_selection_committee_member"),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["selection_candidate.id"], ondelete="CASCADE",
            name="fk_selection_score_candidate_id_selection_candidate"),
        sa.PrimaryKeyConstraint("member_id", "candidate_id", "criterion",
                                name="pk_selection_score"),
    )

    op.create_table(
        "selection_appointment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("person_created", sa.Boolean(), nullable=False),
        sa.Column("seat_created", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"], ["selection_round.id"], ondelete="CASCADE",
            name="fk_selection_appointment_round_id_selection_round"),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["selection_candidate.id"],
            name="fk_selection_appointment_candidate_id_selection_candidate"),
        sa.ForeignKeyConstraint(
            ["membership_id"], ["membership.id"],
            name="fk_selection_appointment_membership_id_membership"),
        sa.PrimaryKeyConstraint("id", name="pk_selection_appointment"),
    )
    op.create_index("ix_selection_appointment_round_id", "selection_appointment",
                    ["round_id"])


def downgrade() -> None:
    for table in ("selection_appointment", "selection_score", "selection_source",
                  "selection_recusal", "selection_committee_member", "selection_candidate",
                  "selection_round"):
        op.drop_table(table)
