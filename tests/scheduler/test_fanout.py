"""Fan-out and sending on a fake clock: claims, skips, grace, retries, restarts, DST weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.core.planner import Planner
from bot.core.records import Completion
from bot.core.vocabulary import Category
from bot.presentation.callbacks import Action, decode
from bot.storage import deliveries
from bot.storage.engine import make_engine, make_session_factory
from bot.storage.models import DeliveryKind, DeliveryStatus, Runner
from bot.storage.records import log_completion
from bot.storage.schedule import reschedule
from scheduler.fanout import plan_due
from scheduler.sender import MAX_ATTEMPTS, SendKind, SendResult
from tests.scheduler.helpers import FakeSender, add_runner, deliveries_of, hours, send
from tests.storage.conftest import Database

# Monday 2 March 2026, 05:00 UTC = 06:00 in Berlin; the 07:00 reminder is due at 06:00 UTC.
START = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
CHAT = 5001


async def one_runner(database: Database, **options: object) -> Runner:
    async with database.sessions() as session, session.begin():
        return await add_runner(session, CHAT, now=START, **options)  # type: ignore[arg-type]


async def test_a_due_reminder_is_claimed_once_and_sent_once(
    database: Database, planner: Planner
) -> None:
    await one_runner(database)
    assert await plan_due(database.sessions, DUE - timedelta(seconds=1)) == 0
    assert await plan_due(database.sessions, DUE + timedelta(seconds=5)) == 1
    assert await plan_due(database.sessions, DUE + timedelta(seconds=25)) == 0
    sender = FakeSender()
    report = await send(database.sessions, sender, planner, DUE + timedelta(seconds=5))
    assert (report.sent, report.failed) == (1, 0)
    (delivery,) = sender.sent
    assert delivery.chat_id == CHAT
    assert delivery.local_date == date(2026, 3, 2)
    assert "Good morning, Ana" in delivery.text
    assert "min" in delivery.text
    actions = [decode(data).action for row in delivery.rows for _, data in row]  # type: ignore[union-attr]
    assert actions == [Action.DONE, Action.SKIP, Action.SNOOZE, Action.SNOOZE]
    await send(database.sessions, sender, planner, DUE + timedelta(minutes=10))
    assert len(sender.calls) == 1
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.kind, row.message_id, row.attempts) == (
        DeliveryStatus.SENT,
        DeliveryKind.MORNING,
        1,
        1,
    )
    async with database.sessions() as session:
        runner = (await session.scalars(select(Runner))).one()
    assert runner.next_reminder_at == DUE + timedelta(days=1)


async def test_a_session_already_logged_is_skipped(database: Database, planner: Planner) -> None:
    runner = await one_runner(database)
    async with database.sessions() as session, session.begin():
        done = Completion(date(2026, 3, 2), Category.MOBILITY, "early-bird")
        await log_completion(session, runner.id, done, START)
    await plan_due(database.sessions, DUE)
    sender = FakeSender()
    await send(database.sessions, sender, planner, DUE)
    assert sender.calls == []
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.last_error) == (DeliveryStatus.SKIPPED, "already logged")


async def test_a_log_for_yesterday_leaves_todays_reminder_due(
    database: Database, planner: Planner
) -> None:
    """ "Did it yesterday" is logged on yesterday (issue 13): today's reminder still goes."""
    runner = await one_runner(database)
    async with database.sessions() as session, session.begin():
        yesterday = Completion(date(2026, 3, 1), Category.MOBILITY, "early-bird")
        await log_completion(session, runner.id, yesterday, START)
    await plan_due(database.sessions, DUE)
    sender = FakeSender()
    report = await send(database.sessions, sender, planner, DUE)
    assert (report.sent, report.skipped) == (1, 0)


async def test_logging_between_claim_and_send_skips_at_send_time(
    database: Database, planner: Planner
) -> None:
    runner = await one_runner(database)
    await plan_due(database.sessions, DUE)
    async with database.sessions() as session, session.begin():
        done = Completion(date(2026, 3, 2), Category.MOBILITY, "early-bird")
        await log_completion(session, runner.id, done, DUE)
    sender = FakeSender()
    report = await send(database.sessions, sender, planner, DUE)
    assert (report.sent, report.skipped, sender.calls) == (0, 1, [])


async def test_a_paused_runner_is_skipped(database: Database, planner: Planner) -> None:
    runner = await one_runner(database)
    async with database.sessions() as session, session.begin():
        await session.get(Runner, runner.id)
        stored = await session.get(Runner, runner.id)
        assert stored is not None
        stored.paused_until = date(2026, 3, 10)
    await plan_due(database.sessions, DUE)
    sender = FakeSender()
    await send(database.sessions, sender, planner, DUE)
    assert sender.calls == []
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.last_error) == (DeliveryStatus.SKIPPED, "paused")


