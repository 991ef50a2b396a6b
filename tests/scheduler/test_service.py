"""The APScheduler wrapper: passes on an interval, a catch-up at start, a clean stop."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.core.planner import Planner
from bot.storage import deliveries
from bot.storage.models import DeliveryStatus
from scheduler.fanout import plan_due
from scheduler.sender import Delivery, SendResult
from scheduler.service import ReminderScheduler
from tests.scheduler.helpers import FakeSender, add_runner, deliveries_of
from tests.storage.conftest import Database

START = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


async def test_run_once_claims_and_sends(database: Database, planner: Planner) -> None:
    async with database.sessions() as session, session.begin():
        await add_runner(session, 1, now=START)
    sender = FakeSender()
    scheduler = ReminderScheduler(database.sessions, sender, planner, instance="a")
    first = await scheduler.run_once(DUE - timedelta(minutes=1))
    second = await scheduler.run_once(DUE + timedelta(seconds=3))
    third = await scheduler.run_once(DUE + timedelta(seconds=23))
    assert (first.claimed, second.claimed, third.claimed) == (0, 1, 0)
    assert (second.sent.sent, third.sent.sent) == (1, 0)


async def test_the_interval_job_catches_up_at_start_and_sends_once(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        for chat in range(3):
            await add_runner(session, 10 + chat, now=START)
    sender = FakeSender()
    scheduler = ReminderScheduler(
        database.sessions,
        sender,
        planner,
        clock=lambda: DUE + timedelta(hours=2),  # the bot was down at 07:00; within grace
        interval=0.05,
        instance="a",
    )
    scheduler.start()
    try:
        for _ in range(200):
            if len(sender.sent) == 3:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)  # a few more passes
    finally:
        await scheduler.shutdown()
    assert sorted(sender.per_chat().items()) == [(10, 1), (11, 1), (12, 1)]


async def test_claims_held_by_this_instance_are_resumed_at_start(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        await add_runner(session, 1, now=START)
    await plan_due(database.sessions, DUE, instance="host-a")
    async with database.sessions() as session, session.begin():
        rows = await deliveries.pending_deliveries(session, DUE, 10)
        await deliveries.lease(session, [r.id for r in rows], DUE + timedelta(hours=1), "host-a")
    sender = FakeSender()
    other = ReminderScheduler(database.sessions, sender, planner, instance="host-b")
    await other.run_once(DUE + timedelta(minutes=1))
    assert sender.sent == []  # another instance waits for the lease to run out
    restarted = ReminderScheduler(database.sessions, sender, planner, instance="host-a")
    await restarted.run_once(DUE + timedelta(minutes=1))
    assert len(sender.sent) == 1
    (row,) = await deliveries_of(database.sessions)
    assert row.status is DeliveryStatus.SENT


async def test_shutdown_without_start_is_harmless(database: Database, planner: Planner) -> None:
    scheduler = ReminderScheduler(database.sessions, FakeSender(), planner)
    await scheduler.shutdown()


async def test_shutdown_lets_a_pass_in_progress_finish_quietly(
    database: Database, planner: Planner, caplog: pytest.LogCaptureFixture
) -> None:
    """APScheduler's own shutdown cancels a running job; ours waits for the pass first."""
    async with database.sessions() as session, session.begin():
        await add_runner(session, 1, now=START)
    sending, release = asyncio.Event(), asyncio.Event()
    recorder = FakeSender()

    async def slow_sender(delivery: Delivery) -> SendResult:
        sending.set()
        await release.wait()
        return await recorder(delivery)

    scheduler = ReminderScheduler(
        database.sessions,
        slow_sender,
        planner,
        clock=lambda: DUE + timedelta(seconds=5),
        interval=0.05,
        instance="a",
    )
    scheduler.start()
    await asyncio.wait_for(sending.wait(), 5)
    stopping = asyncio.create_task(scheduler.shutdown())
    await asyncio.sleep(0.1)
    assert not stopping.done()  # waiting for the send, not cancelling it
    release.set()
    await asyncio.wait_for(stopping, 5)
    assert len(recorder.sent) == 1
    (row,) = await deliveries_of(database.sessions)
    assert row.status is DeliveryStatus.SENT
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
