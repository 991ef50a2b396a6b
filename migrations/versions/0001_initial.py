"""Initial schema: runners, phases, completions, body reports, updates, conversations.

Revision ID: 0001_initial
Revises:
Create Date: 2025-11-25
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ENUM = sa.String(32)


def _timestamp(name: str) -> sa.Column[datetime]:
    """A not-null timezone-aware timestamp column."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _runner_id() -> sa.Column[int]:
    """A not-null ``runner_id`` column."""
    return sa.Column("runner_id", sa.Integer(), nullable=False)


def _runner_fk(table: str) -> sa.ForeignKeyConstraint:
    """``table.runner_id`` → ``runners.id``, deleted with the runner."""
    return sa.ForeignKeyConstraint(
        ["runner_id"], ["runners.id"], name=f"fk_{table}_runner_id_runners", ondelete="CASCADE"
    )


def upgrade() -> None:
    """Create every table."""
    op.create_table(
        "runners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("telegram_id", sa.BigInteger(), nullable=False),
        sa.Column("first_name", sa.String(128), nullable=True),
        sa.Column("level", _ENUM, nullable=False),
        sa.Column("desk_job", sa.Boolean(), nullable=False),
        sa.Column("equipment", sa.JSON(), nullable=False),
        sa.Column("rest_days", sa.JSON(), nullable=False),
        sa.Column("dynamic_days", sa.Integer(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("reminder_time", sa.Time(), nullable=True),
        sa.Column("race_date", sa.Date(), nullable=True),
        sa.Column("paused_until", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("onboarded", sa.Boolean(), nullable=False),
        _timestamp("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_runners"),
        sa.UniqueConstraint("telegram_id", name="uq_runners_telegram_id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "phase_states",
        _runner_id(),
        sa.Column("phase", _ENUM, nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("block_number", sa.Integer(), nullable=False),
        sa.Column("block_weeks", sa.Integer(), nullable=False),
        sa.Column("race_date", sa.Date(), nullable=True),
        sa.Column("race_weeks_before", sa.Integer(), nullable=False),
        sa.Column("paused_until", sa.Date(), nullable=True),
        sa.Column("resume_phase", _ENUM, nullable=True),
        sa.Column("resume_started_on", sa.Date(), nullable=True),
        sa.Column("held_areas", sa.JSON(), nullable=False),
        sa.Column("newcomer", sa.Boolean(), nullable=False),
        sa.Column("interrupted_on", sa.Date(), nullable=True),
        sa.Column("base_weeks", sa.Integer(), nullable=True),
        _timestamp("updated_at"),
        _runner_fk("phase_states"),
        sa.PrimaryKeyConstraint("runner_id", name="pk_phase_states"),
    )
    op.create_table(
        "phase_history",
        sa.Column("id", sa.Integer(), nullable=False),
        _runner_id(),
        sa.Column("phase", _ENUM, nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _timestamp("recorded_at"),
        _runner_fk("phase_history"),
        sa.PrimaryKeyConstraint("id", name="pk_phase_history"),
    )
    op.create_index("ix_phase_history_runner_id", "phase_history", ["runner_id"])
    op.create_table(
        "completions",
        sa.Column("id", sa.Integer(), nullable=False),
        _runner_id(),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("category", _ENUM, nullable=False),
        sa.Column("status", _ENUM, nullable=False),
        sa.Column("rpe", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        _timestamp("logged_at"),
        sa.CheckConstraint("status IN ('done', 'skipped')", name="ck_completions_status"),
        _runner_fk("completions"),
        sa.PrimaryKeyConstraint("id", name="pk_completions"),
        sa.UniqueConstraint(
            "runner_id",
            "local_date",
            "session_id",
            name="uq_completions_runner_id_local_date_session_id",
        ),
    )
    op.create_index(
        "ix_completions_runner_id_local_date", "completions", ["runner_id", "local_date"]
    )
    op.create_table(
        "body_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        _runner_id(),
        _timestamp("reported_at"),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("area", _ENUM, nullable=False),
        sa.Column("side", _ENUM, nullable=False),
        sa.Column("kind", _ENUM, nullable=False),
        sa.Column("severity", sa.Integer(), nullable=True),
        sa.Column("red_flags", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _runner_fk("body_reports"),
        sa.PrimaryKeyConstraint("id", name="pk_body_reports"),
    )
    op.create_index(
        "ix_body_reports_runner_id_local_date", "body_reports", ["runner_id", "local_date"]
    )
    op.create_table(
        "handled_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        _timestamp("handled_at"),
        sa.PrimaryKeyConstraint("update_id", name="pk_handled_updates"),
    )
    op.create_index("ix_handled_updates_handled_at", "handled_updates", ["handled_at"])
    op.create_table(
        "conversations",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("step", sa.String(64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        _timestamp("updated_at"),
        sa.PrimaryKeyConstraint("chat_id", name="pk_conversations"),
    )


def downgrade() -> None:
    """Drop every table, children first."""
    op.drop_table("conversations")
    op.drop_index("ix_handled_updates_handled_at", table_name="handled_updates")
    op.drop_table("handled_updates")
    op.drop_index("ix_body_reports_runner_id_local_date", table_name="body_reports")
    op.drop_table("body_reports")
    op.drop_index("ix_completions_runner_id_local_date", table_name="completions")
    op.drop_table("completions")
    op.drop_index("ix_phase_history_runner_id", table_name="phase_history")
    op.drop_table("phase_history")
    op.drop_table("phase_states")
    op.drop_table("runners")
