"""The end-to-end fixtures: a clock the test moves and the real Application on it, polling
the fake Bot API (``fake_api``, from tests/conftest.py) with a fresh SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.app import Services
from tests.bot.harness import FakeClock, running_bot, sqlite_url
from tests.fakebotapi.server import FakeBotAPI


@pytest.fixture
async def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def bot(
    fake_api: FakeBotAPI, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[tuple[Application, Services]]:  # type: ignore[type-arg]
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as running:
        yield running
