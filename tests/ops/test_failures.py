"""``hipcoach run`` (webhook mode) through outages: PostgreSQL restarted or down, Bot API gone.

The PostgreSQL test runs its own cluster (initdb into a temp dir, pg_ctl on a free port), so
restarting it disturbs no other test; it skips when initdb and pg_ctl are not installed.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import select

from bot.storage.engine import make_engine
from bot.storage.models import HandledUpdate, Runner
from tests.fakebotapi.handles import UserHandle
from tests.fakebotapi.server import FakeBotAPI
from tests.ops.cluster import private_postgres
from tests.ops.processes import (
    PATH,
    Bot,
    bot_env,
    free_port,
    get,
    post_update,
    running_bot,
    serving,
    wait_for,
)

RUNNERS = 6
FIRST = 630_000
APOLOGY = "went wrong"


async def remind_all(
    http: aiohttp.ClientSession, bot: Bot, runners: list[UserHandle], minute: int
) -> dict[int, tuple[dict[str, Any], int]]:
    """Every runner sends ``/remind 05:<minute>`` at once; update id -> (update, status)."""
    updates = [await runner.send_text(f"/remind 05:{minute:02d}") for runner in runners]
    statuses = await asyncio.gather(*(post_update(http, f"{bot.base}{PATH}", u) for u in updates))
    return {u["update_id"]: (u, status) for u, status in zip(updates, statuses, strict=True)}


async def redeliver(http: aiohttp.ClientSession, bot: Bot, update: dict[str, Any]) -> None:
    """Post again until a 200, as Telegram does with an update it got no 200 for."""

    async def acknowledged() -> bool:
        return await post_update(http, f"{bot.base}{PATH}", update) == 200

    await wait_for(acknowledged, f"update {update['update_id']} to be acknowledged", 30, 0.3)


async def stored(url: str) -> tuple[set[int], dict[int, str]]:
    """The handled update ids, and each runner's reminder time."""
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            handled = set(await connection.scalars(select(HandledUpdate.update_id)))
            rows = await connection.execute(select(Runner.telegram_id, Runner.reminder_time))
            return handled, {telegram_id: str(at) for telegram_id, at in rows}
    finally:
        await engine.dispose()


