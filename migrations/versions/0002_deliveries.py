"""Scheduled messages: the deliveries table and runners' next-due instants.

Revision ID: 0002_deliveries
Revises: 0001_initial
Create Date: 2026-01-10
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_deliveries"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ENUM = sa.String(32)
_DUE_COLUMNS = ("next_reminder_at", "next_checkin_at")


def upgrade() -> None:
    """Add the runners' due columns (indexed) and the deliveries table."""
    with op.batch_alter_table("runners") as batch:
        for name in _DUE_COLUMNS:
            batch.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))
    for name in _DUE_COLUMNS:
        op.create_index(f"ix_runners_{name}", "runners", [name])
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("runner_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("kind", _ENUM, nullable=False),
        sa.Column("status", _ENUM, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.Text(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('morning', 'checkin', 'phase')", name="ck_deliveries_kind"),
        sa.CheckConstraint(
            "status IN ('pending', 'sent', 'failed', 'skipped', 'missed')",
            name="ck_deliveries_status",
        ),
        sa.ForeignKeyConstraint(
            ["runner_id"],
            ["runners.id"],
            name="fk_deliveries_runner_id_runners",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_deliveries"),
        sa.UniqueConstraint(
            "runner_id", "local_date", "kind", name="uq_deliveries_runner_id_local_date_kind"
        ),
    )
    op.create_index(
        "ix_deliveries_status_next_attempt_at", "deliveries", ["status", "next_attempt_at"]
    )


def downgrade() -> None:
    """Drop the deliveries table and the due columns."""
    op.drop_index("ix_deliveries_status_next_attempt_at", table_name="deliveries")
    op.drop_table("deliveries")
    for name in _DUE_COLUMNS:
        op.drop_index(f"ix_runners_{name}", table_name="runners")
    with op.batch_alter_table("runners") as batch:
        for name in reversed(_DUE_COLUMNS):
            batch.drop_column(name)
