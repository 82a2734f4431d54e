"""Forum, sectors (standard ones seeded), people, seats and memberships, meetings,
agendas, attendance and the document repository.

Written by hand from an autogenerate draft. Everything here is frozen: column types are
spelled out (enums are plain VARCHAR(32) holding the value, as ``model.base.str_enum``
maps them) and the standard sectors are a copy, so later changes to the application code
never change what this migration does.

Revision ID: 0001_members_meetings
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_members_meetings"
down_revision = None
branch_labels = None
depends_on = None

# (code, side, name_zh_tw, name_en), in display order.
STANDARD_SECTORS = [
    ("government_agency", "government", "政府機關", "Government ministry or agency"),
    ("subnational_government", "government", "地方政府", "Subnational government"),
    ("parliament", "government", "國會", "Parliament"),
    ("judiciary", "government", "司法機關", "Judiciary"),
    ("civil_society", "non_government", "公民社會組織", "Civil society organisation"),
    ("academia", "non_government", "學術界", "Academia"),
    ("private_sector", "non_government", "私部門", "Private sector"),
    ("citizen", "non_government", "公民", "Citizen"),
    ("media", "non_government", "媒體", "Media"),
    ("other", "non_government", "其他", "Other"),
]


def _enum() -> sa.String:
    return sa.String(32)


def _versioned(timestamps: bool = True) -> list[sa.Column]:
    """Optimistic-locking counter and, for most tables, creation/update times (UTC)."""
    columns = [sa.Column("version", sa.Integer(), nullable=False)]
    if timestamps:
        columns += [
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
        ]
    return columns


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    op.create_table(
        "forum",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_zh_tw", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("jurisdiction", sa.String(200), nullable=False),
        sa.Column("languages", sa.String(100), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("website", sa.String(500), nullable=False),
        sa.Column("contact_point", sa.Text(), nullable=False),
        sa.Column("quorum_percent", sa.Integer(), nullable=False),
        sa.Column("notice_days", sa.Integer(), nullable=False),
        *_versioned(),
        sa.PrimaryKeyConstraint("id", name="pk_forum"),
    )
    sector = op.create_table(
        "sector",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("side", _enum(), nullable=False),
        sa.Column("name_zh_tw", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("is_standard", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sector"),
        sa.UniqueConstraint("code", name="uq_sector_code"),
    )
    op.bulk_insert(
        sector,
        [
            {
                "code": code,
                "side": side,
                "name_zh_tw": name_zh_tw,
                "name_en": name_en,
                "is_standard": True,
                "sort_order": 10 * number,
            }
            for number, (code, side, name_zh_tw, name_en) in enumerate(STANDARD_SECTORS, 1)
        ],
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("name_en", sa.String(300), nullable=False),
        sa.Column("sector_id", sa.Integer(), nullable=True),
        sa.Column("website", sa.String(500), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["sector_id"], ["sector.id"], name="fk_organisation_sector_id_sector"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_organisation"),
        sa.UniqueConstraint("name", name="uq_organisation_name"),
    )
    _indexes("organisation", "sector_id")
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("job_title", sa.String(300), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"], name="fk_person_organisation_id_organisation"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
    )
    _indexes("person", "name", "organisation_id")
    op.create_table(
        "person_contact",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("internal_notes", sa.Text(), nullable=False),
        *_versioned(timestamps=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_person_contact_person_id_person",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name="pk_person_contact"),
    )
    op.create_table(
        "seat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.Column("established_on", sa.Date(), nullable=True),
        sa.Column("abolished_on", sa.Date(), nullable=True),
        *_versioned(),
        sa.ForeignKeyConstraint(["forum_id"], ["forum.id"], name="fk_seat_forum_id_forum"),
        sa.ForeignKeyConstraint(["sector_id"], ["sector.id"], name="fk_seat_sector_id_sector"),
        sa.PrimaryKeyConstraint("id", name="pk_seat"),
    )
    _indexes("seat", "forum_id", "sector_id")
    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seat_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", _enum(), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.Column("high_level", sa.Boolean(), nullable=False),
        sa.Column("alternate_for_id", sa.Integer(), nullable=True),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["alternate_for_id"], ["membership.id"],
            name="fk_membership_alternate_for_id_membership",
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_membership_person_id_person"),
        sa.ForeignKeyConstraint(["seat_id"], ["seat.id"], name="fk_membership_seat_id_seat"),
        sa.PrimaryKeyConstraint("id", name="pk_membership"),
    )
    _indexes("membership", "person_id", "seat_id")
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("title_en", sa.String(300), nullable=False),
        sa.Column("kind", _enum(), nullable=False),
        sa.Column("phase", _enum(), nullable=False),
        sa.Column("modality", _enum(), nullable=False),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("location", sa.String(500), nullable=False),
        sa.Column("remote_link", sa.String(1000), nullable=False),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("notice_sent_at", sa.DateTime(), nullable=True),
        sa.Column("notice_recipients", sa.Text(), nullable=False),
        sa.Column("internal_notes", sa.Text(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(["forum_id"], ["forum.id"], name="fk_meeting_forum_id_forum"),
        sa.PrimaryKeyConstraint("id", name="pk_meeting"),
    )
    _indexes("meeting", "forum_id", "starts_at")
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("title_en", sa.String(500), nullable=False),
        sa.Column("purpose", _enum(), nullable=False),
        sa.Column("presenter", sa.String(200), nullable=False),
        sa.Column("presenter_person_id", sa.Integer(), nullable=True),
        sa.Column("planned_minutes", sa.Integer(), nullable=True),
        sa.Column("proposed_by", _enum(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_agenda_item_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["presenter_person_id"], ["person.id"],
            name="fk_agenda_item_presenter_person_id_person",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_agenda_item"),
    )
    _indexes("agenda_item", "meeting_id")
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("guest_name", sa.String(200), nullable=False),
        sa.Column("capacity", _enum(), nullable=False),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("represented_by_id", sa.Integer(), nullable=True),
        *_versioned(timestamps=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_attendance_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_attendance_person_id_person"),
        sa.ForeignKeyConstraint(
            ["represented_by_id"], ["person.id"], name="fk_attendance_represented_by_id_person"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_attendance"),
        sa.UniqueConstraint("meeting_id", "person_id", name="uq_attendance_meeting_id"),
    )
    _indexes("attendance", "meeting_id", "person_id")
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("kind", _enum(), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(255), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(["forum_id"], ["forum.id"], name="fk_document_forum_id_forum"),
        sa.PrimaryKeyConstraint("id", name="pk_document"),
    )
    _indexes("document", "forum_id", "sha256")
    op.create_table(
        "agenda_item_document",
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"], ["agenda_item.id"],
            name="fk_agenda_item_document_agenda_item_id_agenda_item", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name="fk_agenda_item_document_document_id_document"
        ),
        sa.PrimaryKeyConstraint("agenda_item_id", "document_id", name="pk_agenda_item_document"),
    )


def downgrade() -> None:
    # Children before parents; dropping a table drops its indexes too.
    for table in (
        "agenda_item_document", "document", "attendance", "agenda_item", "meeting",
        "membership", "seat", "person_contact", "person", "organisation", "sector", "forum",
    ):
        op.drop_table(table)
