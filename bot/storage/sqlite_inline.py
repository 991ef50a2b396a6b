"""aiosqlite's connection, run on the event loop's own thread instead of a worker thread.

aiosqlite hands every call (cursor, execute, fetch, close) to a worker thread and waits for
the answer: four round trips a statement, which cost more than SQLite's own work on the
bot's small indexed reads and writes (a handled update went from 2.5 to 1.3 ms). SQLAlchemy's
aiosqlite dialect takes this connection through ``async_creator`` and works unchanged.

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
from collections.abc import Callable, Generator
from typing import Any

import aiosqlite

__all__ = ["InlineConnection", "begin_at_once", "inline_connector"]


_FIRST_PAUSE, _LONGEST_PAUSE = 0.001, 0.05


class InlineConnection(aiosqlite.Connection):
    """An ``aiosqlite.Connection`` whose calls run on the caller's thread; no worker thread."""

    busy_timeout = 5.0

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if self._connection is None:
            raise ValueError("Connection closed")
        pause, deadline = _FIRST_PAUSE, time.monotonic() + self.busy_timeout
        while True:
            try:
                return fn(*args, **kwargs)
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)

    async def _connect(self) -> InlineConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    def __await__(self) -> Generator[Any, None, InlineConnection]:
        return self._connect().__await__()

    def stop(self) -> None:
        """Close the SQLite connection (there is no thread to stop)."""
        self._running = False
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def close(self) -> None:
        """Close the SQLite connection."""
        self.stop()


def begin_at_once(connection: InlineConnection) -> bool:
    """``BEGIN IMMEDIATE`` without waiting; False (nothing done) when the lock is taken.

    Called from SQLAlchemy's ``begin`` event, on the loop's thread: the statement takes
    microseconds, while running it through the engine cost a whole statement's upkeep on
    every transaction. When another connection holds the write lock, the caller issues the
    statement the usual way, whose refusals are retried asynchronously.
    """
    sqlite = connection._connection
    if sqlite is None:
        raise ValueError("Connection closed")
    try:
        sqlite.execute("BEGIN IMMEDIATE")
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
        def open_file() -> sqlite3.Connection:
            return sqlite3.connect(
                database, timeout=0, uri=uri, isolation_level=None, check_same_thread=False
            )

        connection = InlineConnection(open_file, iter_chunk_size=64)
        connection.busy_timeout = busy_timeout
        return await connection

    return connect
