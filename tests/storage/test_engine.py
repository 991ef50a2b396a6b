"""Engines: SQLite pragmas, enforced foreign keys, and a clear error when the database is away."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, StatementError

from bot.storage.engine import (
    DatabaseUnavailable,
    check_database,
    make_engine,
    normalize_url,
)
from bot.storage.models import CompletionRow, HandledUpdate
from tests.storage.conftest import Database


async def test_check_database_passes_on_a_migrated_database(database: Database) -> None:
    await check_database(database.engine)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+asyncpg://postgres:s3cret-pw@127.0.0.1:1/x",
        "sqlite+aiosqlite:////nonexistent-dir/for/sure/hipcoach.db",
    ],
)
async def test_check_database_names_an_unreachable_database_in_one_line(url: str) -> None:
    engine = make_engine(url)
    try:
        with pytest.raises(DatabaseUnavailable) as raised:
            await check_database(engine)
    finally:
        await engine.dispose()
    message = str(raised.value)
    assert message.startswith("cannot reach the database ")
    assert "\n" not in message
    assert "s3cret" not in message
    assert "Traceback" not in message
    assert len(message) < 400


async def test_sqlite_connections_get_their_pragmas(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'p.db'}")
    try:
        async with engine.connect() as connection:
            pragmas = [
                await connection.scalar(text(f"PRAGMA {name}"))
                for name in ("foreign_keys", "journal_mode", "busy_timeout", "synchronous")
            ]
    finally:
        await engine.dispose()
    # busy_timeout 0: lock waits are asynchronous (tests/storage/test_sqlite_inline.py)
    assert pragmas == [1, "wal", 0, 1]  # synchronous 1 is NORMAL


async def test_foreign_keys_are_enforced(database: Database) -> None:
    async with database.sessions() as session:
        session.add(
            CompletionRow(
                runner_id=999,
                local_date=date(2025, 3, 1),
                session_id="mobility-basic",
                category="mobility",
                status="done",
            )
        )
        with pytest.raises(IntegrityError):
            await session.commit()


async def test_naive_datetimes_are_refused(database: Database) -> None:
    async with database.sessions() as session:
        session.add(HandledUpdate(update_id=1, handled_at=datetime(2025, 3, 1, 8)))  # noqa: DTZ001
        with pytest.raises(StatementError, match="naive datetime"):
            await session.commit()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///x.db", "sqlite+aiosqlite:///x.db"),
        ("postgres://u@h/db", "postgresql+asyncpg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+asyncpg://u@h/db"),
        ("postgresql+asyncpg://u@h/db", "postgresql+asyncpg://u@h/db"),
    ],
)
def test_bare_urls_get_their_async_driver(given: str, expected: str) -> None:
    assert normalize_url(given).render_as_string(hide_password=False) == expected