async def test_postgres_restart_and_outage_lose_no_acknowledged_update(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    runners = [fake_api.user(FIRST + n, f"Runner{n}") for n in range(RUNNERS)]
    acknowledged: set[int] = set()
    async with (
        asyncio.timeout(150),
        private_postgres() as postgres,
        aiohttp.ClientSession() as http,
    ):
        env = bot_env(fake_api.base_url, postgres.url, free_port(), SCHEDULER_INTERVAL_SECONDS="1")
        async with running_bot(fake_api.token, env, tmp_path) as bot:
            await serving([bot], http)

            first = await remind_all(http, bot, runners, 1)
            assert {status for _, status in first.values()} == {200}
            acknowledged |= set(first)

            # a restart with updates in flight: each is answered 200 or redelivered until it is
            restart = asyncio.create_task(asyncio.to_thread(postgres.restart))
            await asyncio.sleep(0.05)
            during = await remind_all(http, bot, runners, 2)
            await restart
            for update, status in during.values():
                if status != 200:
                    await redeliver(http, bot, update)
            acknowledged |= set(during)

            # down: nothing is acknowledged, the bot stays up and says the database is gone
            await asyncio.to_thread(postgres.stop)
            down = await remind_all(http, bot, runners, 3)
            assert {status for _, status in down.values()} == {500}
            again = await remind_all(http, bot, runners[:2], 3)  # new updates, still down
            assert {status for _, status in again.values()} == {500}
            assert (await get(http, f"{bot.base}/healthz"))[0] == 503
            for update, _ in down.values():  # Telegram redelivers while the database is down
                assert await post_update(http, f"{bot.base}{PATH}", update) == 500
            assert bot.process.returncode is None

            await asyncio.to_thread(postgres.start)
            await serving([bot], http)  # /healthz is 200 again
            for update, _ in [*down.values(), *again.values()]:
                await redeliver(http, bot, update)
            acknowledged |= set(down) | set(again)
            last = await remind_all(http, bot, runners, 4)
            assert {status for _, status in last.values()} == {200}
            acknowledged |= set(last)

            handled, reminders = await stored(postgres.url)
            assert bot.process.returncode is None
            assert await bot.stop() == 0
        log = bot.log()

    assert acknowledged <= handled  # every acknowledged update's effects were committed
    assert reminders == {FIRST + n: "05:04:00" for n in range(RUNNERS)}
    for runner in runners:
        texts = [message.plain_text for message in runner.sent_messages()]
        failed = 2 if runner in runners[:2] else 1  # updates sent while the database was down
        expected = {1: 1, 3: failed, 4: 1}  # a 200 only after the reply; redelivered until one
        for minute, count in expected.items():
            assert sum(f"05:0{minute}" in text for text in texts) == count, texts
        assert sum("05:02" in text for text in texts) <= 1, texts
        # told once per failed update, however often it was redelivered while down
        assert failed <= sum(APOLOGY in text for text in texts) <= failed + 1, texts
    assert "cannot reach the database" in log or "update failed" in log
    assert fake_api.token not in log


class Switch:
    """A TCP forwarder to the fake Bot API that can be switched off (connections refused)."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.port = free_port()
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()

    async def on(self) -> None:
        self._server = await asyncio.start_server(self._pipe, "127.0.0.1", self.port)

    async def off(self) -> None:
        for writer in list(self._open):  # kept-alive connections go too
            writer.close()
        self._open.clear()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            writer.close()
            return
        self._open |= {writer, up_writer}

        async def copy(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, RuntimeError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(copy(reader, up_writer), copy(up_reader, writer))
        self._open -= {writer, up_writer}


@contextlib.asynccontextmanager
async def switch_to(api: FakeBotAPI) -> AsyncIterator[Switch]:
    switch = Switch(api.port)
    try:
        yield switch
    finally:
        await switch.off()


async def test_an_unreachable_bot_api_means_backoff_not_a_crash(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    async with (
        asyncio.timeout(90),
        switch_to(fake_api) as switch,
        aiohttp.ClientSession() as http,
    ):
        base_url = f"http://127.0.0.1:{switch.port}/bot"
        database = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
        env = bot_env(base_url, database, free_port(), SCHEDULER_INTERVAL_SECONDS="1")
        async with running_bot(fake_api.token, env, tmp_path) as bot:

            async def waiting(pause: str) -> bool:
                assert bot.process.returncode is None, bot.log()
                return f"trying again in {pause} s" in bot.log()

            # unreachable at start: it waits 1 s, then 2 s, ... and carries on once it is back
            await wait_for(lambda: waiting("1"), "the first retry", 30)
            await wait_for(lambda: waiting("2"), "the second, longer, wait", 30)
            await switch.on()
            await serving([bot], http)
            runner = fake_api.user(FIRST, "Ana")
            update = await runner.send_text("/help")
            assert await post_update(http, f"{bot.base}{PATH}", update) == 200

            # unreachable while serving: updates are saved (200), their replies wait in the
            # outbox; the process stays up and healthy
            await switch.off()
            for _ in range(3):
                update = await runner.send_text("/settings")
                assert await post_update(http, f"{bot.base}{PATH}", update) == 200
            await asyncio.sleep(2)  # scheduler passes run meanwhile
            assert bot.process.returncode is None
            assert (await get(http, f"{bot.base}/healthz"))[0] == 200

            await switch.on()
            update = await runner.send_text("/phase")
            assert await post_update(http, f"{bot.base}{PATH}", update) == 200
            await fake_api.wait_for_messages(FIRST, 5, timeout=30)  # the outbox's retries
            assert await bot.stop() == 0
    texts = [message.plain_text for message in runner.sent_messages()]
    assert len(texts) == 5  # /help, the three /settings once it was back, then /phase
    assert all("Your settings" in text for text in texts[1:4])
    assert "phase" in texts[-1].lower()


async def test_polling_waits_for_an_unreachable_bot_api(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    async with asyncio.timeout(60), switch_to(fake_api) as switch:
        base_url = f"http://127.0.0.1:{switch.port}/bot"
        database = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
        env = bot_env(base_url, database, 0, LOG_LEVEL="DEBUG")
        del env["WEBHOOK_URL"], env["WEBHOOK_SECRET"]  # long polling
        async with running_bot(fake_api.token, env, tmp_path) as bot:

            async def retrying() -> bool:
                assert bot.process.returncode is None, bot.log()
                return "Retrying" in bot.log()

            await wait_for(retrying, "a retry of the start-up", 30)
            await switch.on()
            runner = fake_api.user(FIRST, "Ana")
            await runner.send_text("/help")
            await fake_api.wait_for_messages(FIRST, 1, timeout=30)
            assert await bot.stop() == 0
