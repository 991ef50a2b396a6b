"""The runner's running week: run days, long-run day, hard days, race distance, minutes.

Revision ID: 0010_running_week
Revises: 0009_health_screen
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_running_week"
down_revision: str | None = "0009_health_screen"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the running week to ``runners`` (not said for existing runners) and the race's
    distance to ``phase_states``."""
    with op.batch_alter_table("runners") as batch:
        batch.add_column(sa.Column("run_days", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("long_run_day", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("hard_days", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("race_distance", sa.String(32), nullable=True))
        batch.add_column(
            sa.Column("session_minutes", sa.Integer(), nullable=False, server_default="20")
        )
    with op.batch_alter_table("phase_states") as batch:
        batch.add_column(sa.Column("race_distance", sa.String(32), nullable=True))


def downgrade() -> None:
    """Drop the running week's columns."""
    with op.batch_alter_table("phase_states") as batch:
        batch.drop_column("race_distance")
    with op.batch_alter_table("runners") as batch:
        batch.drop_column("session_minutes")
        batch.drop_column("race_distance")
        batch.drop_column("hard_days")
        batch.drop_column("long_run_day")
        batch.drop_column("run_days")
