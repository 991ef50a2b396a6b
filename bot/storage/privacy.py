"""A runner's data rights: export everything stored about them, or erase it all."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.phases import PhaseState
from bot.storage.models import (
    BodyReportRow,
    CompletionRow,
    ConversationRow,
    PhaseHistoryRow,
    Runner,
)
from bot.storage.records import COMPLETION_ORDER, REPORT_ORDER, phase_history
from bot.storage.repository import load_phase_state
from bot.storage.runners import RunnerRecord

__all__ = ["RunnerExport", "delete_runner", "export_runner"]


@dataclass(frozen=True, slots=True)
class RunnerExport:
    """Everything stored about one runner; history, completions and reports oldest first."""

    runner: Runner | RunnerRecord
    phase_state: PhaseState
    phase_history: list[PhaseHistoryRow]
    completions: list[CompletionRow]
    reports: list[BodyReportRow]


async def export_runner(session: AsyncSession, runner: Runner | RunnerRecord) -> RunnerExport:
    """All of ``runner``'s rows, for a data export."""
    completions = await session.scalars(
        select(CompletionRow)
        .where(CompletionRow.runner_id == runner.id)
        .order_by(*COMPLETION_ORDER)
        .execution_options(populate_existing=True)
    )
    reports = await session.scalars(
        select(BodyReportRow).where(BodyReportRow.runner_id == runner.id).order_by(*REPORT_ORDER)
    )
    return RunnerExport(
        runner=runner,
        phase_state=await load_phase_state(session, runner.id),
        phase_history=await phase_history(session, runner.id),
        completions=list(completions),
        reports=list(reports),
    )


async def delete_runner(session: AsyncSession, runner_id: int) -> bool:
    """Erase the runner and every row about them; False when there was no such runner.

    Phase state, history, completions and reports go by ``ON DELETE CASCADE``; the
    conversation row is keyed by chat id, which is the Telegram user id in a private chat.
    ORM objects of that runner already loaded in ``session`` must not be used afterwards.
    """
    deleted = await session.execute(
        delete(Runner).where(Runner.id == runner_id).returning(Runner.telegram_id)
    )
    telegram_id = deleted.scalar_one_or_none()
    if telegram_id is None:
        return False
    await session.execute(delete(ConversationRow).where(ConversationRow.chat_id == telegram_id))
    return True
