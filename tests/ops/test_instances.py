"""Three ``hipcoach run`` instances on one PostgreSQL database, behind a real nginx.

Runners chat through nginx (round robin) concurrently, while reminders fall due for many
others at once, so the three schedulers race for them. Like Telegram, the test sends a chat's
next update only once the previous one was answered (that is where per-runner order is
promised: within an instance updates of a chat are also serialised, across instances only
the sender's wait orders them), redelivers an update that got no 200, and now and then
delivers an update twice at the same moment. Expected: every update answered exactly once,
in order per runner, every reminder sent exactly once, all three instances used.

Needs HIPCOACH_TEST_POSTGRES_URL and nginx (skips without them; ``.ci/run`` has both).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import func, select

from bot.storage.engine import make_engine, make_session_factory
from bot.storage.models import DeliveryKind, DeliveryRow, DeliveryStatus, Runner
from tests.fakebotapi.server import FakeBotAPI
from tests.ops.processes import (
    PATH,
    bot_env,
    free_port,
    get,
    nginx_binary,
    post_update,
    running_bot,
    running_nginx,
    serving,
    wait_for,
)
from tests.scheduler.helpers import add_runner
from tests.storage.conftest import (
    create_postgres_database,
    drop_postgres_database,
    postgres_server_url,
)

INSTANCES = 3
CHATTING = 40  # runners chatting, five updates each
DUE = 120  # runners whose reminder is due at once
CHAT_BASE, DUE_BASE = 610_000, 620_000
REDELIVERIES = 8  # Telegram keeps trying; far more than the test ever needs
_OK = re.compile(r'^hipcoach_updates_total\{outcome="ok"\} (\S+)$', re.MULTILINE)


async def deliver(http: aiohttp.ClientSession, url: str, update: dict[str, Any]) -> int:
    """Post until a 200, as Telegram does; the number of posts it took."""
    for attempt in range(1, REDELIVERIES + 1):
        if await post_update(http, url, update) == 200:
            return attempt
        await asyncio.sleep(0.2 * attempt)
    raise AssertionError(f"update {update['update_id']} was never acknowledged")


async def chat(api: FakeBotAPI, http: aiohttp.ClientSession, url: str, n: int, hour: int) -> int:
    """One runner's five updates, each sent once the previous was answered; 200s received."""
    user = api.user(CHAT_BASE + n, f"Runner{n}")
    texts = ["/help", *(f"/remind {hour:02d}:{10 + k:02d}" for k in range(3)), "/settings"]
    acknowledged = 0
    for step, text in enumerate(texts):
        update = await user.send_text(text)
        copies = 2 if (n + step) % 7 == 0 else 1  # a redelivery racing the original
        await asyncio.gather(*(deliver(http, url, update) for _ in range(copies)))
        acknowledged += copies
    return acknowledged


async def add_due_runners(url: str, api: FakeBotAPI) -> None:
    """DUE runners whose morning reminder fell due two minutes ago."""
    now = datetime.now(UTC)
    due = (now - timedelta(minutes=2)).replace(second=0, microsecond=0)
    engine = make_engine(url)
    try:
        async with make_session_factory(engine)() as session, session.begin():
            for n in range(DUE):
                api.user(DUE_BASE + n, f"Early{n}")
                await add_runner(
                    session,
                    DUE_BASE + n,
                    at=time(due.hour, due.minute),
                    zone="UTC",
                    now=now - timedelta(minutes=5),
                    started=now.date() - timedelta(days=3),
                )
    finally:
        await engine.dispose()


async def deliveries_by_runner(url: str) -> dict[int, list[tuple[DeliveryKind, DeliveryStatus]]]:
    engine = make_engine(url)
    try:
        async with make_session_factory(engine)() as session:
            rows = await session.execute(
                select(Runner.telegram_id, DeliveryRow.kind, DeliveryRow.status).join(
                    Runner, Runner.id == DeliveryRow.runner_id
                )
            )
            found: dict[int, list[tuple[DeliveryKind, DeliveryStatus]]] = {}
            for telegram_id, kind, status in rows:
                found.setdefault(telegram_id, []).append((kind, status))
            return found
    finally:
        await engine.dispose()


async def count_deliveries(url: str) -> dict[DeliveryStatus, int]:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
            )
            return {DeliveryStatus(status): int(count) for status, count in rows}
    finally:
        await engine.dispose()


async def test_instances_behind_nginx_answer_once_and_remind_once(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    nginx_binary()  # skip before creating anything when nginx is missing
    url = await create_postgres_database(postgres_server_url())
    try:
        async with (
            asyncio.timeout(120),
            aiohttp.ClientSession() as http,
            contextlib.AsyncExitStack() as stack,
        ):
            ports = [free_port() for _ in range(INSTANCES)]
            bots = [
                await stack.enter_async_context(
                    running_bot(
                        fake_api.token,
                        bot_env(fake_api.base_url, url, port, SCHEDULER_INTERVAL_SECONDS="1"),
                        tmp_path,
                    )
                )
                for port in ports  # started together: they migrate once, under the lock
            ]
            await serving(bots, http)
            proxy = await stack.enter_async_context(running_nginx(ports))
            await asyncio.sleep(1.5)  # every scheduler has made its first (empty) pass
            await add_due_runners(url, fake_api)

            hour = (datetime.now(UTC) + timedelta(hours=12)).hour  # reminders far from now
            acknowledged = await asyncio.gather(
                *(chat(fake_api, http, f"{proxy}{PATH}", n, hour) for n in range(CHATTING))
            )

            async def reminders_done() -> bool:
                counts = await count_deliveries(url)
                return counts.get(DeliveryStatus.SENT, 0) >= DUE and not counts.get(
                    DeliveryStatus.PENDING
                )

            await wait_for(reminders_done, "every reminder to be sent", within=40, pause=0.3)
            await asyncio.sleep(2)  # a duplicate would have time to arrive
            handled = [await get(http, f"{bot.base}/metrics") for bot in bots]
            assert all(bot.process.returncode is None for bot in bots)
            by_runner = await deliveries_by_runner(url)
    finally:
        await drop_postgres_database(url)

    for n in range(CHATTING):
        texts = [m.plain_text for m in fake_api.sent_messages(CHAT_BASE + n)]
        assert len(texts) == 5, (n, texts)  # one reply per update, duplicates answered once
        assert "/today" in texts[0]
        for k in range(3):
            assert f"{hour:02d}:{10 + k:02d}" in texts[1 + k], (n, texts)
        assert "Your settings" in texts[4]
        assert f"{hour:02d}:12" in texts[4], texts[4]  # the last /remind was applied last

    for n in range(DUE):
        assert len(fake_api.sent_messages(DUE_BASE + n)) == 1, n
        assert by_runner[DUE_BASE + n] == [(DeliveryKind.MORNING, DeliveryStatus.SENT)]

    per_instance = [float(_OK.search(text).group(1)) for _, text in handled]  # type: ignore[union-attr]
    assert sum(per_instance) == sum(acknowledged)  # each 200 counted once, by one instance
    assert min(per_instance) > 0, per_instance  # nginx spread the load over all instances
    for bot in bots:
        levels = [json.loads(line)["level"] for line in bot.log().splitlines() if line]
        assert "ERROR" not in levels, bot.log()
        assert fake_api.token not in bot.log()
