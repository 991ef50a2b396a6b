"""A runner who erased their data gets nothing more, whatever was leased ."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.planner import Planner
from bot.storage.deliveries import PendingClaim
from bot.storage.privacy import delete_runner
from scheduler.fanout import plan_due
from scheduler.messages import ReminderComposer
from scheduler.sender import Delivery, SendKind, SendResult, send_pending
from tests.scheduler.helpers import FakeSender, add_runner, rows_of_runner
from tests.storage.conftest import Database

START = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


class ErasingComposer(ReminderComposer):
    """Composes as usual; then runner ``runner_id`` erases their data in the same
    transaction, so the erasure commits after the lease and before any send starts."""

    def __init__(self, planner: Planner, runner_id: int) -> None:
        super().__init__(planner)
        self.runner_id = runner_id

    async def __call__(
        self, session: AsyncSession, rows: Sequence[PendingClaim], now: datetime
    ) -> dict[int, Delivery | str]:
        composed = await super().__call__(session, rows, now)
        assert await delete_runner(session, self.runner_id)
        return composed


async def test_no_reminder_goes_out_after_the_runner_erased_their_data(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        leaving = await add_runner(session, 8001, now=START)
        staying = await add_runner(session, 8002, now=START)
        leaving_id = leaving.id
    assert await plan_due(database.sessions, DUE) == 2
    sender = FakeSender()
    compose = ErasingComposer(planner, leaving_id)
    report = await send_pending(database.sessions, sender, DUE, compose=compose)
    assert [delivery.chat_id for delivery in sender.calls] == [staying.telegram_id]
    assert (report.sent, report.skipped) == (1, 1)
    assert await rows_of_runner(database.sessions, leaving_id) == 0


async def test_an_erasure_during_a_send_waits_and_leaves_nothing_behind(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        leaving_id = (await add_runner(session, 8001, now=START)).id
    assert await plan_due(database.sessions, DUE) == 1
    erasing: list[asyncio.Task[None]] = []

    async def erase() -> None:
        async with database.sessions() as session, session.begin():
            assert await delete_runner(session, leaving_id)

    async def sender(delivery: Delivery) -> SendResult:
        erasing.append(asyncio.create_task(erase()))  # while the send starts under the hold
        await asyncio.sleep(0)
        return SendResult(SendKind.SENT, message_id=1)

    report = await send_pending(database.sessions, sender, DUE, compose=ReminderComposer(planner))
    await asyncio.gather(*erasing)
    assert report.sent == 1
    assert await rows_of_runner(database.sessions, leaving_id) == 0
