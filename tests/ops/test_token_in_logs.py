"""``hipcoach run`` through Bot API outages: no byte of its output holds the token.

The Bot API sits behind a switch that forwards, refuses, hangs up or swallows connections
(a black hole: connecting never completes, so aiohttp times out with the URL, and so the
token, in its message). Each run greps all of stdout and stderr. Four runs cover every pair
of mode (webhook, polling), level (INFO, DEBUG) and format (JSON, plain); they run at the
same time, each on its own fake Bot API, since they mostly wait for timeouts.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp

from tests.fakebotapi.server import FakeBotAPI
from tests.ops.processes import (
    PATH,
    Bot,
    bot_env,
    free_port,
    post_update,
    serving,
    start_bot,
    wait_for,
)
from tests.ops.test_failures import Switch

FIRST = 640_000


class Outages(Switch):
    """The forwarder, which can also hang up on every connection or swallow them."""

    def __init__(self, target: int) -> None:
        super().__init__(target)
        self.hung_up = 0
        self._hole: list[socket.socket] = []

    async def on(self) -> None:
        await self.off()
        await super().on()

    async def off(self) -> None:
        await super().off()
        self._fill_hole()

    async def hang_up(self) -> None:
        """Accept each connection and close it at once, counting them."""
        await self.off()

        async def close(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.hung_up += 1
            writer.close()

        self._server = await asyncio.start_server(close, "127.0.0.1", self.port)

    async def black_hole(self) -> None:
        """Listen with a full queue: the kernel drops new connections' SYNs, connects hang."""
        await self.off()
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(0)
        filler = socket.socket()
        filler.settimeout(5)
        filler.connect(("127.0.0.1", self.port))  # the one place in the queue, never accepted
        self._hole = [listener, filler]

    def _fill_hole(self) -> None:
        for held in self._hole:
            held.close()
        self._hole = []


@contextlib.asynccontextmanager
async def outages(api: FakeBotAPI) -> AsyncIterator[Outages]:
    switch = Outages(api.port)
    try:
        yield switch
    finally:
        await switch.off()


@contextlib.asynccontextmanager
async def hipcoach_run(
    api: FakeBotAPI, env: dict[str, str], folder: Path, name: str
) -> AsyncIterator[Bot]:
    """``hipcoach run`` with stdout and stderr both in ``<name>.log``; stopped at the end."""
    log_file = folder / f"{name}.log"
    with log_file.open("ab") as output:
        process = await start_bot(
            {**env, "TELEGRAM_BOT_TOKEN": api.token}, cwd=folder, stdout=output, stderr=output
        )
    bot = Bot(process, int(env.get("WEBHOOK_PORT", "0")), log_file)
    try:
        yield bot
    finally:
        await bot.stop()


async def webhook_through_outages(
    api: FakeBotAPI, switch: Outages, env: dict[str, str], folder: Path
) -> str:
    """Swallowed at start, then serving through a swallowing and a refusing Bot API."""
    await switch.black_hole()
    runner = api.user(FIRST, "Ana")
    async with hipcoach_run(api, env, folder, "webhook") as bot, aiohttp.ClientSession() as http:
        hook = f"{bot.base}{PATH}"

        async def retrying() -> bool:
            assert bot.process.returncode is None, bot.log()
            return "trying again in 1 s" in bot.log()

        await wait_for(retrying, "getMe to time out and be retried", 60)
        await switch.on()
        await serving([bot], http)
        assert await post_update(http, hook, await runner.send_text("/help")) == 200

        # the replies' connections time out, then are refused: the updates are committed
        # and their replies queued in the outbox (answered 200), sent once it is back
        await switch.black_hole()
        assert await post_update(http, hook, await runner.send_text("/settings")) == 200
        await switch.off()
        assert await post_update(http, hook, await runner.send_text("/phase")) == 200

        await switch.on()
        assert await post_update(http, hook, await runner.send_text("/plan")) == 200
        assert await bot.stop() == 0
        log = bot.log()
    assert "Connection timeout to host <Bot API URL>" in log
    return log


def polling(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if not k.startswith("WEBHOOK_")}