async def test_reminders_off_means_nothing(database: Database, planner: Planner) -> None:
    await one_runner(database, at=None)
    async with database.sessions() as session, session.begin():
        late = await add_runner(session, CHAT + 1, now=START)
        late.reminder_time = None  # turned off without a reschedule
    assert await plan_due(database.sessions, DUE + hours(1)) == 0
    assert await deliveries_of(database.sessions) == []
    async with database.sessions() as session:
        assert list(await session.scalars(select(Runner.next_reminder_at))) == [None, None]


async def test_reschedule_follows_time_and_zone_changes(database: Database) -> None:
    runner = await one_runner(database)
    async with database.sessions() as session, session.begin():
        stored = await session.get(Runner, runner.id)
        assert stored is not None
        stored.timezone = "Asia/Kolkata"
        stored.reminder_time = time(6, 30)
        assert await reschedule(session, stored, START) == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
        stored.reminder_time = None
        assert await reschedule(session, stored, START) is None


@pytest.mark.parametrize(("late", "status"), [(2, DeliveryStatus.SENT), (4, DeliveryStatus.MISSED)])
async def test_grace_window_after_downtime(
    database: Database, planner: Planner, late: int, status: DeliveryStatus
) -> None:
    await one_runner(database)
    now = DUE + hours(late)
    await plan_due(database.sessions, now, grace=hours(3))
    sender = FakeSender()
    await send(database.sessions, sender, planner, now)
    (row,) = await deliveries_of(database.sessions)
    assert row.status is status
    assert len(sender.sent) == (status is DeliveryStatus.SENT)
    async with database.sessions() as session:
        runner = (await session.scalars(select(Runner))).one()
    assert runner.next_reminder_at == DUE + timedelta(days=1)


async def test_days_of_downtime_record_one_miss_and_keep_the_latest_in_grace(
    database: Database, planner: Planner
) -> None:
    await one_runner(database)
    now = DUE + timedelta(days=3, hours=1)  # three days down; today's is an hour late
    await plan_due(database.sessions, now, grace=hours(3))
    rows = await deliveries_of(database.sessions)
    assert [(r.local_date.day, r.status) for r in rows] == [
        (2, DeliveryStatus.MISSED),
        (5, DeliveryStatus.PENDING),
    ]


async def test_a_restart_after_the_claims_sends_each_exactly_once(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        for chat in range(50):
            await add_runner(session, 9000 + chat, now=START)
    assert await plan_due(database.sessions, DUE, limit=7) == 50
    # The process dies here; a new one with its own engine starts and resumes the claims.
    engine = make_engine(database.url)
    try:
        fresh = make_session_factory(engine)
        assert await plan_due(fresh, DUE + timedelta(seconds=20)) == 0
        sender = FakeSender()
        report = await send(fresh, sender, planner, DUE + timedelta(seconds=20), batch=9)
        again = await send(fresh, sender, planner, DUE + timedelta(minutes=10))
    finally:
        await engine.dispose()
    assert report.sent == 50
    assert again.sent == 0
    assert sorted(sender.per_chat()) == [9000 + chat for chat in range(50)]
    assert set(sender.per_chat().values()) == {1}


async def test_a_crash_while_sending_is_resumed_at_start(
    database: Database, planner: Planner
) -> None:
    await one_runner(database)
    await plan_due(database.sessions, DUE, instance="host-a")
    async with database.sessions() as session, session.begin():
        rows = await deliveries.pending_deliveries(session, DUE, 10)
        await deliveries.lease(session, [r.id for r in rows], DUE + hours(1), "host-a")
    sender = FakeSender()
    await send(database.sessions, sender, planner, DUE + timedelta(minutes=1))
    assert sender.calls == []  # leased by the dead process
    async with database.sessions() as session, session.begin():
        assert await deliveries.release_leases(session, "host-a", DUE + timedelta(minutes=1)) == 1
    await send(database.sessions, sender, planner, DUE + timedelta(minutes=1))
    assert len(sender.sent) == 1


async def test_a_429_storm_delays_but_never_drops_or_repeats(
    database: Database, planner: Planner
) -> None:
    await one_runner(database)
    await plan_due(database.sessions, DUE)
    sender = FakeSender()
    storm = SendResult(SendKind.RETRY_AFTER, retry_after=7, error="429")
    sender.then(CHAT, *[storm] * 6)
    now = DUE
    for _ in range(10):
        await send(database.sessions, sender, planner, now)
        now += timedelta(seconds=7)
    assert len(sender.calls) == 7
    assert len(sender.sent) == 1
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.attempts) == (DeliveryStatus.SENT, 1)


