"""The title a logged session had the day it was logged, for /history.

Revision ID: 0013_completion_title
Revises: 0012_home_timezone
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_completion_title"
down_revision: str | None = "0012_home_timezone"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``completions.title`` (logs made before it show the session's title as before)."""
    with op.batch_alter_table("completions") as batch:
        batch.add_column(sa.Column("title", sa.String(length=120), nullable=True))


def downgrade() -> None:
    """Drop the kept titles."""
    with op.batch_alter_table("completions") as batch:
        batch.drop_column("title")
