"""Versioned terms of reference (職權範圍) and ethics-statement signatures; the meeting
rules move off the forum row into them.

Until now the forum row kept ``quorum_percent`` and ``notice_days``. The upgrade creates,
for every forum, version 1 of its terms of reference, adopted on the earlier of the
forum's creation date and its first meeting's date (so every meeting on record is judged
by it), carrying those two values; then it drops the two columns. The downgrade puts the
columns back with the values of the version in force today (the earliest adopted version
if none is in force yet; 50 % and 14 days without any) and drops the new tables. On
SQLite the restored columns keep a server default (SQLite cannot remove one without
rebuilding the table, which would drop the search triggers).

Frozen like every revision: only Alembic, SQLAlchemy and the standard library.

Revision ID: 0009_terms_of_reference
Revises: 0008_interests
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0009_terms_of_reference"
down_revision = "0008_interests"
branch_labels = None
depends_on = None

DEFAULT_QUORUM = 50
DEFAULT_NOTICE = 14
CARRIED_OVER = ("自論壇設定移轉之會議規則（法定人數、通知期間）。\n"
                "Meeting rules carried over from the forum settings (quorum, notice period).")


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _create_tables() -> None:
    op.create_table(
        "terms_of_reference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("adopted_by_decision_id", sa.Integer(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("change_note", sa.Text(), nullable=False),
        sa.Column("quorum_percent", sa.Integer(), nullable=False),
        sa.Column("notice_days", sa.Integer(), nullable=False),
        sa.Column("decision_rule", sa.String(32), nullable=False),
        sa.Column("majority_percent", sa.Integer(), nullable=True),
        sa.Column("min_attending_per_side", sa.Integer(), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("co_chair_term_months", sa.Integer(), nullable=False),
        sa.Column("meetings_per_year_development", sa.Integer(), nullable=False),
        sa.Column("meetings_per_year_implementation", sa.Integer(), nullable=False),
        sa.Column("alternates_allowed", sa.Boolean(), nullable=False),
        sa.Column("selection_led_by_non_government", sa.Boolean(), nullable=False),
        sa.Column("agenda_set_by_co_chairs", sa.Boolean(), nullable=False),
        sa.Column("co_chaired", sa.Boolean(), nullable=False),
        sa.Column("recusal_required", sa.Boolean(), nullable=False),
        sa.Column("minutes_detail", sa.String(32), nullable=False),
        sa.Column("minutes_publish_days", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["forum_id"], ["forum.id"],
                                name="fk_terms_of_reference_forum_id_forum"),
        sa.ForeignKeyConstraint(["adopted_by_decision_id"], ["decision.id"],
                                name="fk_terms_of_reference_adopted_by_decision_id_decision"),
        sa.PrimaryKeyConstraint("id", name="pk_terms_of_reference"),
        sa.UniqueConstraint("forum_id", "version_no", name="uq_terms_of_reference_forum_id"),
    )
    op.create_index("ix_terms_of_reference_forum_id", "terms_of_reference", ["forum_id"])
    op.create_table(
        "terms_clause",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terms_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("text_zh_tw", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["terms_id"], ["terms_of_reference.id"],
                                name="fk_terms_clause_terms_id_terms_of_reference",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_terms_clause"),
        sa.UniqueConstraint("terms_id", "topic", name="uq_terms_clause_terms_id"),
    )
    op.create_index("ix_terms_clause_terms_id", "terms_clause", ["terms_id"])
    op.create_table(
        "terms_seats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terms_id", sa.Integer(), nullable=False),
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("alternates", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["terms_id"], ["terms_of_reference.id"],
                                name="fk_terms_seats_terms_id_terms_of_reference",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sector_id"], ["sector.id"],
                                name="fk_terms_seats_sector_id_sector"),
        sa.PrimaryKeyConstraint("id", name="pk_terms_seats"),
        sa.UniqueConstraint("terms_id", "sector_id", name="uq_terms_seats_terms_id"),
    )
    op.create_index("ix_terms_seats_terms_id", "terms_seats", ["terms_id"])
    op.create_table(
        "ethics_signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terms_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(32), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(["terms_id"], ["terms_of_reference.id"],
                                name="fk_ethics_signature_terms_id_terms_of_reference"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"],
                                name="fk_ethics_signature_person_id_person"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"],
                                name="fk_ethics_signature_meeting_id_meeting"),
        sa.PrimaryKeyConstraint("id", name="pk_ethics_signature"),
        sa.UniqueConstraint("terms_id", "person_id", name="uq_ethics_signature_terms_id"),
    )
    op.create_index("ix_ethics_signature_terms_id", "ethics_signature", ["terms_id"])
    op.create_index("ix_ethics_signature_person_id", "ethics_signature", ["person_id"])


def _local_day(moment: dt.datetime, zone: str) -> dt.date:
    """A stored naive-UTC moment as a date on the given clock."""
    try:
        tz = ZoneInfo(zone)
    except Exception:  # an unknown zone name: UTC is the best guess left
        tz = dt.timezone.utc
    return moment.replace(tzinfo=dt.timezone.utc).astimezone(tz).date()


def _as_datetime(value) -> dt.datetime:
    # SQLite hands back text for a raw SELECT.
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _first_versions() -> None:
    bind = op.get_bind()
    forums = bind.execute(sa.text(
        "SELECT id, time_zone, created_at, quorum_percent, notice_days FROM forum "
        "ORDER BY id")).all()
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    for forum in forums:
        days = [_local_day(_as_datetime(forum.created_at), forum.time_zone)]
        for start, zone in bind.execute(sa.text(
                "SELECT starts_at, time_zone FROM meeting WHERE forum_id = :f"),
                {"f": forum.id}).all():
            days.append(_local_day(_as_datetime(start), zone))
        bind.execute(sa.text(
            "INSERT INTO terms_of_reference (forum_id, version_no, status, adopted_on, "
            "change_note, quorum_percent, notice_days, decision_rule, "
            "min_attending_per_side, term_months, co_chair_term_months, "
            "meetings_per_year_development, meetings_per_year_implementation, "
            "alternates_allowed, selection_led_by_non_government, agenda_set_by_co_chairs, "
            "co_chaired, recusal_required, minutes_detail, minutes_publish_days, version, "
            "created_at, updated_at) VALUES (:forum, 1, 'adopted', :adopted, :note, "
            ":quorum, :notice, 'consensus', 0, 24, 24, 4, 2, :yes, :yes, :yes, :yes, :yes, "
            "'summary', 30, 1, :now, :now)"),
            {"forum": forum.id, "adopted": min(days), "note": CARRIED_OVER,
             "quorum": forum.quorum_percent, "notice": forum.notice_days, "yes": True,
             "now": now})


def upgrade() -> None:
    _create_tables()
    _first_versions()
    # Not a batch rebuild of the forum table (a plain DROP COLUMN works on SQLite 3.35+
    # and PostgreSQL alike, and keeps everything else about the table as it is).
    op.execute("ALTER TABLE forum DROP COLUMN quorum_percent")
    op.execute("ALTER TABLE forum DROP COLUMN notice_days")


def downgrade() -> None:
    bind = op.get_bind()
    op.add_column("forum", sa.Column("quorum_percent", sa.Integer(), nullable=False,
                                     server_default=str(DEFAULT_QUORUM)))
    op.add_column("forum", sa.Column("notice_days", sa.Integer(), nullable=False,
                                     server_default=str(DEFAULT_NOTICE)))
    today = dt.date.today()
    for (forum_id,) in bind.execute(sa.text("SELECT id FROM forum")).all():
        adopted = bind.execute(sa.text(
            "SELECT adopted_on, quorum_percent, notice_days FROM terms_of_reference "
            "WHERE forum_id = :f AND status <> 'draft' AND adopted_on IS NOT NULL "
            "ORDER BY adopted_on, version_no"), {"f": forum_id}).all()
        if not adopted:
            continue
        in_force = [row for row in adopted if _as_date(row.adopted_on) <= today]
        chosen = in_force[-1] if in_force else adopted[0]
        bind.execute(sa.text("UPDATE forum SET quorum_percent = :q, notice_days = :n "
                             "WHERE id = :f"),
                     {"q": chosen.quorum_percent, "n": chosen.notice_days, "f": forum_id})
    if bind.dialect.name != "sqlite":
        op.alter_column("forum", "quorum_percent", server_default=None)
        op.alter_column("forum", "notice_days", server_default=None)
    for table in ("ethics_signature", "terms_seats", "terms_clause", "terms_of_reference"):
        op.drop_table(table)


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
