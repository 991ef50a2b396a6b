"""The scheduler at scale: 100,000 runners due in the same minute, on one core.

Rounds:

1. bulk-insert N runners (default 100,000) with a 07:00 reminder in a spread of zones,
   every one due at the same instant;
2. ``plan_due``: find and claim them all (batches of 1,000 per transaction);
3. compose (plan + render) every claim, as the sender does, without sending;
4. ``send_pending`` against an unthrottled fake sender: messages per second, end to end;
5. ``send_pending`` through the real 30/s send window (``bot.telegram.pacing``) for ~10 s
   (300 claims), with a fake Telegram that takes 50 ms per call: messages per second
   (``bench/bench_pacing.py`` runs a fan-out against a fake Bot API that enforces the limit).

Every round checks that no claim was lost or sent twice. Prints peak RSS.

Run: ``.venv/bin/python bench/bench_scheduler.py [--runners 100000] [--url URL]``
(default: a fresh SQLite file in a temporary folder; ``--url`` takes a migrated-on-the-fly
PostgreSQL database such as ``postgresql+asyncpg://postgres@127.0.0.1/bench``).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import resource
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.content import load_content
from bot.core.planner import Planner
from bot.core.timing import occurrence_on
from bot.storage import deliveries
from bot.storage.deliveries import PendingClaim
from bot.storage.engine import make_engine, make_session_factory
from bot.storage.migrate import upgrade
from bot.storage.models import (
    BodyReportRow,
    CompletionRow,
    DeliveryRow,
    DeliveryStatus,
    PhaseStateRow,
    Runner,
)
from bot.telegram.pacing import SendWindow
from scheduler.fanout import plan_due
from scheduler.messages import ReminderComposer
from scheduler.sender import Delivery, SendKind, SendResult, send_pending

DAY = date(2026, 3, 2)
AT = clock_time(7, 0)
ZONES = ("Europe/Berlin", "Europe/London", "UTC", "Africa/Lagos", "Europe/Paris")
CHUNK = 5_000
LEVELS = ("beginner", "intermediate", "advanced")
KITS = ([], ["band"], ["band", "step"], ["small_weights", "wall"], ["band", "step", "wall"])
SESSIONS = {
    level: [
        (template.category.value, template.id)
        for template in load_content().sessions.values()
        if template.level.value == level
    ]
    for level in LEVELS
}


async def populate(
    sessions: async_sessionmaker[AsyncSession], count: int, first: int, *, varied: bool = False
) -> None:
    """Insert ``count`` onboarded runners, all due at 07:00 Berlin on DAY.

    Uniform: one level, no kit, no logs, one name, so nearly every plan and message repeats.
    ``varied``: levels and kit mixed, a name each, ten days of logs and some body reports
    per runner, so nearly every plan's inputs differ (the planner's cache rarely helps).
    """
    due = occurrence_on(DAY, AT, "Europe/Berlin")
    created = datetime(2026, 1, 1, tzinfo=UTC)
    for start in range(0, count, CHUNK):
        ids = range(first + start, first + min(start + CHUNK, count))
        runners = [
            {
                "id": i,
                "telegram_id": 10_000_000 + i,
                "first_name": f"Runner {i}" if varied else "Runner",
                "level": LEVELS[i % len(LEVELS)] if varied else "intermediate",
                "desk_job": i % 2 == 0,
                "equipment": KITS[i % len(KITS)] if varied else [],
                "rest_days": [],
                "dynamic_days": 2,
                "timezone": ZONES[i % len(ZONES)],
                "reminder_time": AT,
                "active": True,
                "onboarded": True,
                "created_at": created,
                "next_reminder_at": due,
            }
            for i in ids
        ]
        states = [
            {
                "runner_id": i,
                "phase": "base" if i % 2 else "dynamic_block",
                "started_on": DAY - timedelta(days=i % 30),
                "block_number": 1,
                "block_weeks": 7,
                "race_weeks_before": 3,
                "held_areas": [],
                "newcomer": False,
                "updated_at": created,
            }
            for i in ids
        ]
        async with sessions() as session, session.begin():
            await session.execute(insert(Runner), runners)
            await session.execute(insert(PhaseStateRow), states)
            if varied:
                logs, reports = _records(ids, runners)
                await session.execute(insert(CompletionRow), logs)
                if reports:
                    await session.execute(insert(BodyReportRow), reports)


def _records(
    ids: range, runners: list[dict[str, object]]
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Ten days of logs per runner (some skipped, some not logged) and a report for 1 in 5."""
    logs: list[dict[str, object]] = []
    reports: list[dict[str, object]] = []
    for i, runner in zip(ids, runners, strict=True):
        pick = random.Random(i)
        level = str(runner["level"])
        for back in range(1, 11):
            if pick.random() < 0.3:
                continue  # not logged: counts as done as planned
            category, session_id = pick.choice(SESSIONS[level])
            done = pick.random() < 0.85
            logs.append(
                {
                    "runner_id": i,
                    "local_date": DAY - timedelta(days=back),
                    "session_id": session_id,
                    "category": category,
                    "status": "done" if done else "skipped",
                    "rpe": pick.randint(3, 8) if done else None,
                    "logged_at": datetime(2026, 1, 1, tzinfo=UTC),
                }
            )
        if pick.random() < 0.2:
            reports.append(
                {
                    "runner_id": i,
                    "local_date": DAY - timedelta(days=pick.randint(0, 2)),
                    "reported_at": datetime(2026, 1, 1, tzinfo=UTC),
                    "area": pick.choice(("calves", "hamstrings", "knee", "hip_flexors")),
                    "side": pick.choice(("left", "right", "none")),
                    "kind": pick.choice(("tightness", "soreness")),
                    "severity": pick.randint(2, 6),
                    "red_flags": [],
                    "text": "sore",
                }
            )
    return logs, reports


