"""Whether the way back began after days without logs (late logs call it off).

Revision ID: 0014_way_back_from_gap
Revises: 0013_completion_title
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_way_back_from_gap"
down_revision: str | None = "0013_completion_title"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``phase_states.way_back_from_gap`` (a way back begun before it stays as it is)."""
    with op.batch_alter_table("phase_states") as batch:
        batch.add_column(
            sa.Column("way_back_from_gap", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    """Drop the flag."""
    with op.batch_alter_table("phase_states") as batch:
        batch.drop_column("way_back_from_gap")
