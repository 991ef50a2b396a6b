"""Snoozing the morning reminder: the same claim comes back later, once, unless logged."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.core.planner import Planner
from bot.core.records import Completion
from bot.core.vocabulary import Category
from bot.presentation.callbacks import Action, Snooze, encode
from bot.service.coach import Coach
from bot.service.messages import Button, Reply, Sender
from bot.storage.models import DeliveryStatus
from bot.storage.records import log_completion
from scheduler.fanout import plan_due
from tests.scheduler.helpers import FakeSender, add_runner, deliveries_of, send
from tests.storage.conftest import Database

CHAT = 9001
START = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)  # 07:00 in Berlin, Monday 2 March
TODAY = date(2026, 3, 2)


async def reminded(database: Database, planner: Planner) -> FakeSender:
    async with database.sessions() as session, session.begin():
        await add_runner(session, CHAT, now=START)
    await plan_due(database.sessions, DUE)
    sender = FakeSender()
    await send(database.sessions, sender, planner, DUE)
    assert len(sender.sent) == 1
    return sender


async def press(
    database: Database, planner: Planner, at: datetime, how: Snooze, day: date = TODAY
) -> list[Reply]:
    coach = Coach(database.sessions, planner, clock=lambda: at)
    return await coach.handle(Sender(CHAT, CHAT, "Ana"), Button(encode(Action.SNOOZE, day, how)))


async def test_snooze_an_hour_sends_the_same_reminder_again(
    database: Database, planner: Planner
) -> None:
    sender = await reminded(database, planner)
    (reply,) = await press(database, planner, DUE + timedelta(minutes=10), Snooze.HOUR)
    assert reply.toast == "Snoozed until 08:10"
    assert reply.edit
    assert "Snoozed until 08:10" in reply.text
    assert "Good morning, Ana" in reply.text
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.next_attempt_at) == (
        DeliveryStatus.PENDING,
        DUE + timedelta(minutes=70),
    )
    await send(database.sessions, sender, planner, DUE + timedelta(minutes=69))
    assert len(sender.sent) == 1
    await send(database.sessions, sender, planner, DUE + timedelta(minutes=70))
    await send(database.sessions, sender, planner, DUE + timedelta(minutes=90))
    assert [d.local_date for d in sender.sent] == [TODAY, TODAY]
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.attempts, row.message_id) == (DeliveryStatus.SENT, 1, 2)


async def test_snooze_until_the_evening(database: Database, planner: Planner) -> None:
    await reminded(database, planner)
    (reply,) = await press(database, planner, DUE + timedelta(minutes=5), Snooze.EVENING)
    assert reply.toast == "Snoozed until 18:00"
    (row,) = await deliveries_of(database.sessions)
    assert row.next_attempt_at == datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
    late = datetime(2026, 3, 2, 17, 30, tzinfo=UTC)  # 18:30 local: the evening has begun
    (reply,) = await press(database, planner, late, Snooze.EVENING)
    assert reply.toast == "Snoozed until 19:30"
    (row,) = await deliveries_of(database.sessions)
    assert row.next_attempt_at == late + timedelta(hours=1)


async def test_stale_snoozes_get_a_polite_toast(database: Database, planner: Planner) -> None:
    async with database.sessions() as session, session.begin():
        await add_runner(session, CHAT, now=START)
    (reply,) = await press(database, planner, DUE - timedelta(minutes=30), Snooze.HOUR)
    assert reply.toast is not None
    assert "no reminder" in reply.toast
    await plan_due(database.sessions, DUE)
    await send(database.sessions, FakeSender(), planner, DUE)
    yesterday = TODAY - timedelta(days=1)
    (reply,) = await press(database, planner, DUE, Snooze.HOUR, day=yesterday)
    assert reply.toast is not None
    assert "another day" in reply.toast
    assert not reply.edit
    (row,) = await deliveries_of(database.sessions)
    assert row.status is DeliveryStatus.SENT
    async with database.sessions() as session, session.begin():
        await log_completion(
            session, row.runner_id, Completion(TODAY, Category.MOBILITY, "early"), DUE
        )
    (reply,) = await press(database, planner, DUE, Snooze.EVENING)
    assert reply.toast is not None
    assert "Already logged" in reply.toast
    (row,) = await deliveries_of(database.sessions)
    assert row.status is DeliveryStatus.SENT


async def test_a_snoozed_reminder_is_skipped_once_the_session_is_logged(
    database: Database, planner: Planner
) -> None:
    sender = await reminded(database, planner)
    await press(database, planner, DUE + timedelta(minutes=1), Snooze.HOUR)
    (row,) = await deliveries_of(database.sessions)
    async with database.sessions() as session, session.begin():
        done = Completion(TODAY, Category.MOBILITY, "early")
        await log_completion(session, row.runner_id, done, DUE + timedelta(minutes=30))
    report = await send(database.sessions, sender, planner, DUE + timedelta(hours=2))
    assert (report.sent, report.skipped, len(sender.sent)) == (0, 1, 1)
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.last_error) == (DeliveryStatus.SKIPPED, "already logged")
