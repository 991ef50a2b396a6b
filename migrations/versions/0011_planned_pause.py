"""A break that starts later: its first and last day on the phase state.

Revision ID: 0011_planned_pause
Revises: 0010_running_week
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_planned_pause"
down_revision: str | None = "0010_running_week"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the planned break's days to ``phase_states`` (none planned for existing runners)."""
    with op.batch_alter_table("phase_states") as batch:
        batch.add_column(sa.Column("pause_planned_from", sa.Date(), nullable=True))
        batch.add_column(sa.Column("pause_planned_until", sa.Date(), nullable=True))


def downgrade() -> None:
    """Drop the planned break's days."""
    with op.batch_alter_table("phase_states") as batch:
        batch.drop_column("pause_planned_until")
        batch.drop_column("pause_planned_from")
