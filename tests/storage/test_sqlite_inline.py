"""SQLite run on the event loop's thread: lock waits stay asynchronous, nothing blocks."""

from __future__ import annotations

import ast
import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.storage.engine import make_engine
from bot.storage.sqlite_inline import InlineConnection, begin_at_once, inline_connector


async def test_two_engines_on_one_file_wait_for_each_other_without_blocking_the_loop(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'two.db'}"
    first, second = make_engine(url), make_engine(url)
    order: list[str] = []
    try:
        async with first.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))

        async def holder() -> None:
            async with first.begin() as connection:
                await connection.execute(text("INSERT INTO t VALUES (1)"))
                order.append("first holds the lock")
                await asyncio.sleep(0.2)  # the loop must keep running meanwhile
                order.append("first commits")

        async def waiter() -> None:
            await asyncio.sleep(0.05)
            async with second.begin() as connection:
                order.append("second begins")
                await connection.execute(text("INSERT INTO t VALUES (2)"))

        async def ticker() -> int:
            ticks = 0
            for _ in range(10):
                await asyncio.sleep(0.02)
                ticks += 1
            return ticks

        *_, ticks = await asyncio.gather(holder(), waiter(), ticker())
        async with second.connect() as connection:
            rows = (await connection.execute(text("SELECT x FROM t ORDER BY x"))).all()
    finally:
        await first.dispose()
        await second.dispose()
    assert order == ["first holds the lock", "first commits", "second begins"]
    assert ticks == 10
    assert [row.x for row in rows] == [1, 2]


async def test_a_lock_held_too_long_fails_with_the_driver_error(tmp_path: Path) -> None:
    path = tmp_path / "held.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("CREATE TABLE t (x INTEGER)")
    other.execute("BEGIN IMMEDIATE")
    connection = await inline_connector(str(path), busy_timeout=0.1)()
    try:
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await connection.execute("BEGIN IMMEDIATE")
        assert 0.1 <= time.monotonic() - started < 2
    finally:
        await connection.close()
        other.execute("ROLLBACK")
        other.close()


async def test_begin_at_once_begins_or_says_the_lock_is_taken(tmp_path: Path) -> None:
    path = tmp_path / "begin.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("CREATE TABLE t (x INTEGER)")
    connection = await inline_connector(str(path), busy_timeout=0.1)()
    try:
        other.execute("BEGIN IMMEDIATE")
        assert not begin_at_once(connection)
        assert not connection.sqlite.in_transaction
        other.execute("ROLLBACK")
        assert begin_at_once(connection)
        assert connection.sqlite.in_transaction
        await connection.execute("ROLLBACK")
    finally:
        await connection.close()
        other.close()
    with pytest.raises(ValueError, match="no active connection"):
        begin_at_once(connection)


async def test_a_closed_connection_refuses_work(tmp_path: Path) -> None:
    connection = await inline_connector(str(tmp_path / "c.db"), busy_timeout=1)()
    assert isinstance(connection, InlineConnection)
    await connection.close()
    with pytest.raises(ValueError, match="no active connection"):
        await connection.execute("SELECT 1")


async def test_an_engine_hands_its_one_connection_out_in_turn(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'pool.db'}")
    try:

        async def read(n: int) -> int:
            async with engine.connect() as connection:
                await asyncio.sleep(0.01)
                return int(await connection.scalar(text(f"SELECT {n}")) or 0)

        assert await asyncio.gather(*(read(n) for n in range(5))) == [0, 1, 2, 3, 4]
    finally:
        await engine.dispose()


async def test_the_driver_serves_streams_batches_and_row_ids(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'stream.db'}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)"))
            await connection.execute(
                text("INSERT INTO t (x) VALUES (:x)"), [{"x": n} for n in range(100)]
            )
            inserted = await connection.execute(text("INSERT INTO t (x) VALUES (7)"))
            assert inserted.lastrowid == 101
        async with engine.connect() as connection:
            stream = await connection.stream(text("SELECT x FROM t ORDER BY id"))
            seen = [row.x async for row in stream]
            updated = await connection.execute(text("UPDATE t SET x = 0 WHERE x < 10"))
            await connection.rollback()
    finally:
        await engine.dispose()
    assert seen == [*range(100), 7]
    assert updated.rowcount == 11


def test_the_driver_uses_the_standard_library_only() -> None:
    """No private internals of aiosqlite (or any other library) to break on an upgrade."""
    source = Path(__file__).parents[2] / "bot" / "storage" / "sqlite_inline.py"
    tree = ast.parse(source.read_text())
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
    }
    assert imported <= {"__future__", "asyncio", "sqlite3", "time", "collections", "typing"}
