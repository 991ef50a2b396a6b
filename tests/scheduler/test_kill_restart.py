"""SIGKILL in the middle of a fan-out, then a restart: every runner gets exactly one reminder.

The real bot (``python -m bot run``) runs in a subprocess against the fake Bot API over
HTTP, on a SQLite file and, with HIPCOACH_TEST_POSTGRES_URL, on PostgreSQL. The fake lets
the first sends through, then holds every further ``sendMessage`` unanswered: the process
is killed with sends in flight, a batch leased and more claims pending. A held request
whose client died is dropped unprocessed, as a request that never reached Telegram.

The kill lands after the sends that went through are committed. A send that Telegram
accepted but whose outcome was not yet committed is the documented at-least-once window
(``scheduler/sender.py``) and would arrive twice; the second test kills at an arbitrary
moment and checks that window's bound instead of exact counts.
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from aiohttp import web
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.storage.engine import make_engine, make_session_factory
from bot.storage.models import DeliveryRow, DeliveryStatus, PhaseStateRow, Runner
from scheduler.sender import DEFAULT_UNRECORDED
from tests.fakebotapi import FakeBotAPI
from tests.ops.processes import clean_env, start_bot

RUNNERS = 200
FIRST = 50
CHAT = 5_000_000
#: ``send_pending``'s default: sends in flight at once.
CONCURRENCY = 32


class GatedBotAPI(FakeBotAPI):
    """Answers the first ``open_for`` sendMessage calls, then holds the rest until opened.

    A held request whose client has gone is dropped without being processed.
    """

    def __init__(self, open_for: int) -> None:
        super().__init__()
        self.open_for = open_for
        self.opened = asyncio.Event()
        self.held = 0
        self.dropped = 0
        self.through = 0

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["method"].lower() == "sendmessage" and not self.opened.is_set():
            if self.through < self.open_for:
                self.through += 1
            else:
                self.held += 1
                try:
                    while not self.opened.is_set():
                        if request.transport is None or request.transport.is_closing():
                            self.dropped += 1
                            return web.Response(status=499)
                        await asyncio.sleep(0.01)
                finally:
                    self.held -= 1
        return await super()._handle(request)


def sent_per_chat(api: FakeBotAPI) -> Counter[int]:
    """Successful sendMessage calls per chat."""
    return Counter(int(call.params["chat_id"]) for call in api.calls("sendMessage") if call.ok)


async def populate(url: str, now: datetime) -> None:
    """RUNNERS onboarded runners in base phase, each reminder due 30 s before ``now``."""
    created = now - timedelta(days=30)
    today = now.date()
    engine = make_engine(url)
    try:
        async with make_session_factory(engine)() as session, session.begin():
            ids = range(1, RUNNERS + 1)
            await session.execute(
                insert(Runner),
                [
                    {
                        "id": i,
                        "telegram_id": CHAT + i,
                        "first_name": "Ana",
                        "timezone": "UTC",
                        "reminder_time": time(7, 0),
                        "onboarded": True,
                        "created_at": created,
                        "next_reminder_at": now - timedelta(seconds=30),
                    }
                    for i in ids
                ],
            )
            await session.execute(
                insert(PhaseStateRow),
                [
                    {
                        "runner_id": i,
                        "phase": "base",
                        "started_on": today - timedelta(days=2),
                        "held_areas": [],
                        "newcomer": False,
                        "updated_at": created,
                    }
                    for i in ids
                ],
            )
    finally:
        await engine.dispose()


async def sent_claims(sessions: async_sessionmaker[AsyncSession]) -> int:
    """Morning claims recorded as sent."""
    async with sessions() as session:
        query = select(func.count()).select_from(DeliveryRow)
        query = query.where(DeliveryRow.status == DeliveryStatus.SENT)
        return int((await session.execute(query)).scalar_one())


@asynccontextmanager
async def watching(url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on ``url`` for the test to watch the deliveries from outside the bot."""
    engine = make_engine(url)
    try:
        yield make_session_factory(engine)
    finally:
        await engine.dispose()