async def test_a_retry_after_is_not_sent_again_before_it_ends(
    database: Database, planner: Planner
) -> None:
    await one_runner(database)
    await plan_due(database.sessions, DUE)
    sender = FakeSender()
    sender.then(CHAT, SendResult(SendKind.RETRY_AFTER, retry_after=30))
    await send(database.sessions, sender, planner, DUE)
    await send(database.sessions, sender, planner, DUE + timedelta(seconds=29))
    assert len(sender.calls) == 1
    await send(database.sessions, sender, planner, DUE + timedelta(seconds=30))
    assert len(sender.sent) == 1


async def test_a_502_is_retried_with_backoff_then_sent(
    database: Database, planner: Planner
) -> None:
    await one_runner(database)
    await plan_due(database.sessions, DUE)
    sender = FakeSender()
    bad = SendResult(SendKind.TRANSIENT, error="Bad Gateway")
    sender.then(CHAT, bad, bad)
    await send(database.sessions, sender, planner, DUE)
    (row,) = await deliveries_of(database.sessions)
    assert (row.attempts, row.next_attempt_at) == (1, DUE + timedelta(seconds=30))
    await send(database.sessions, sender, planner, DUE + timedelta(seconds=29))
    assert len(sender.calls) == 1
    await send(database.sessions, sender, planner, DUE + timedelta(seconds=30))
    (row,) = await deliveries_of(database.sessions)
    assert (row.attempts, row.next_attempt_at) == (2, DUE + timedelta(seconds=150))
    await send(database.sessions, sender, planner, DUE + timedelta(seconds=150))
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.attempts, len(sender.sent)) == (DeliveryStatus.SENT, 3, 1)


async def test_transient_errors_give_up_after_the_last_attempt(
    database: Database, planner: Planner
) -> None:
    await one_runner(database)
    await plan_due(database.sessions, DUE)
    sender = FakeSender()
    sender.then(CHAT, *[SendResult(SendKind.TRANSIENT, error="timed out")] * 10)
    now = DUE
    for _ in range(8):
        await send(database.sessions, sender, planner, now)
        now += hours(1)
    assert len(sender.calls) == MAX_ATTEMPTS
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.attempts) == (DeliveryStatus.FAILED, MAX_ATTEMPTS)


async def test_forbidden_marks_the_runner_inactive_without_retries(
    database: Database, planner: Planner
) -> None:
    await one_runner(database)
    await plan_due(database.sessions, DUE)
    sender = FakeSender()
    sender.then(CHAT, SendResult(SendKind.FORBIDDEN, error="bot was blocked by the user"))
    await send(database.sessions, sender, planner, DUE)
    await send(database.sessions, sender, planner, DUE + hours(1))
    assert len(sender.calls) == 1
    async with database.sessions() as session:
        runner = (await session.scalars(select(Runner))).one()
    assert runner.active is False
    assert await plan_due(database.sessions, DUE + timedelta(days=1)) == 0
    (row,) = await deliveries_of(database.sessions)
    assert row.status is DeliveryStatus.FAILED


@pytest.mark.parametrize(
    ("zone", "at", "first"),
    [
        ("Europe/Berlin", time(2, 30), date(2026, 3, 26)),
        ("Europe/Berlin", time(2, 30), date(2026, 10, 22)),
        ("America/New_York", time(2, 30), date(2026, 3, 5)),
        ("America/New_York", time(1, 30), date(2026, 10, 29)),
        ("Pacific/Auckland", time(2, 30), date(2026, 4, 2)),
        ("Pacific/Auckland", time(2, 30), date(2026, 9, 24)),
        ("Asia/Kolkata", time(7, 0), date(2026, 3, 26)),
        ("Pacific/Kiritimati", time(6, 0), date(2026, 3, 26)),
    ],
)
async def test_one_reminder_per_local_date_over_a_dst_week(
    database: Database, planner: Planner, zone: str, at: time, first: date
) -> None:
    tz = ZoneInfo(zone)
    start = datetime.combine(first, time(12, 0), tzinfo=tz).astimezone(UTC)
    async with database.sessions() as session, session.begin():
        runner = await add_runner(session, CHAT, at=at, zone=zone, now=start)
    sender = FakeSender()
    now = start
    while now < start + timedelta(days=8):
        # Tick every 20 minutes, as the scheduler would, plus right at each due instant.
        async with database.sessions() as session:
            stored = await session.get(Runner, runner.id)
            assert stored is not None
            assert stored.next_reminder_at is not None
            due = stored.next_reminder_at
        for tick in (due - timedelta(minutes=20), due, due + timedelta(seconds=20)):
            if tick >= now:
                await plan_due(database.sessions, tick)
                await send(database.sessions, sender, planner, tick)
                now = tick
        now += timedelta(minutes=20)
    days = [d.local_date for d in sender.sent]
    assert len(days) >= 8
    assert days == [first + timedelta(days=n) for n in range(1, len(days) + 1)]
    walls = [row.due_at.astimezone(tz) for row in await deliveries_of(database.sessions)]
    assert [w.date() for w in walls] == days
    for wall in walls:
        assert wall.time() == at or wall.time() == time(3, 0)
