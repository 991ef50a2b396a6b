"""A small asyncio driver for SQLite that runs on the event loop's own thread.

aiosqlite hands every call (cursor, execute, fetch, close) to a worker thread and waits for
the answer: four round trips a statement, which cost more than SQLite's own work on the
bot's small indexed reads and writes (a handled update went from 2.5 to 1.3 ms; with
aiosqlite the throughput bench falls to 0.17-0.35 of the bare echo bot, below its 0.5
floor). This module is its own driver over the standard library's ``sqlite3``: it
implements SQLAlchemy's async driver protocols (``AsyncIODBAPIConnection`` and
``AsyncIODBAPICursor`` in ``sqlalchemy.connectors.asyncio``) and reaches the engine through
the public ``async_creator`` argument of ``create_async_engine``, under the
``sqlite+aiosqlite`` dialect. It neither subclasses nor touches aiosqlite.

Running inline means a statement blocks the loop while SQLite works: microseconds for the
bot's queries. A lock wait must not block it (the holder may be a task on this very loop),
so SQLite's own busy timeout is off and a statement refused with ``SQLITE_BUSY`` (which had
no effect) is retried after an asynchronous pause, until ``busy_timeout`` seconds have
passed. ``make_engine`` also gives a SQLite engine one pooled connection, so the process's
own transactions queue for it without polling.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from typing import Any, TypeVar

__all__ = ["InlineConnection", "InlineCursor", "begin_at_once", "inline_connector"]

_FIRST_PAUSE, _LONGEST_PAUSE = 0.001, 0.05
_T = TypeVar("_T")


class InlineConnection:
    """An async connection over one ``sqlite3.Connection``; every call runs on the caller's
    thread, and a statement refused with ``SQLITE_BUSY`` is retried asynchronously."""

    def __init__(self, sqlite: sqlite3.Connection, busy_timeout: float) -> None:
        # The name SQLAlchemy's aiosqlite dialect checks before it commits or rolls back.
        self._connection: sqlite3.Connection | None = sqlite
        self.busy_timeout = busy_timeout

    @property
    def sqlite(self) -> sqlite3.Connection:
        """The open ``sqlite3`` connection; ValueError once closed."""
        if self._connection is None:
            raise ValueError("no active connection")
        return self._connection

    @property
    def isolation_level(self) -> str | None:
        """sqlite3's transaction mode (None: the engine issues BEGIN itself)."""
        return self.sqlite.isolation_level

    async def run(self, fn: Callable[..., _T], *args: Any) -> _T:
        """``fn(*args)``, retried after a pause while SQLite answers ``SQLITE_BUSY``."""
        pause, deadline = _FIRST_PAUSE, time.monotonic() + self.busy_timeout
        while True:
            try:
                return fn(*args)
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)

    def cursor(self) -> InlineCursor:
        """A new cursor (SQLAlchemy enters it with ``async with``)."""
        return InlineCursor(self, self.sqlite.cursor())

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> InlineCursor:
        """Run one statement on a new cursor."""
        cursor = self.cursor()
        await cursor.execute(sql, parameters)
        return cursor

    async def commit(self) -> None:
        """Commit the open transaction."""
        await self.run(self.sqlite.commit)

    async def rollback(self) -> None:
        """Roll the open transaction back."""
        await self.run(self.sqlite.rollback)

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        """Register a SQL function (SQLAlchemy's SQLite dialect adds ``regexp``)."""
        self.sqlite.create_function(*args, **kwargs)

    def stop(self) -> None:
        """Close at once (SQLAlchemy's terminate); closing twice does nothing."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def close(self) -> None:
        """Close the SQLite connection."""
        self.stop()


class InlineCursor:
    """An async cursor over a ``sqlite3.Cursor``."""

    def __init__(self, connection: InlineConnection, cursor: sqlite3.Cursor) -> None:
        self._owner = connection
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    @property
    def description(self) -> Any:
        """Column descriptions of the last query (None for other statements)."""
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        """Rows the last statement changed."""
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        """The row id of the last inserted row."""
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        """Rows ``fetchmany`` returns by default."""
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Any = ()) -> InlineCursor:
        """Run one statement."""
        self._owner.sqlite  # noqa: B018 - raises once the connection is closed
        await self._owner.run(self._cursor.execute, sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> InlineCursor:
        """Run one statement for each set of parameters."""
        await self._owner.run(self._cursor.executemany, sql, list(parameters))
        return self

    async def fetchone(self) -> Any:
        """The next row, or None."""
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        """Up to ``size`` rows."""
        return self._cursor.fetchmany(self.arraysize if size is None else size)

    async def fetchall(self) -> list[Any]:
        """The remaining rows."""
        return self._cursor.fetchall()

    async def nextset(self) -> None:
        """SQLite has one result set per statement."""

    async def setinputsizes(self, *_sizes: Any) -> None:
        """Not needed by SQLite."""

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._rows()

    async def _rows(self) -> AsyncIterator[Any]:
        for row in self._cursor:
            yield row

    async def close(self) -> None:
        """Close the cursor."""
        self._cursor.close()


def begin_at_once(connection: InlineConnection) -> bool:
    """``BEGIN IMMEDIATE`` without waiting; False (nothing done) when the lock is taken.

    Called from SQLAlchemy's ``begin`` event, on the loop's thread: the statement takes
    microseconds, while running it through the engine cost a whole statement's upkeep on
    every transaction. When another connection holds the write lock, the caller issues the
    statement the usual way, whose refusals are retried asynchronously.
    """
    try:
        connection.sqlite.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode == sqlite3.SQLITE_BUSY:
            return False
        raise
    return True


def inline_connector(database: str, *, busy_timeout: float, uri: bool = False) -> Callable[[], Any]:
    """An ``async_creator`` for SQLAlchemy: opens ``database`` in autocommit mode.

    ``isolation_level=None`` leaves transactions to the engine's ``BEGIN IMMEDIATE``;
    ``timeout=0`` turns SQLite's blocking busy wait off (see the module's docstring).
    """

    async def connect() -> InlineConnection:
        sqlite = sqlite3.connect(
            database, timeout=0, uri=uri, isolation_level=None, check_same_thread=False
        )
        return InlineConnection(sqlite, busy_timeout)

    return connect
