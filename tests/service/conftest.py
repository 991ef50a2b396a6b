"""A coach on a fresh migrated SQLite file, a clock the test moves, and helpers to talk to it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.core.content import load_content
from bot.core.planner import Planner
from bot.service.coach import Coach
from bot.service.messages import Button, Command, Inbound, Reply, Sender, Text
from bot.storage import make_engine, make_session_factory, upgrade
from bot.storage.models import Base
from tests.bot.harness import FakeClock

RUNNER = 4242
NAME = "Ana"


@pytest.fixture(scope="session")
def planner() -> Planner:
    return Planner(load_content())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'hipcoach.db'}"
    await upgrade(url)
    engine = make_engine(url)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return make_session_factory(engine)


@pytest.fixture
def coach(
    sessions: async_sessionmaker[AsyncSession], planner: Planner, clock: FakeClock
) -> Coach:
    return Coach(sessions, planner, clock)


@dataclass
class Chat:
    """One runner talking to the coach: what they send and what they are answered."""

    coach: Coach
    sessions: async_sessionmaker[AsyncSession]
    sender: Sender
    update_id: int = 1000

    async def send(self, inbound: Inbound, *, update_id: int | None = None) -> list[Reply]:
        if update_id is None:
            self.update_id += 1
            update_id = self.update_id
        return await self.coach.handle(self.sender, inbound, update_id)

    async def say(self, text: str) -> list[Reply]:
        return await self.send(Text(text))

    async def command(self, line: str) -> list[Reply]:
        name, *args = line.lstrip("/").split()
        return await self.send(Command(name, tuple(args)))

    async def press(self, data: str) -> list[Reply]:
        return await self.send(Button(data))

    async def read(self, query: Any) -> Any:
        async with self.sessions() as session:
            return await query(session)

    async def rows(self, model: type[Base]) -> int:
        async with self.sessions() as session:
            return int(await session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def chat(coach: Coach, sessions: async_sessionmaker[AsyncSession]) -> Chat:
    return Chat(coach, sessions, Sender(RUNNER, RUNNER, NAME))
