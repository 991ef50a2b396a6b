"""The graded way back: the stage and the last logged day in ``phase_states``, pain during
a session in ``completions``.

Revision ID: 0008_way_back
Revises: 0007_report_worse
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_way_back"
down_revision: str | None = "0007_report_worse"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``phase_states.way_back_*`` and ``completions.pain`` (empty: nobody is on the
    way back, no pain was asked), and ``phase_states.last_logged_on`` filled from the logs."""
    with op.batch_alter_table("phase_states") as batch:
        batch.add_column(sa.Column("way_back_stage", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("way_back_since", sa.Date(), nullable=True))
        batch.add_column(sa.Column("way_back_passed_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("last_logged_on", sa.Date(), nullable=True))
    op.execute(
        "UPDATE phase_states SET last_logged_on = (SELECT max(completions.local_date) "
        "FROM completions WHERE completions.runner_id = phase_states.runner_id)"
    )
    with op.batch_alter_table("completions") as batch:
        batch.add_column(sa.Column("pain", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop the columns again."""
    with op.batch_alter_table("completions") as batch:
        batch.drop_column("pain")
    with op.batch_alter_table("phase_states") as batch:
        batch.drop_column("last_logged_on")
        batch.drop_column("way_back_passed_on")
        batch.drop_column("way_back_since")
        batch.drop_column("way_back_stage")
