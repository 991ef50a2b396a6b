"""A failed statement's error never carries the runner's words."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from bot.storage.models import CompletionRow
from bot.storage.repository import get_or_create_runner
from tests.storage.conftest import Database

HEALTH = "my left knee hurts when I land"


async def test_an_error_shows_no_parameters(database: Database) -> None:
    async with database.sessions() as session, session.begin():
        runner = await get_or_create_runner(session, 1, None, date(2026, 12, 1))
        row = {
            "runner_id": runner.id,
            "local_date": date(2026, 12, 1),
            "session_id": "mob-1",
            "category": "mobility",
            "status": "done",
            "note": HEALTH,
            "logged_at": datetime(2026, 12, 1, tzinfo=UTC),
        }
        await session.execute(insert(CompletionRow).values(row))
        with pytest.raises(IntegrityError) as raised:
            await session.execute(insert(CompletionRow).values(row))
        await session.rollback()
    logged = logging.Formatter().formatException((raised.type, raised.value, raised.tb))
    assert "knee" not in logged
    assert "knee" not in repr(raised.value)