async def polling_gives_up(
    api: FakeBotAPI, switch: Outages, env: dict[str, str], folder: Path
) -> str:
    """Polling start-up hung up on five times, swallowed the sixth: PTB logs and gives up."""
    await switch.hang_up()
    async with hipcoach_run(api, polling(env), folder, "polling") as bot:

        async def hung_up_five_times() -> bool:
            assert bot.process.returncode is None, bot.log()
            return switch.hung_up >= 5

        await wait_for(hung_up_five_times, "five failed starts", 60)
        await switch.black_hole()  # the last attempt times out, and PTB logs its traceback
        await wait_for(lambda: _exited(bot), "the bot to give up", 60)
        assert bot.process.returncode == 1
        log = bot.log()
    assert "Connection timeout to host <Bot API URL>" in log
    assert "cannot start polling" in log
    return log


async def polling_through_outages(
    api: FakeBotAPI, switch: Outages, env: dict[str, str], folder: Path
) -> str:
    """Polling swallowed at start, then polls hung up on while serving."""
    await switch.black_hole()
    runner = api.user(FIRST, "Ana")
    async with hipcoach_run(api, polling(env), folder, "polling") as bot:

        async def retrying() -> bool:
            assert bot.process.returncode is None, bot.log()
            return "Timed out" in bot.log()  # at DEBUG: PTB retries a timeout at once

        await wait_for(retrying, "getMe to time out and be retried", 60)
        await switch.on()
        await runner.send_text("/help")
        await api.wait_for_messages(FIRST, 1, timeout=30)
        await switch.hang_up()  # the long poll is cut, and every poll after it

        async def polling_failed() -> bool:
            assert bot.process.returncode is None, bot.log()
            return switch.hung_up >= 2

        await wait_for(polling_failed, "polls to fail", 30)
        await switch.on()
        await runner.send_text("/phase")

        async def answered() -> bool:
            return any("phase" in m.plain_text.lower() for m in runner.sent_messages())

        await wait_for(answered, "the answer after the outage", 30)
        assert await bot.stop() == 0
        return bot.log()


async def _exited(bot: Bot) -> bool:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(bot.process.wait(), 0.1)
    return bot.process.returncode is not None


def everything_written(folder: Path) -> bytes:
    """Every byte the runs in ``folder`` wrote to stdout and stderr."""
    return b"".join(path.read_bytes() for path in sorted(folder.glob("*.log")))


STORIES = {
    "webhook": webhook_through_outages,
    "polling": polling_through_outages,
    "polling start": polling_gives_up,
}


async def run_through_outages(mode: str, level: str, as_json: str, folder: Path) -> None:
    """One ``hipcoach run`` story on its own fake Bot API; every byte of output is clean."""
    await asyncio.to_thread(folder.mkdir)
    async with FakeBotAPI() as api, outages(api) as switch:
        env = bot_env(
            f"http://127.0.0.1:{switch.port}/bot",
            f"sqlite+aiosqlite:///{folder / 'bot.db'}",
            free_port(),
            SCHEDULER_INTERVAL_SECONDS="1",
            LOG_LEVEL=level,
        )
        env["LOG_JSON"] = as_json
        log = await STORIES[mode](api, switch, env, folder)
    case = f"{mode} at {level}, LOG_JSON={as_json}"
    assert (level == "DEBUG") == (" DEBUG " in log or '"DEBUG"' in log), case
    assert ('{"time": ' in log) == (as_json == "true"), case
    output = await asyncio.to_thread(everything_written, folder)
    for secret in (api.token, api.token.split(":")[1]):
        assert secret.encode() not in output, f"{case}:\n{output.decode(errors='replace')}"


#: (mode, LOG_LEVEL, LOG_JSON): every pair of mode, level and format meets once.
CASES = [
    ("webhook", "INFO", "true"),
    ("webhook", "DEBUG", "false"),
    ("polling start", "INFO", "false"),  # the reported leak: PTB's traceback on giving up
    ("polling", "DEBUG", "true"),
]


async def test_no_output_holds_the_token_through_bot_api_outages(tmp_path: Path) -> None:
    """The four runs at once: they mostly wait for timeouts (about 35 s in all)."""
    async with asyncio.timeout(150), asyncio.TaskGroup() as runs:
        for mode, level, as_json in CASES:
            folder = tmp_path / f"{mode.replace(' ', '-')}-{level}"
            runs.create_task(run_through_outages(mode, level, as_json, folder))
