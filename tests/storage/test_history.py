"""The history cache: a turn reads the committed history of the version it locked, or its own.

Each test runs on SQLite and, when configured, PostgreSQL; "instances" are engines of their
own on the same database, each with its own cache, as two ``hipcoach run`` processes.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.core.records import BodyReport, Completion, CompletionStatus
from bot.core.vocabulary import Area, Category, ReportKind, Side
from bot.storage.engine import make_engine, make_session_factory
from bot.storage.history import HistoryCache
from bot.storage.records import (
    add_body_report,
    log_completion,
    recent_completions,
    recent_reports,
)
from bot.storage.repository import get_or_create_runner
from bot.storage.turns import TurnRecord, load_turn
from tests.storage.conftest import Database

DAY = date(2026, 3, 2)
SINCE = DAY - timedelta(days=14)
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
RUNNER = 7


@dataclass
class Instance:
    """One process's engine, sessions and cache."""

    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    cache: HistoryCache

    @asynccontextmanager
    async def turn(self, telegram_id: int = RUNNER) -> AsyncIterator[Turn]:
        """A transaction that opened a turn (the phase state locked until it ends)."""
        async with self.sessions() as session, session.begin():
            record = await load_turn(session, telegram_id, telegram_id)
            assert record is not None
            yield Turn(session, record, self.cache)

    async def history(self, telegram_id: int = RUNNER) -> History:
        """What a turn of its own reads through the cache."""
        async with self.turn(telegram_id) as turn:
            return await turn.history()


History = tuple[list[Completion], list[BodyReport]]


class RolledBack(Exception):
    """Raised inside a turn to roll it back."""


@dataclass
class Turn:
    """A turn's session, record and cache."""

    session: AsyncSession
    record: TurnRecord
    cache: HistoryCache

    async def history(self) -> History:
        runner_id, version = self.record.runner.id, self.record.history_version
        return (
            await self.cache.completions(self.session, runner_id, version, SINCE),
            await self.cache.reports(self.session, runner_id, version, SINCE),
        )

    async def log(self, session_id: str, status: CompletionStatus = CompletionStatus.DONE) -> None:
        done = Completion(DAY, Category.DYNAMIC, session_id, status)
        await log_completion(self.session, self.record.runner.id, done, NOW)

    async def report(self, severity: int) -> None:
        sore = BodyReport(DAY, Area.CALVES, ReportKind.SORENESS, Side.LEFT, severity)
        await add_body_report(self.session, self.record.runner.id, sore, "calf", NOW)


async def stored(database: Database, telegram_id: int = RUNNER) -> History:
    """The committed history, read without any cache."""
    async with database.sessions() as session:
        record = await load_turn(session, telegram_id, telegram_id)
        assert record is not None
        runner_id = record.runner.id
        return (
            await recent_completions(session, runner_id, SINCE),
            await recent_reports(session, runner_id, SINCE),
        )


