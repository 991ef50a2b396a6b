"""Export everything about a runner, and erase it without touching anyone else."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.phases import PhaseState
from bot.core.records import BodyReport, Completion
from bot.core.vocabulary import Area, Category, Phase, ReportKind
from bot.service.outbox import Outgoing
from bot.storage.chats import get_conversation, set_conversation
from bot.storage.deliveries import claim
from bot.storage.models import (
    Base,
    BodyReportRow,
    CompletionRow,
    ConversationRow,
    DeliveryKind,
    DeliveryRow,
    OutboxRow,
    PhaseHistoryRow,
    PhaseStateRow,
    Runner,
)
from bot.storage.outbox import enqueue
from bot.storage.privacy import delete_runner, export_runner
from bot.storage.records import add_body_report, log_completion
from bot.storage.repository import get_or_create_runner, save_phase_state
from tests.storage.conftest import Database

DAY = date(2025, 3, 3)
NOW = datetime(2025, 3, 3, 18, 30, tzinfo=UTC)
PER_RUNNER = {
    Runner: Runner.id,
    PhaseStateRow: PhaseStateRow.runner_id,
    PhaseHistoryRow: PhaseHistoryRow.runner_id,
    CompletionRow: CompletionRow.runner_id,
    BodyReportRow: BodyReportRow.runner_id,
    DeliveryRow: DeliveryRow.runner_id,
    OutboxRow: OutboxRow.runner_id,
}


async def _busy_runner(session: AsyncSession, telegram_id: int) -> int:
    """A runner with a row in every per-runner table, and a conversation."""
    runner = await get_or_create_runner(session, telegram_id, "Ada", DAY)
    base = PhaseState(Phase.BASE, DAY + timedelta(days=1))
    await save_phase_state(session, runner.id, base, "All set", DAY, changed=True)
    for days in (1, 0):
        completion = Completion(DAY + timedelta(days=days), Category.MOBILITY, "mob-1")
        await log_completion(session, runner.id, completion, NOW + timedelta(days=days))
    report = BodyReport(DAY, Area.CALVES, ReportKind.SORENESS)
    await add_body_report(session, runner.id, report, "calf sore", NOW)
    await set_conversation(session, telegram_id, "sore", "area", {}, now=NOW)
    await claim(session, runner.id, DAY, DeliveryKind.MORNING, NOW, "test")
    reply = Outgoing("Hi Ada, your calf?").payload()
    await enqueue(
        session, runner.id, telegram_id, [reply], now=NOW, leased_until=None, instance="t"
    )
    return runner.id


async def test_export_holds_every_row_oldest_first(session: AsyncSession) -> None:
    runner_id = await _busy_runner(session, 11)
    await _busy_runner(session, 12)
    await session.commit()
    runner = await session.get(Runner, runner_id)
    assert runner is not None
    export = await export_runner(session, runner)
    assert export.runner is runner
    assert export.phase_state.phase is Phase.BASE
    assert [row.reason for row in export.phase_history] == ["Welcome", "All set"]
    assert [row.local_date for row in export.completions] == [DAY, DAY + timedelta(days=1)]
    assert [row.text for row in export.reports] == ["calf sore"]
    assert {row.runner_id for row in export.completions} == {runner_id}
    assert {row.runner_id for row in export.reports} == {runner_id}


async def test_delete_runner_erases_them_and_only_them(database: Database) -> None:
    async with database.sessions() as session:
        gone = await _busy_runner(session, 11)
        kept = await _busy_runner(session, 12)
        await session.commit()
    async with database.sessions() as session:
        assert await delete_runner(session, gone) is True
        await session.commit()
    async with database.sessions() as session:
        for model, column in PER_RUNNER.items():
            count = select(func.count()).select_from(model)
            assert await session.scalar(count.where(column == gone)) == 0, model.__tablename__
            assert await session.scalar(count.where(column == kept)), model.__tablename__
        assert await get_conversation(session, 11) is None
        assert await get_conversation(session, 12) is not None
        assert await delete_runner(session, gone) is False


def test_every_table_is_covered_by_the_erasure_test() -> None:
    tables = {model.__tablename__ for model in PER_RUNNER} | {ConversationRow.__tablename__}
    assert set(Base.metadata.tables) - tables == {"handled_updates"}  # no personal data
