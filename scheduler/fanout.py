"""The fan-out: find runners whose reminder fell due, claim one message each, move them on.

Claims are committed before anything is sent (``scheduler.sender`` sends them), so a
restart between the two neither repeats nor drops a reminder.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.timing import Due, due_status, local_date_of, next_checkin, next_occurrence
from bot.storage import deliveries, schedule
from bot.storage.deliveries import ClaimRequest
from bot.storage.models import DeliveryKind, DeliveryStatus
from bot.storage.schedule import DueRunner

__all__ = [
    "CLAIM_STATUS",
    "DEFAULT_BATCH",
    "DEFAULT_GRACE",
    "backfill",
    "plan_due",
]

DEFAULT_GRACE = timedelta(hours=3)
DEFAULT_BATCH = 1000
#: A safety stop: batches one ``plan_due`` call runs at most.
MAX_BATCHES = 10_000
#: How a due message is claimed, by its fate (a skipped claim keeps the day from sending).
CLAIM_STATUS: dict[Due, tuple[DeliveryStatus, str | None]] = {
    Due.SEND: (DeliveryStatus.PENDING, None),
    Due.MISSED: (DeliveryStatus.MISSED, "due while the bot was down"),
    Due.PAUSED: (DeliveryStatus.SKIPPED, "paused"),
}


async def backfill(
    sessions: async_sessionmaker[AsyncSession], now: datetime, limit: int = DEFAULT_BATCH
) -> int:
    """Schedule runners with a reminder but no next one, and active, onboarded runners
    without a next check-in (set up before the scheduler, finished onboarding, or back
    from inactive); how many runners were scheduled. Cheap enough to run every pass.

    ``limit`` runners per transaction, read as plain columns: a first start with 100,000
    runners to schedule neither holds them all in memory nor the database for long.
    """
    scheduled: set[int] = set()
    for _ in range(MAX_BATCHES):
        async with sessions() as session, session.begin():
            found = await schedule.unscheduled_reminders(session, limit)
            changes = [(runner, next_occurrence(at, zone, now)) for runner, at, zone in found]
            await schedule.set_next_reminders(session, changes)
        scheduled.update(runner for runner, _, _ in found)
        if len(found) < limit:
            break
    for _ in range(MAX_BATCHES):
        async with sessions() as session, session.begin():
            checkins = await schedule.unscheduled_checkins(session, limit)
            moves = [(runner, next_checkin(zone, now)) for runner, zone in checkins]
            await schedule.set_next_checkins(session, moves)
        scheduled.update(runner for runner, _ in checkins)
        if len(checkins) < limit:
            break
    return len(scheduled)


async def plan_due(
    sessions: async_sessionmaker[AsyncSession],
    now: datetime,
    grace: timedelta = DEFAULT_GRACE,
    instance: str = "hipcoach",
    limit: int = DEFAULT_BATCH,
) -> int:
    """Claim the morning reminders due at ``now``, ``limit`` runners per transaction.

    Per runner: reminders off → unscheduled; inactive → moved on without a claim; due
    longer ago than ``grace`` → claimed as missed; paused or the day's session already
    logged → claimed as skipped; else claimed pending. Returns the claims made.
    """
    made = 0
    for _ in range(MAX_BATCHES):
        async with sessions() as session, session.begin():
            due = await schedule.due_runners(session, now, limit)
            made += await _plan_batch(session, due, now, grace, instance)
        if not due:  # a runner moved on from a miss may be due again (within grace)
            break
    return made


async def _plan_batch(
    session: AsyncSession,
    due: Sequence[DueRunner],
    now: datetime,
    grace: timedelta,
    instance: str,
) -> int:
    """Claim and move on one batch of due runners inside the caller's transaction."""
    wanted = [
        (runner.id, local_date_of(runner.due_at, runner.timezone))
        for runner in due
        if runner.reminder_time is not None and runner.active
    ]
    logged = await deliveries.logged_dates(session, wanted)
    requests: list[ClaimRequest] = []
    changes: list[tuple[int, datetime | None]] = []
    for runner in due:
        at = runner.reminder_time
        if at is None:
            changes.append((runner.id, None))
            continue
        when = runner.due_at
        day = local_date_of(when, runner.timezone)
        found = due_status(when, now, grace, runner.paused_until, day)
        changes.append((runner.id, next_occurrence(at, runner.timezone, found.after)))
        if not runner.active:
            continue
        status, reason = CLAIM_STATUS[found.fate]
        if found.fate is Due.SEND and (runner.id, day) in logged:
            status, reason = DeliveryStatus.SKIPPED, "already logged"
        requests.append(ClaimRequest(runner.id, day, DeliveryKind.MORNING, when, status, reason))
    ids = await deliveries.claim_many(session, requests, instance)
    await schedule.set_next_reminders(session, changes)
    return len(ids)
