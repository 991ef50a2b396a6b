"""Run the real Application against the fake Bot API, with a clock the test controls."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import SecretStr
from telegram.ext import Application

from bot.app import Services, build_application, build_services, prepare_database
from bot.settings import Settings
from bot.storage import get_runner_by_telegram_id, make_session_factory
from bot.storage.models import Runner
from tests.fakebotapi.server import FakeBotAPI


@dataclass
class FakeClock:
    """A clock that stands still until the test moves it."""

    now: datetime = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def settings_for(api: FakeBotAPI, database_url: str) -> Settings:
    """Settings that point the bot at the fake API and a test database."""
    return Settings(
        telegram_bot_token=SecretStr(api.token),
        telegram_api_base_url=api.base_url,
        database_url=database_url,
    )


def sqlite_url(folder: Path) -> str:
    return f"sqlite+aiosqlite:///{folder / 'hipcoach.db'}"


@asynccontextmanager
async def running_bot(
    api: FakeBotAPI, database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Application, Services]]:  # type: ignore[type-arg]
    """The bot polling the fake API until the block ends."""
    settings = settings_for(api, database_url)
    services = build_services(settings, clock)
    await prepare_database(settings, services.engine)
    application = build_application(settings, services)
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0, timeout=1)
    try:
        yield application, services
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
        if application.post_shutdown:  # run_polling calls it; a test must too
            await application.post_shutdown(application)
        await services.engine.dispose()


async def say_until(
    api: FakeBotAPI, user: int, text: str, marker: str, *, first_name: str
) -> list[str]:
    """``user`` sends ``text``; wait until a message (or edit) since contains ``marker``;
    the plain texts of the bot's messages sent since, the rest of the update's included."""
    before = len(api.sent_messages(user))
    await api.user(user, first_name=first_name).send_text(text)
    said: list[str] = []
    for _ in range(200):
        said = [m.plain_text for m in api.sent_messages(user)[before:]]
        if any(marker in one for one in said):
            await asyncio.sleep(0.1)  # the rest of this update's replies
            return [m.plain_text for m in api.sent_messages(user)[before:]]
        await asyncio.sleep(0.025)
    raise AssertionError(f"no reply with {marker!r} to {text!r}: {said!r}")


async def runner_row(services: Services, user: int) -> Runner:
    """The stored runner for the Telegram user ``user``."""
    async with make_session_factory(services.engine)() as session:
        runner = await get_runner_by_telegram_id(session, user)
        assert runner is not None
        return runner


async def begin_a_week_ago(api: FakeBotAPI, clock: FakeClock, user: int, name: str) -> None:
    """Start ``user`` on the default plan a week before the clock's day, so past days can
    be logged."""
    clock.advance(days=-7)
    await say_until(api, user, "what's today's session?", "min", first_name=name)
    clock.advance(days=7)
