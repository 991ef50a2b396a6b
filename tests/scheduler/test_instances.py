"""Two scheduler instances on one database send every reminder exactly once.

They also claim one PHASE message per phase change and one check-in per runner and week.

Runs on SQLite and, with HIPCOACH_TEST_POSTGRES_URL, on PostgreSQL, where the instances
share the work through ``FOR UPDATE SKIP LOCKED`` and ``ON CONFLICT DO NOTHING`` claims.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.planner import Planner
from bot.storage.engine import make_engine, make_session_factory
from bot.storage.models import DeliveryKind, DeliveryRow, DeliveryStatus, PhaseHistoryRow
from scheduler.checkin import plan_checkins
from scheduler.fanout import plan_due
from scheduler.messages import ReminderComposer
from scheduler.phase_pass import PhasePass
from scheduler.sender import Delivery, SendKind, SendResult, send_pending
from tests.scheduler.helpers import add_runner
from tests.storage.conftest import Database

START = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
RUNNERS = 500
SATURDAY = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)


async def instance(
    name: str,
    sessions: async_sessionmaker[AsyncSession],
    planner: Planner,
    sent: Counter[int],
    by: Counter[str],
) -> None:
    """One process: a few scheduler ticks of fan-out then sending."""

    async def sender(delivery: Delivery) -> SendResult:
        await asyncio.sleep(0)  # let the other instance run mid-batch
        sent[delivery.chat_id] += 1
        by[name] += 1
        return SendResult(SendKind.SENT, message_id=sent.total())

    for tick in range(3):
        # both instances share one clock in life: ticks closer than a lease (15 s), so
        # neither sees the other's live leases as lapsed
        now = DUE + timedelta(seconds=5 * tick)
        await plan_due(sessions, now, instance=name, limit=37)
        await send_pending(
            sessions,
            sender,
            now,
            compose=ReminderComposer(planner),
            instance=name,
            batch=23,
        )


async def test_two_instances_send_each_reminder_once(database: Database, planner: Planner) -> None:
    async with database.sessions() as session, session.begin():
        for chat in range(RUNNERS):
            await add_runner(session, 100_000 + chat, now=START)
    engines = [make_engine(database.url) for _ in range(2)]
    sent: Counter[int] = Counter()
    by: Counter[str] = Counter()
    try:
        await asyncio.gather(
            *(
                instance(f"host-{n}", make_session_factory(engine), planner, sent, by)
                for n, engine in enumerate(engines)
            )
        )
    finally:
        for engine in engines:
            await engine.dispose()
    assert len(sent) == RUNNERS
    assert set(sent.values()) == {1}
    async with database.sessions() as session:
        result = await session.execute(
            select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
        )
        statuses = dict(result.all())
    assert statuses == {DeliveryStatus.SENT: RUNNERS}
    if database.dialect == "postgresql":
        assert min(by.values()) > 0, by  # both instances did part of the work


SUNDAY_EVENING = datetime(2026, 3, 8, 18, 0, 5, tzinfo=UTC)  # 19:00 in Berlin; base ends today


async def test_two_instances_claim_one_phase_and_one_checkin_per_runner(
    database: Database,
) -> None:
    async with database.sessions() as session, session.begin():
        for chat in range(60):
            await add_runner(
                session, 200_000 + chat, at=None, now=SATURDAY, started=date(2026, 3, 1)
            )
    engines = [make_engine(database.url) for _ in range(2)]

    async def passes(name: str, sessions: async_sessionmaker[AsyncSession]) -> None:
        phases = PhasePass(name, batch=7)
        for tick in range(3):
            now = SUNDAY_EVENING + timedelta(seconds=20 * tick)
            await phases.run(sessions, now)
            await plan_checkins(sessions, now, instance=name, limit=11)

    try:
        await asyncio.gather(
            *(passes(f"host-{n}", make_session_factory(e)) for n, e in enumerate(engines))
        )
    finally:
        for engine in engines:
            await engine.dispose()
    async with database.sessions() as session:
        result = await session.execute(
            select(
                DeliveryRow.kind, func.count(), func.count(DeliveryRow.runner_id.distinct())
            ).group_by(DeliveryRow.kind)
        )
        counts = {kind: (rows, runners) for kind, rows, runners in result.all()}
        history = await session.scalar(
            select(func.count())
            .select_from(PhaseHistoryRow)
            .where(PhaseHistoryRow.reason != "test")
        )
    assert counts == {DeliveryKind.PHASE: (60, 60), DeliveryKind.CHECKIN: (60, 60)}
    assert history == 60
