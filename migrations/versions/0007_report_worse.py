"""Body reports remember "worse the next morning" (or than before): ``body_reports.worse``.

Revision ID: 0007_report_worse
Revises: 0006_outbox
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_report_worse"
down_revision: str | None = "0006_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``body_reports.worse`` (false for every existing report)."""
    with op.batch_alter_table("body_reports") as batch:
        batch.add_column(
            sa.Column("worse", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    """Drop ``body_reports.worse``."""
    with op.batch_alter_table("body_reports") as batch:
        batch.drop_column("worse")