@asynccontextmanager
async def bot_process(
    api: FakeBotAPI, url: str, log: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    """``python -m bot run`` on ``url`` against ``api``; stopped (SIGTERM) unless killed."""
    env = clean_env(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_BASE_URL=api.base_url,
        DATABASE_URL=url,
        LOG_LEVEL="INFO",
        SCHEDULER_INTERVAL_SECONDS="2",
    )
    with log.open("ab") as out:
        process = await start_bot(env, stdout=out, stderr=out)
    try:
        yield process
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 20)
            except TimeoutError:
                process.kill()
                await process.wait()


async def until(check: Callable[[], object], what: str, within: float = 30) -> None:
    """Poll ``check`` (sync or async) every 50 ms until it is truthy."""
    async with asyncio.timeout(within):
        while True:
            result = check()
            if asyncio.iscoroutine(result):
                result = await result
            if result:
                return
            await asyncio.sleep(0.05)
    raise AssertionError(what)  # pragma: no cover - the timeout raises first


async def kill(process: asyncio.subprocess.Process) -> None:
    process.kill()  # SIGKILL: no shutdown, no final records
    await process.wait()


async def test_sigkill_mid_fanout_then_restart_sends_each_reminder_exactly_once(
    db_url: str, tmp_path: Path
) -> None:
    await populate(db_url, datetime.now(UTC))
    log = tmp_path / "bot.log"
    async with watching(db_url) as sessions, GatedBotAPI(open_for=FIRST) as api:
        for i in range(1, RUNNERS + 1):
            api.user(CHAT + i, first_name="Ana")
        async with bot_process(api, db_url, log) as first:
            await until(lambda: api.held > 0 and api.through == FIRST, "sends held", 30)
            await until(lambda: len(sent_per_chat(api)) == FIRST, "first sends answered")

            async def recorded() -> bool:
                return await sent_claims(sessions) == FIRST

            await until(recorded, "first sends recorded")
            await kill(first)
        await until(lambda: api.held == 0, "held sends dropped")
        assert api.dropped > 0  # killed with sends in flight
        api.opened.set()
        async with bot_process(api, db_url, log):
            await until(lambda: len(sent_per_chat(api)) == RUNNERS, "every runner reached", 30)

            async def all_recorded() -> bool:
                return await sent_claims(sessions) == RUNNERS

            await until(all_recorded, "every send recorded")
        per_chat = sent_per_chat(api)
    assert sorted(per_chat) == [CHAT + i for i in range(1, RUNNERS + 1)]
    assert set(per_chat.values()) == {1}, log.read_text()[-3000:]
    assert "resuming" in log.read_text()  # the restart took its leased claims back at once


async def test_sigkill_at_any_moment_drops_none_and_repeats_only_the_crash_window(
    db_url: str, tmp_path: Path
) -> None:
    await populate(db_url, datetime.now(UTC))
    log = tmp_path / "bot.log"
    async with watching(db_url) as sessions, FakeBotAPI() as api:
        for i in range(1, RUNNERS + 1):
            api.user(CHAT + i, first_name="Ana")
        async with bot_process(api, db_url, log) as first:
            await until(lambda: len(api.calls("sendMessage")) >= FIRST, "sending", 30)
            await kill(first)
        async with bot_process(api, db_url, log):

            async def all_recorded() -> bool:
                return await sent_claims(sessions) == RUNNERS

            await until(all_recorded, "every send recorded", 30)
        per_chat = sent_per_chat(api)
    assert sorted(per_chat) == [CHAT + i for i in range(1, RUNNERS + 1)]  # none dropped
    twice = sum(count - 1 for count in per_chat.values())
    assert max(per_chat.values()) <= 2
    assert twice <= CONCURRENCY + DEFAULT_UNRECORDED
