"""Short leases, renewed while sending; a lapsed lease is taken over and counted."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.core.planner import Planner
from bot.storage import deliveries
from bot.storage.deliveries import LEASE_NOTE
from bot.storage.models import DeliveryStatus
from scheduler.fanout import plan_due
from scheduler.sender import (
    DEFAULT_LEASE,
    DEFAULT_RENEW_EVERY,
    Delivery,
    SendKind,
    SendResult,
)
from scheduler.service import ReminderScheduler
from tests.scheduler.helpers import FakeSender, add_runner, deliveries_of, instant_limiter, send
from tests.storage.conftest import Database

START = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
CHATS = (101, 102, 103)


class HeldSender(FakeSender):
    """Holds every send until ``release`` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()
        self.started: list[Delivery] = []

    async def __call__(self, delivery: Delivery) -> SendResult:
        self.started.append(delivery)
        await self.release.wait()
        return await super().__call__(delivery)


async def claimed(database: Database) -> None:
    async with database.sessions() as session, session.begin():
        for chat in CHATS:
            await add_runner(session, chat, now=START)
    assert await plan_due(database.sessions, DUE, instance="a") == len(CHATS)


async def lease_ends(database: Database) -> list[datetime]:
    """When each leased claim's lease runs out."""
    rows = await deliveries_of(database.sessions)
    return [
        row.next_attempt_at.replace(tzinfo=UTC)
        for row in rows
        if row.last_error == LEASE_NOTE and row.next_attempt_at is not None
    ]


async def renewed_past(database: Database, first: datetime) -> bool:
    ends = await lease_ends(database)
    return len(ends) == len(CHATS) and min(ends) > first


def test_a_dead_instances_claims_are_taken_over_within_about_30_seconds() -> None:
    assert timedelta(seconds=20) >= DEFAULT_LEASE
    assert DEFAULT_RENEW_EVERY * 3 <= DEFAULT_LEASE  # two renewals may fail in a lease


async def test_leases_are_renewed_while_sending_so_no_other_instance_takes_them(
    database: Database, planner: Planner
) -> None:
    await claimed(database)
    held = HeldSender()
    sending = asyncio.create_task(
        send(
            database.sessions, held, planner, DUE, instance="a", renew_every=timedelta(seconds=0.01)
        )
    )
    for _ in range(3000):
        if len(held.started) == len(CHATS):
            break
        await asyncio.sleep(0.01)
    first = max(await lease_ends(database))
    for _ in range(3000):
        if await renewed_past(database, first):
            break
        await asyncio.sleep(0.01)
    assert await renewed_past(database, first)

    other = FakeSender()
    report = await send(database.sessions, other, planner, first, instance="b")
    assert (report.sent, report.taken_over, other.calls) == (0, 0, [])

    held.release.set()
    report = await sending
    assert (report.sent, report.taken_over) == (len(CHATS), 0)
    assert held.per_chat() == dict.fromkeys(CHATS, 1)
    rows = await deliveries_of(database.sessions)
    assert {row.status for row in rows} == {DeliveryStatus.SENT}


async def test_a_lapsed_lease_is_taken_over_counted_and_logged(
    database: Database, planner: Planner, caplog: pytest.LogCaptureFixture
) -> None:
    await claimed(database)
    async with database.sessions() as session, session.begin():  # "a" leased, then died
        rows = await deliveries.pending_deliveries(session, DUE, 10)
        await deliveries.lease(session, [r.id for r in rows], DUE + DEFAULT_LEASE, "a")
    counted: list[int] = []
    sender = FakeSender()
    survivor = ReminderScheduler(
        database.sessions,
        sender,
        planner,
        instance="b",
        limiter=instant_limiter(),
        count_takeovers=counted.append,
    )
    await survivor.run_once(DUE + DEFAULT_LEASE / 2)
    assert sender.sent == []  # the lease still runs

    with caplog.at_level(logging.WARNING, logger="scheduler.sender"):
        tick = await survivor.run_once(DUE + DEFAULT_LEASE + timedelta(seconds=1))
    assert (tick.sent.sent, tick.sent.taken_over, counted) == (3, 3, [3])
    assert sender.per_chat() == dict.fromkeys(CHATS, 1)
    assert "taking over 3 claims whose lease ran out (held by a)" in caplog.text

    tick = await survivor.run_once(DUE + timedelta(minutes=5))
    assert (tick.sent.sent, tick.sent.taken_over, counted) == (0, 0, [3])


async def test_claims_retried_after_an_error_are_not_counted_as_taken_over(
    database: Database, planner: Planner
) -> None:
    await claimed(database)
    sender = FakeSender()
    sender.then(CHATS[0], SendResult(SendKind.TRANSIENT, error="timed out"))
    first = await send(database.sessions, sender, planner, DUE, instance="a")
    assert (first.sent, first.retried) == (2, 1)
    again = await send(database.sessions, sender, planner, DUE + timedelta(hours=1), instance="b")
    assert (again.sent, again.taken_over) == (1, 0)
