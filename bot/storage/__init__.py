"""Storage: SQLAlchemy models, engines, migrations and the async data-access functions.

Data-access functions take an ``AsyncSession`` and never commit; the use-case layer
commits once per update. Import them from here.
"""

from __future__ import annotations

from bot.storage.chats import (
    Conversation,
    claim_update,
    clear_conversation,
    get_conversation,
    prune_handled_updates,
    set_conversation,
)
from bot.storage.engine import (
    DatabaseUnavailable,
    check_database,
    make_engine,
    make_session_factory,
)
from bot.storage.migrate import upgrade, upgrade_sync
from bot.storage.privacy import RunnerExport, delete_runner, export_runner
from bot.storage.records import (
    add_body_report,
    log_completion,
    phase_history,
    recent_completions,
    recent_reports,
)
from bot.storage.repository import (
    get_or_create_runner,
    get_runner,
    get_runner_by_telegram_id,
    load_phase_state,
    load_profile,
    mark_inactive,
    save_phase_state,
    save_profile,
    update_runner,
)

__all__ = [
    "Conversation",
    "DatabaseUnavailable",
    "RunnerExport",
    "add_body_report",
    "check_database",
    "claim_update",
    "clear_conversation",
    "delete_runner",
    "export_runner",
    "get_conversation",
    "get_or_create_runner",
    "get_runner",
    "get_runner_by_telegram_id",
    "load_phase_state",
    "load_profile",
    "log_completion",
    "make_engine",
    "make_session_factory",
    "mark_inactive",
    "phase_history",
    "prune_handled_updates",
    "recent_completions",
    "recent_reports",
    "save_phase_state",
    "save_profile",
    "set_conversation",
    "update_runner",
    "upgrade",
    "upgrade_sync",
]
