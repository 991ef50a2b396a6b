"""A version of each runner's completions and body reports, for the coach's history cache.

Revision ID: 0003_history_version
Revises: 0002_deliveries
Create Date: 2026-03-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_history_version"
down_revision: str | None = "0002_deliveries"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``phase_states.history_version`` (0 for every existing runner)."""
    with op.batch_alter_table("phase_states") as batch:
        batch.add_column(
            sa.Column("history_version", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    """Drop ``phase_states.history_version``."""
    with op.batch_alter_table("phase_states") as batch:
        batch.drop_column("history_version")
