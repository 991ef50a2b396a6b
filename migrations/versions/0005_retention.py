"""Retention: an index on ``deliveries.due_at``, so pruning old claims reads only those.

(``handled_updates.handled_at`` has had its index since 0001.)

Revision ID: 0005_retention
Revises: 0004_one_log_a_day
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005_retention"
down_revision: str | None = "0004_one_log_a_day"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``ix_deliveries_due_at``."""
    op.create_index("ix_deliveries_due_at", "deliveries", ["due_at"])


def downgrade() -> None:
    """Drop ``ix_deliveries_due_at``."""
    op.drop_index("ix_deliveries_due_at", table_name="deliveries")