@contextmanager
def counting(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements ``engine`` runs meanwhile."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


async def add_runners(database: Database, *telegram_ids: int) -> None:
    async with database.sessions() as session, session.begin():
        for telegram_id in telegram_ids:
            await get_or_create_runner(session, telegram_id, None, DAY)


@pytest.fixture
async def instances(database: Database) -> AsyncIterator[list[Instance]]:
    """Two instances on the test database, and its runner."""
    await add_runners(database, RUNNER)
    engines = [make_engine(database.url) for _ in range(2)]
    try:
        yield [Instance(engine, make_session_factory(engine), HistoryCache()) for engine in engines]
    finally:
        for engine in engines:
            await engine.dispose()


def session_ids(history: History) -> list[str]:
    return [completion.session_id for completion in history[0]]


async def test_an_unchanged_history_is_read_once(instances: list[Instance]) -> None:
    one, _ = instances
    assert await one.history() == ([], [])
    with counting(one.engine) as statements:
        assert await one.history() == ([], [])
    assert not [sql for sql in statements if "completions" in sql or "body_reports" in sql]


async def test_a_committed_write_is_read_by_the_next_turn(instances: list[Instance]) -> None:
    one, _ = instances
    await one.history()
    async with one.turn() as turn:
        await turn.log("hops-1")
        await turn.report(4)
    completions, reports = await one.history()
    assert [c.session_id for c in completions] == ["hops-1"]
    assert [r.severity for r in reports] == [4]


async def test_a_turn_reads_its_own_write_and_remembers_nothing_of_it(
    database: Database, instances: list[Instance]
) -> None:
    one, _ = instances
    await one.history()

    async def write_read_and_fail() -> None:
        async with one.turn() as turn:
            assert await turn.history() == ([], [])
            await turn.log("hops-1")
            await turn.report(6)
            completions, reports = await turn.history()
            assert [c.session_id for c in completions] == ["hops-1"]
            assert [r.severity for r in reports] == [6]
            raise RolledBack

    with pytest.raises(RolledBack):
        await write_read_and_fail()
    assert await one.history() == ([], [])
    async with one.turn() as turn:  # the same next version, with another write
        await turn.log("mob-1", CompletionStatus.SKIPPED)
    assert session_ids(await one.history()) == ["mob-1"]
    assert await one.history() == await stored(database)


async def test_a_write_from_another_instance_is_seen(instances: list[Instance]) -> None:
    one, other = instances
    assert await one.history() == ([], [])
    async with other.turn() as turn:
        await turn.log("hops-1")
    assert session_ids(await one.history()) == ["hops-1"]
    async with other.turn() as turn:
        await turn.log("hops-1", CompletionStatus.SKIPPED)  # an update of the same row
    (skipped,), _ = await one.history()
    assert skipped.status is CompletionStatus.SKIPPED


async def test_a_write_committed_while_the_turn_waits_for_the_lock_is_seen(
    instances: list[Instance],
) -> None:
    one, other = instances
    assert await one.history() == ([], [])  # version 0 remembered
    async with other.turn() as turn:
        await turn.log("hops-1")
        waiting = asyncio.create_task(one.history())
        await asyncio.sleep(0.3)
        assert not waiting.done()  # the phase state (PostgreSQL) or the file (SQLite) is locked
    assert session_ids(await waiting) == ["hops-1"]


async def test_runners_are_kept_apart(database: Database, instances: list[Instance]) -> None:
    one, _ = instances
    await add_runners(database, RUNNER + 1)
    async with one.turn() as turn:
        await turn.log("hops-1")
    assert await one.history(RUNNER + 1) == ([], [])
    assert session_ids(await one.history()) == ["hops-1"]


_STEPS = st.lists(
    st.tuples(
        st.sampled_from([0, 1]),  # which instance
        st.sampled_from([0, 1]),  # which runner
        st.sampled_from(["read", "log", "skip", "report"]),
        st.booleans(),  # commit (or roll back)
        st.booleans(),  # read again inside the turn after writing
    ),
    max_size=12,
)
_FRESH = itertools.count(1000, 2)
Step = tuple[int, int, str, bool, bool]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=_STEPS)
async def test_every_read_is_the_committed_history_or_the_turns_own(
    database: Database, steps: list[Step]
) -> None:
    runners = (next(_FRESH), next(_FRESH) + 1)  # each example has runners of its own
    await add_runners(database, *runners)
    engines = [make_engine(database.url) for _ in range(2)]
    try:
        instances = [Instance(e, make_session_factory(e), HistoryCache(8)) for e in engines]
        for which, runner, action, commit, read_again in steps:
            await _step(instances[which], runners[runner], action, commit, read_again=read_again)
            for instance in instances:
                for telegram_id in runners:
                    assert await instance.history(telegram_id) == await stored(
                        database, telegram_id
                    )
    finally:
        for engine in engines:
            await engine.dispose()


async def _step(
    instance: Instance, telegram_id: int, action: str, commit: bool, *, read_again: bool
) -> None:
    """One turn: read, maybe write (and read again), then commit or roll back."""
    try:
        async with instance.turn(telegram_id) as turn:
            before = await turn.history()
            if action in ("log", "skip"):
                done = CompletionStatus.DONE if action == "log" else CompletionStatus.SKIPPED
                await turn.log(f"s-{len(before[0]) % 3}", done)
            elif action == "report":
                await turn.report(len(before[1]) % 10)
            if read_again:
                runner_id = turn.record.runner.id
                assert await turn.history() == (
                    await recent_completions(turn.session, runner_id, SINCE),
                    await recent_reports(turn.session, runner_id, SINCE),
                )
            if not commit:
                raise RolledBack
    except RolledBack:
        pass


async def test_a_runner_takes_one_entry_however_often_they_write(
    instances: list[Instance],
) -> None:
    first, _ = instances
    for round_ in range(5):
        async with first.turn() as turn:
            await turn.log(f"session-{round_}")
            await turn.report(round_)
        completions = (await first.history())[0]  # one log a day: the latest
        assert [c.session_id for c in completions] == [f"session-{round_}"]
    assert len(first.cache._completions._values) == 1  # the latest version only
    assert len(first.cache._reports._values) == 1
