"""Send outcomes are group-committed as they come: a bounded crash window, snoozes kept."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.core.planner import Planner
from bot.storage import deliveries
from bot.storage.models import DeliveryRow, DeliveryStatus
from scheduler.fanout import plan_due
from scheduler.sender import Delivery, SendKind, SendResult
from tests.scheduler.helpers import add_runner, deliveries_of, send
from tests.storage.conftest import Database

START = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


async def test_outcomes_wait_for_their_group_at_most_the_documented_window(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        for chat in range(120):
            await add_runner(session, 7000 + chat, now=START)
    assert await plan_due(database.sessions, DUE) == 120
    returned, gaps = 0, []

    async def sender(delivery: Delivery) -> SendResult:
        nonlocal returned
        async with database.sessions() as session:
            query = select(func.count()).select_from(DeliveryRow)
            query = query.where(DeliveryRow.status == DeliveryStatus.SENT)
            recorded = (await session.execute(query)).scalar_one()
        gaps.append(returned - recorded)  # sent (as far as Telegram knows) but not recorded
        returned += 1
        await asyncio.sleep(0)
        return SendResult(SendKind.SENT, message_id=returned)

    concurrency, unrecorded = 4, 8
    report = await send(
        database.sessions,
        sender,
        planner,
        DUE,
        batch=60,
        concurrency=concurrency,
        unrecorded=unrecorded,
    )
    assert report.sent == 120
    assert max(gaps) <= concurrency + unrecorded  # not a whole batch of 60
    rows = await deliveries_of(database.sessions)
    assert {row.status for row in rows} == {DeliveryStatus.SENT}


async def test_a_snooze_before_the_send_is_recorded_is_kept(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        await add_runner(session, 7001, now=START)
    await plan_due(database.sessions, DUE)
    later = DUE + timedelta(hours=1)

    async def sender(delivery: Delivery) -> SendResult:
        # The runner taps "In 1 hour" on the message before its outcome is committed.
        async with database.sessions() as session, session.begin():
            await deliveries.requeue(session, delivery.id, later, "snoozed (hour)")
        return SendResult(SendKind.SENT, message_id=1)

    await send(database.sessions, sender, planner, DUE)
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.next_attempt_at, row.last_error) == (
        DeliveryStatus.PENDING,
        later,
        "snoozed (hour)",
    )
