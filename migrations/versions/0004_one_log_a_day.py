"""One completion per runner and local date (it was one per runner, date and session).

Revision ID: 0004_one_log_a_day
Revises: 0003_history_version
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_one_log_a_day"
down_revision: str | None = "0003_history_version"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Every completion that a later one of the same runner and day replaces.
_REPLACED = sa.text(
    """
    DELETE FROM completions WHERE EXISTS (
        SELECT 1 FROM completions AS later
        WHERE later.runner_id = completions.runner_id
          AND later.local_date = completions.local_date
          AND (later.logged_at > completions.logged_at
               OR (later.logged_at = completions.logged_at AND later.id > completions.id))
    )
    """
)


def upgrade() -> None:
    """Keep each runner's latest log of a day, then make (runner, day) unique."""
    op.execute(_REPLACED)
    op.drop_index("ix_completions_runner_id_local_date", table_name="completions")
    with op.batch_alter_table("completions") as batch:
        batch.drop_constraint("uq_completions_runner_id_local_date_session_id", type_="unique")
        batch.create_unique_constraint(
            "uq_completions_runner_id_local_date", ["runner_id", "local_date"]
        )


def downgrade() -> None:
    """Back to one completion per runner, day and session (the kept rows fit it)."""
    with op.batch_alter_table("completions") as batch:
        batch.drop_constraint("uq_completions_runner_id_local_date", type_="unique")
        batch.create_unique_constraint(
            "uq_completions_runner_id_local_date_session_id",
            ["runner_id", "local_date", "session_id"],
        )
    op.create_index(
        "ix_completions_runner_id_local_date", "completions", ["runner_id", "local_date"]
    )
