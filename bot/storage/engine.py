"""Engines and sessions for SQLite (``bot.storage.sqlite_inline``) and PostgreSQL (asyncpg)."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from pathlib import Path
from typing import Any, cast

from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import AsyncAdaptedQueuePool, ConnectionPoolEntry

from bot.storage.sqlite_inline import InlineConnection, begin_at_once, inline_connector

__all__ = [
    "CHECK_TIMEOUT_SECONDS",
    "SQLITE_BUSY_TIMEOUT_MS",
    "DatabaseUnavailable",
    "check_database",
    "make_engine",
    "make_session_factory",
    "normalize_url",
]

SQLITE_BUSY_TIMEOUT_MS = 5000
SQLITE_POOL_TIMEOUT_SECONDS = 30
#: WAL with NORMAL: a commit survives the process crashing at any point; only a power cut or
#: an OS crash can undo the last commits before the next checkpoint. FULL would add an fsync
#: to every update (8 ms of the 10 ms an update took here).
SQLITE_SYNCHRONOUS = "NORMAL"
CHECK_TIMEOUT_SECONDS = 10
_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
}


class DatabaseUnavailable(Exception):
    """The database cannot be reached; the message is one line, without the password."""


def normalize_url(url: str | URL) -> URL:
    """Parse ``url``; a bare ``sqlite://`` or ``postgres(ql)://`` gets its async driver."""
    parsed = make_url(url)
    driver = _ASYNC_DRIVERS.get(parsed.drivername)
    return parsed.set(drivername=driver) if driver else parsed


def make_engine(url: str | URL, *, sqlite_foreign_keys: bool = True) -> AsyncEngine:
    """An async engine for ``url``.

    SQLite runs on the event loop's thread through one pooled connection, with
    ``foreign_keys=ON`` (unless ``sqlite_foreign_keys`` is False, as migrations that rebuild
    tables need), WAL journalling with ``synchronous=NORMAL``, and every transaction starts
    with ``BEGIN IMMEDIATE``: it takes the write lock up front, so two read-then-write
    transactions (of two processes) queue, for up to the busy timeout, instead of one
    losing the other's write. PostgreSQL connections are pinged before use. Errors never
    show a statement's parameters (``hide_parameters``): they hold runners' own words.
    """
    parsed = normalize_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    engine = _sqlite_engine(parsed)

    @event.listens_for(engine.sync_engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if sqlite_foreign_keys else 'OFF'}")
        with contextlib.suppress(sqlite3.OperationalError):
            # WAL sticks to the file; switching ignores the busy timeout, so when a new
            # file is locked by another connection, a later connection switches it.
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _sqlite_begin(connection: Connection) -> None:
        inline = cast(InlineConnection, connection.connection.driver_connection)
        if not begin_at_once(inline):
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # waits for the lock

    return engine


def _sqlite_engine(url: URL) -> AsyncEngine:
    """SQLite runs inline on one pooled connection (see ``bot.storage.sqlite_inline``)."""
    database = url.database or ""
    uri = str(url.query.get("uri", "")).lower() in ("1", "true")
    return create_async_engine(
        url,
        async_creator=inline_connector(
            database, busy_timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, uri=uri
        ),
        poolclass=AsyncAdaptedQueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=SQLITE_POOL_TIMEOUT_SECONDS,
        hide_parameters=True,
    )


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions whose objects stay readable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


async def check_database(engine: AsyncEngine) -> None:
    """Run ``SELECT 1``; raise DatabaseUnavailable with a one-line reason if that fails."""
    where = engine.url.render_as_string(hide_password=True)
    if folder := _missing_sqlite_folder(engine.url):
        raise DatabaseUnavailable(f"cannot reach the database {where}: no folder {folder}")
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_SECONDS), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to connect means the same thing here
        reason = _reason(exc, engine.url.password)
        raise DatabaseUnavailable(f"cannot reach the database {where}: {reason}") from exc


def _missing_sqlite_folder(url: URL) -> Path | None:
    """The folder a SQLite file would be in, when it does not exist.

    Checked up front, so the runner reads which folder is missing rather than SQLite's
    "unable to open database file".
    """
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    folder = Path(url.database).expanduser().parent
    return None if url.query.get("uri") or folder.is_dir() else folder


def _reason(exc: Exception, password: str | None) -> str:
    """The driver's own complaint, on one line, with the password masked."""
    if isinstance(exc, TimeoutError):
        return f"no answer within {CHECK_TIMEOUT_SECONDS} s"
    cause: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc
    reason = " ".join(str(cause).split()) or type(cause).__name__
    if password:
        reason = reason.replace(password, "***")
    return reason[:300]
