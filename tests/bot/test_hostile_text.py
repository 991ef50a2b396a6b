"""NUL, control characters and overlong names from Telegram, on SQLite and PostgreSQL.

What no database stores is cleaned where updates become ``Inbound`` values; names keep to
Telegram's 64 characters; no error log carries what the runner wrote.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.storage.models import BodyReportRow, CompletionRow, Runner
from tests.bot.harness import FakeClock, running_bot, sqlite_url
from tests.fakebotapi.server import FakeBotAPI
from tests.storage.conftest import (
    BACKENDS,
    create_postgres_database,
    drop_postgres_database,
    postgres_server_url,
)

RUNNER = 5151
LONG_NAME = "Ana\x00" + "\u00e1" * 200
HEALTH = "my left knee hurts\x00 sharp pain 7/10"
NOTE = "legs\x01 heavy\x00 today"


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    url = await create_postgres_database(postgres_server_url())
    try:
        yield url
    finally:
        await drop_postgres_database(url)


async def test_nul_and_long_names_are_cleaned_at_the_edge(
    fake_api: FakeBotAPI, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    handle = fake_api.user(RUNNER, first_name=LONG_NAME)
    async with running_bot(fake_api, database_url, FakeClock()) as (_, services):
        for text in ["/today", HEALTH, f"/done {NOTE}", "/today"]:
            before = len(fake_api.sent_messages(RUNNER))
            await handle.send_text(text)
            await fake_api.wait_for_messages(RUNNER, before + 1)
        async with services.coach.sessions() as session:
            runner = (await session.scalars(select(Runner))).one()
            reports = (await session.scalars(select(BodyReportRow.text))).all()
            notes = (await session.scalars(select(CompletionRow.note))).all()
    assert runner.first_name == "Ana" + "\u00e1" * 61  # Telegram's 64 characters
    assert reports == ["my left knee hurts sharp pain 7/10"]
    assert notes == ["legs heavy today"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
