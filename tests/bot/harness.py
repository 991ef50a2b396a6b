"""Run the real Application against the fake Bot API, with a clock the test controls."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import SecretStr
from telegram.ext import Application

from bot.app import Services, build_application, build_services, prepare_database
from bot.settings import Settings
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
