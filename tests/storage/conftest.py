"""Database fixtures: every storage test runs on SQLite and, when configured, PostgreSQL.

SQLite tests get a fresh migrated file in ``tmp_path``. PostgreSQL tests run when
``HIPCOACH_TEST_POSTGRES_URL`` names a server (``postgresql+asyncpg://user@host/db``
whose user may create databases): the session migrates a throw-away database created
next to the named one, each test starts from empty tables, and the database is dropped
at the end, so runs are repeatable and never touch the named database's tables.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import NullPool

from bot.storage.engine import make_engine, make_session_factory
from bot.storage.migrate import upgrade
from bot.storage.models import Base

POSTGRES_ENV = "HIPCOACH_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

_T = TypeVar("_T")


def run_in_thread(make: Callable[[], Coroutine[Any, Any, _T]]) -> _T:
    """Run a coroutine on its own event loop, away from the test's loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, make()).result()


def postgres_server_url() -> str:
    """The configured PostgreSQL URL, or skip the test."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql+asyncpg://user@host/db")
    return url


async def create_postgres_database(server_url: str) -> str:
    """Create an empty database beside the one ``server_url`` names; return its URL."""
    name = f"hipcoach_test_{uuid.uuid4().hex[:12]}"
    await _postgres_admin(server_url, f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


async def drop_postgres_database(url: str) -> None:
    """Drop a database made by ``create_postgres_database``, closing its connections."""
    name = make_url(url).database
    await _postgres_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _postgres_admin(url: str, statement: str) -> None:
    """Run ``statement`` outside a transaction, from the server's ``postgres`` database."""
    admin = create_async_engine(
        make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    try:
        async with admin.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await admin.dispose()


@pytest.fixture(scope="session")
def migrated_postgres_url() -> Iterator[str]:
    """A migrated throw-away PostgreSQL database for the whole test session."""
    server = postgres_server_url()
    url = run_in_thread(lambda: create_postgres_database(server))
    try:
        run_in_thread(lambda: upgrade(url))
        yield url
    finally:
        run_in_thread(lambda: drop_postgres_database(url))


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on."""
    return str(request.param)


@pytest.fixture
async def empty_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of an empty database that has never been migrated."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
        return
    url = await create_postgres_database(postgres_server_url())
    try:
        yield url
    finally:
        await drop_postgres_database(url)


@pytest.fixture
async def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """The URL of a migrated database with empty tables."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'hipcoach.db'}"
        await upgrade(url)
        return url
    url = str(request.getfixturevalue("migrated_postgres_url"))
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        await engine.dispose()
    return url


@dataclass(frozen=True, slots=True)
class Database:
    """A migrated test database: its URL, an engine and a session factory."""

    url: str
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name


@pytest.fixture
async def database(db_url: str) -> AsyncIterator[Database]:
    """A migrated, empty database; its engine is disposed after the test."""
    engine = make_engine(db_url)
    try:
        yield Database(db_url, engine, make_session_factory(engine))
    finally:
        await engine.dispose()


@pytest.fixture
async def session(database: Database) -> AsyncIterator[AsyncSession]:
    """A session on the test database (the test commits when it needs to)."""
    async with database.sessions() as session:
        yield session
