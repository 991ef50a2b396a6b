"""The health screen on the runner: pregnancy, a recent birth, a past stress fracture.

Revision ID: 0009_health_screen
Revises: 0008_way_back
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_health_screen"
down_revision: str | None = "0008_way_back"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the health screen's columns to ``runners`` (all off for existing runners)."""
    with op.batch_alter_table("runners") as batch:
        batch.add_column(
            sa.Column("pregnant", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("postpartum", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("birth_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("past_bone_stress", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    """Drop the health screen's columns."""
    with op.batch_alter_table("runners") as batch:
        batch.drop_column("past_bone_stress")
        batch.drop_column("birth_on")
        batch.drop_column("postpartum")
        batch.drop_column("pregnant")