async def compose_all(sessions: async_sessionmaker[AsyncSession], planner: Planner) -> int:
    """Compose every pending claim (read-only), 1,000 at a time; how many messages."""
    composer = ReminderComposer(planner)
    composed, last = 0, 0
    # the claim's own columns (a lapsed lease is what pending_deliveries works out)
    columns = [getattr(DeliveryRow, n) for n in PendingClaim.__slots__ if hasattr(DeliveryRow, n)]
    async with sessions() as session:
        while True:
            rows = [
                PendingClaim(*row)
                for row in await session.execute(
                    select(*columns)
                    .where(DeliveryRow.status == DeliveryStatus.PENDING, DeliveryRow.id > last)
                    .order_by(DeliveryRow.id)
                    .limit(1000)
                )
            ]
            if not rows:
                return composed
            out = await composer(session, rows, datetime.now(UTC))
            composed += sum(isinstance(item, Delivery) for item in out.values())
            last = rows[-1].id


async def status_counts(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    async with sessions() as session:
        result = await session.execute(
            select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
        )
        return {str(status): count for status, count in result}


def counting_sender(sent: Counter[int], latency: float = 0.0):  # type: ignore[no-untyped-def]
    message_ids = itertools.count(1)  # not sent.total(): that sums the whole Counter per call

    async def send(delivery: Delivery) -> SendResult:
        if latency:
            await asyncio.sleep(latency)
        sent[delivery.chat_id] += 1
        return SendResult(SendKind.SENT, message_id=next(message_ids))

    return send


async def paced_round(
    sessions: async_sessionmaker[AsyncSession], planner: Planner, now: datetime, first: int
) -> None:
    """300 more claims through the real 30/s send window, a fake Telegram of 50 ms a call."""
    sent: Counter[int] = Counter()
    window, send = SendWindow(30, 1), counting_sender(sent, latency=0.05)

    async def paced_send(delivery: Delivery) -> SendResult:
        async with window.slot(delivery.chat_id, bulk=True):
            return await send(delivery)

    paced = 300
    await populate(sessions, paced, first)  # due at the same 07:00
    assert await plan_due(sessions, now, instance="bench") == paced
    started = time.perf_counter()
    report = await send_pending(
        sessions,
        paced_send,
        now,
        compose=ReminderComposer(planner),
        instance="bench",
        batch=100,
        concurrency=32,
    )
    paced_s = time.perf_counter() - started
    print(
        f"send at 30/s: {report.sent} in {paced_s:.2f} s = {report.sent / paced_s:.1f} msgs/s "
        f"(target >= 28; fake Telegram 50 ms per call)"
    )
    assert len(sent) == report.sent == paced
    assert set(sent.values()) == {1}
    async with sessions() as session, session.begin():
        left = await deliveries.pending_deliveries(session, now + timedelta(hours=1), 10)
    print(f"  pending left: {len(left)}; lost or duplicated: none")


async def main(runners: int, url: str | None, *, varied: bool) -> None:
    folder = tempfile.TemporaryDirectory()
    url = url or f"sqlite+aiosqlite:///{Path(folder.name) / 'bench.db'}"
    await upgrade(url)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    planner = Planner(load_content())
    try:
        async with engine.begin() as connection:
            tables = "deliveries, completions, body_reports, phase_states, runners"
            if engine.dialect.name == "postgresql":
                await connection.execute(text(f"TRUNCATE {tables} CASCADE"))
        started = time.perf_counter()
        await populate(sessions, runners, 1, varied=varied)
        population = "varied: mixed levels, kit, names, logs, reports" if varied else "uniform"
        print(
            f"insert: {runners:,} runners ({population}) in {time.perf_counter() - started:.1f} s"
        )

        now = occurrence_on(DAY, AT, "Europe/Berlin")
        assert now is not None
        now += timedelta(seconds=10)
        started = time.perf_counter()
        claimed = await plan_due(sessions, now, instance="bench")
        plan_s = time.perf_counter() - started
        print(f"find + claim: {claimed:,} in {plan_s:.2f} s = {claimed / plan_s:,.0f}/s")
        assert claimed == runners, claimed

        started = time.perf_counter()
        composed = await compose_all(sessions, planner)
        compose_s = time.perf_counter() - started
        print(f"render: {composed:,} messages in {compose_s:.2f} s = {composed / compose_s:,.0f}/s")
        total = plan_s + compose_s
        print(f"find + claim + render: {total:.2f} s (target < 20 s)")

        sent: Counter[int] = Counter()
        started = time.perf_counter()
        report = await send_pending(
            sessions,
            counting_sender(sent),
            now,
            compose=ReminderComposer(planner),
            instance="bench",
            batch=1000,
            concurrency=256,
        )
        send_s = time.perf_counter() - started
        print(
            f"send, unthrottled: {report.sent:,} in {send_s:.2f} s = "
            f"{report.sent / send_s:,.0f} msgs/s (target >= 1,000; compose + record included)"
        )
        assert len(sent) == report.sent == composed
        assert set(sent.values()) == {1}
        print(f"  statuses: {await status_counts(sessions)}")

        await paced_round(sessions, planner, now, runners + 1)
    finally:
        await engine.dispose()
        folder.cleanup()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:,.0f} MiB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runners", type=int, default=100_000)
    parser.add_argument("--url", default=None)
    parser.add_argument(
        "--uniform", action="store_true", help="identical runners without logs (plans repeat)"
    )
    args = parser.parse_args()
    asyncio.run(main(args.runners, args.url, varied=not args.uniform))
