"""Co-creation records: action-plan cycles with their milestones, the national OGP web
page and its publication log, consultations and contributions with the government"s
responses, commitment proposals, commitments with milestones and progress updates,
outreach, stakeholders" questions and attestations. New tables only; nothing existing
changes, so the downgrade drops them (children first).

Frozen like every revision: only Alembic and SQLAlchemy.

Revision ID: 0011_cocreation
Revises: 0010_selection_rounds
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_cocreation"
down_revision = "0010_selection_rounds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("action_plan_cycle",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("forum_id", sa.Integer(), nullable=False),
    sa.Column("name", sa.String(length=200), nullable=False),
    sa.Column("catalogue", sa.String(length=16), nullable=False),
    sa.Column("development_starts_on", sa.Date(), nullable=False),
    sa.Column("development_ends_on", sa.Date(), nullable=False),
    sa.Column("implementation_starts_on", sa.Date(), nullable=False),
    sa.Column("implementation_ends_on", sa.Date(), nullable=False),
    sa.Column("plan_submitted_on", sa.Date(), nullable=True),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["forum_id"], ["forum.id"], name=op.f("fk_action_plan_cycle_forum_id_forum")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_action_plan_cycle"))
    )
    with op.batch_alter_table("action_plan_cycle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_plan_cycle_forum_id"), ["forum_id"], unique=False)

    op.create_table("ogp_web_page",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("forum_id", sa.Integer(), nullable=False),
    sa.Column("address", sa.String(length=1000), nullable=False),
    sa.Column("contact_point", sa.Text(), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["forum_id"], ["forum.id"], name=op.f("fk_ogp_web_page_forum_id_forum")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_ogp_web_page")),
    sa.UniqueConstraint("forum_id", name=op.f("uq_ogp_web_page_forum_id"))
    )
    op.create_table("attestation",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("cycle_id", sa.Integer(), nullable=False),
    sa.Column("requirement_id", sa.String(length=64), nullable=False),
    sa.Column("is_met", sa.Boolean(), nullable=False),
    sa.Column("statement", sa.Text(), nullable=False),
    sa.Column("attested_by", sa.String(length=300), nullable=False),
    sa.Column("attested_on", sa.Date(), nullable=False),
    sa.Column("evidence_document_id", sa.Integer(), nullable=True),
    sa.Column("evidence_link", sa.String(length=1000), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["cycle_id"], ["action_plan_cycle.id"], name=op.f("fk_attestation_cycle_id_action_plan_cycle"), ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["evidence_document_id"], ["document.id"], name=op.f("fk_attestation_evidence_document_id_document")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_attestation"))
    )
    with op.batch_alter_table("attestation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attestation_cycle_id"), ["cycle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attestation_requirement_id"), ["requirement_id"], unique=False)

    op.create_table("commitment",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("cycle_id", sa.Integer(), nullable=False),
    sa.Column("title", sa.String(length=500), nullable=False),
    sa.Column("lead_agency", sa.String(length=300), nullable=False),
    sa.Column("working_group", sa.String(length=300), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["cycle_id"], ["action_plan_cycle.id"], name=op.f("fk_commitment_cycle_id_action_plan_cycle"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment"))
    )
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commitment_cycle_id"), ["cycle_id"], unique=False)

    op.create_table("consultation",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("cycle_id", sa.Integer(), nullable=False),
    sa.Column("subject", sa.String(length=32), nullable=False),
    sa.Column("title", sa.String(length=500), nullable=False),
    sa.Column("opens_on", sa.Date(), nullable=False),
    sa.Column("closes_on", sa.Date(), nullable=False),
    sa.Column("channels", sa.String(length=200), nullable=False),
    sa.Column("materials", sa.Text(), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["cycle_id"], ["action_plan_cycle.id"], name=op.f("fk_consultation_cycle_id_action_plan_cycle"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation"))
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_cycle_id"), ["cycle_id"], unique=False)

    op.create_table("cycle_milestone",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("cycle_id", sa.Integer(), nullable=False),
    sa.Column("title", sa.String(length=500), nullable=False),
    sa.Column("due_on", sa.Date(), nullable=False),
    sa.Column("done_on", sa.Date(), nullable=True),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["cycle_id"], ["action_plan_cycle.id"], name=op.f("fk_cycle_milestone_cycle_id_action_plan_cycle"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_cycle_milestone"))
    )
    with op.batch_alter_table("cycle_milestone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cycle_milestone_cycle_id"), ["cycle_id"], unique=False)

    op.create_table("outreach_activity",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("cycle_id", sa.Integer(), nullable=False),
    sa.Column("held_on", sa.Date(), nullable=False),
    sa.Column("kind", sa.String(length=32), nullable=False),
    sa.Column("channel", sa.String(length=32), nullable=False),
    sa.Column("audience", sa.String(length=300), nullable=False),
    sa.Column("description", sa.Text(), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["cycle_id"], ["action_plan_cycle.id"], name=op.f("fk_outreach_activity_cycle_id_action_plan_cycle"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_activity"))
    )
    with op.batch_alter_table("outreach_activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outreach_activity_cycle_id"), ["cycle_id"], unique=False)

    op.create_table("publication_entry",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("forum_id", sa.Integer(), nullable=False),
    sa.Column("cycle_id", sa.Integer(), nullable=True),
    sa.Column("subject", sa.String(length=32), nullable=False),
    sa.Column("published_on", sa.Date(), nullable=False),
    sa.Column("title", sa.String(length=500), nullable=False),
    sa.Column("address", sa.String(length=1000), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["cycle_id"], ["action_plan_cycle.id"], name=op.f("fk_publication_entry_cycle_id_action_plan_cycle"), ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["forum_id"], ["forum.id"], name=op.f("fk_publication_entry_forum_id_forum")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_publication_entry"))
    )
    with op.batch_alter_table("publication_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_publication_entry_cycle_id"), ["cycle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_publication_entry_forum_id"), ["forum_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_publication_entry_published_on"), ["published_on"], unique=False)

    op.create_table("stakeholder_question",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("cycle_id", sa.Integer(), nullable=False),
    sa.Column("asked_on", sa.Date(), nullable=False),
    sa.Column("asked_by", sa.String(length=300), nullable=False),
    sa.Column("question", sa.Text(), nullable=False),
    sa.Column("answer", sa.Text(), nullable=False),
    sa.Column("answered_on", sa.Date(), nullable=True),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["cycle_id"], ["action_plan_cycle.id"], name=op.f("fk_stakeholder_question_cycle_id_action_plan_cycle"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_stakeholder_question"))
    )
    with op.batch_alter_table("stakeholder_question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stakeholder_question_cycle_id"), ["cycle_id"], unique=False)

    op.create_table("commitment_milestone",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("commitment_id", sa.Integer(), nullable=False),
    sa.Column("title", sa.String(length=500), nullable=False),
    sa.Column("due_on", sa.Date(), nullable=False),
    sa.Column("completed_on", sa.Date(), nullable=True),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["commitment_id"], ["commitment.id"], name=op.f("fk_commitment_milestone_commitment_id_commitment"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_milestone"))
    )
    with op.batch_alter_table("commitment_milestone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commitment_milestone_commitment_id"), ["commitment_id"], unique=False)

    op.create_table("commitment_proposal",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("cycle_id", sa.Integer(), nullable=False),
    sa.Column("title", sa.String(length=500), nullable=False),
    sa.Column("proposed_by", sa.String(length=300), nullable=False),
    sa.Column("submitted_on", sa.Date(), nullable=False),
    sa.Column("assessment", sa.Text(), nullable=False),
    sa.Column("outcome", sa.String(length=32), nullable=False),
    sa.Column("reason", sa.Text(), nullable=False),
    sa.Column("decided_on", sa.Date(), nullable=True),
    sa.Column("commitment_id", sa.Integer(), nullable=True),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["commitment_id"], ["commitment.id"], name=op.f("fk_commitment_proposal_commitment_id_commitment"), ondelete="SET NULL"),
    sa.ForeignKeyConstraint(["cycle_id"], ["action_plan_cycle.id"], name=op.f("fk_commitment_proposal_cycle_id_action_plan_cycle"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_proposal"))
    )
    with op.batch_alter_table("commitment_proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commitment_proposal_commitment_id"), ["commitment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_commitment_proposal_cycle_id"), ["cycle_id"], unique=False)

    op.create_table("contribution",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("cycle_id", sa.Integer(), nullable=False),
    sa.Column("consultation_id", sa.Integer(), nullable=True),
    sa.Column("stakeholder_kind", sa.String(length=32), nullable=False),
    sa.Column("contributor", sa.String(length=300), nullable=False),
    sa.Column("region", sa.String(length=200), nullable=False),
    sa.Column("channel", sa.String(length=32), nullable=False),
    sa.Column("received_on", sa.Date(), nullable=False),
    sa.Column("topic", sa.String(length=300), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("response", sa.Text(), nullable=False),
    sa.Column("responded_on", sa.Date(), nullable=True),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["consultation_id"], ["consultation.id"], name=op.f("fk_contribution_consultation_id_consultation"), ondelete="SET NULL"),
    sa.ForeignKeyConstraint(["cycle_id"], ["action_plan_cycle.id"], name=op.f("fk_contribution_cycle_id_action_plan_cycle"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution"))
    )
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contribution_consultation_id"), ["consultation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contribution_cycle_id"), ["cycle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contribution_received_on"), ["received_on"], unique=False)

    op.create_table("progress_update",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("commitment_id", sa.Integer(), nullable=False),
    sa.Column("reported_on", sa.Date(), nullable=False),
    sa.Column("completion", sa.String(length=32), nullable=False),
    sa.Column("delayed", sa.Boolean(), nullable=False),
    sa.Column("delay_reason", sa.Text(), nullable=False),
    sa.Column("next_steps", sa.Text(), nullable=False),
    sa.Column("published_on", sa.Date(), nullable=True),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["commitment_id"], ["commitment.id"], name=op.f("fk_progress_update_commitment_id_commitment"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_update"))
    )
    with op.batch_alter_table("progress_update", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_progress_update_commitment_id"), ["commitment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_progress_update_reported_on"), ["reported_on"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("progress_update", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_update_reported_on"))
        batch_op.drop_index(batch_op.f("ix_progress_update_commitment_id"))

    op.drop_table("progress_update")
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contribution_received_on"))
        batch_op.drop_index(batch_op.f("ix_contribution_cycle_id"))
        batch_op.drop_index(batch_op.f("ix_contribution_consultation_id"))

    op.drop_table("contribution")
    with op.batch_alter_table("commitment_proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitment_proposal_cycle_id"))
        batch_op.drop_index(batch_op.f("ix_commitment_proposal_commitment_id"))

    op.drop_table("commitment_proposal")
    with op.batch_alter_table("commitment_milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitment_milestone_commitment_id"))

    op.drop_table("commitment_milestone")
    with op.batch_alter_table("stakeholder_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_question_cycle_id"))

    op.drop_table("stakeholder_question")
    with op.batch_alter_table("publication_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publication_entry_published_on"))
        batch_op.drop_index(batch_op.f("ix_publication_entry_forum_id"))
        batch_op.drop_index(batch_op.f("ix_publication_entry_cycle_id"))

    op.drop_table("publication_entry")
    with op.batch_alter_table("outreach_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outreach_activity_cycle_id"))

    op.drop_table("outreach_activity")
    with op.batch_alter_table("cycle_milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cycle_milestone_cycle_id"))

    op.drop_table("cycle_milestone")
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_cycle_id"))

    op.drop_table("consultation")
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitment_cycle_id"))

    op.drop_table("commitment")
    with op.batch_alter_table("attestation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attestation_requirement_id"))
        batch_op.drop_index(batch_op.f("ix_attestation_cycle_id"))

    op.drop_table("attestation")
    op.drop_table("ogp_web_page")
    with op.batch_alter_table("action_plan_cycle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_plan_cycle_forum_id"))

    op.drop_table("action_plan_cycle")
