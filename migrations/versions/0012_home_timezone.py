"""A stay away from home: the zone the runner had before it, on the runner.

Revision ID: 0012_home_timezone
Revises: 0011_planned_pause
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_home_timezone"
down_revision: str | None = "0011_planned_pause"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``runners.home_timezone`` (no stay on record for existing runners)."""
    with op.batch_alter_table("runners") as batch:
        batch.add_column(sa.Column("home_timezone", sa.String(length=64), nullable=True))


def downgrade() -> None:
    """Drop the zone kept during a stay."""
    with op.batch_alter_table("runners") as batch:
        batch.drop_column("home_timezone")
