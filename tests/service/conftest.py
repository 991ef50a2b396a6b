"""A coach on a fresh migrated SQLite file, a clock the test moves, and a chat to talk to it.

Tests call ``Coach.handle`` the way the Telegram shell does and read what was stored
through the storage functions, in a session of their own (so only committed rows count).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.core.content import load_content
from bot.core.phases import PhaseState
from bot.core.planner import DailyPlan, Planner
from bot.core.records import BodyReport, Completion
from bot.core.triage import OVERNIGHT_CHECK
from bot.service.coach import Coach
from bot.service.messages import Button, Command, Inbound, Reply, Sender, Text
from bot.service.turn import Turn
from bot.storage import (
    Conversation,
    get_conversation,
    get_runner_by_telegram_id,
    load_phase_state,
    make_engine,
    make_session_factory,
    recent_completions,
    recent_reports,
    upgrade,
)
from bot.storage.models import Base, Runner
from tests.bot.harness import FakeClock

RUNNER = 4242
NAME = "Ana"
TODAY = date(2026, 12, 1)  # the FakeClock's day: a Tuesday
SINCE = date(2000, 1, 1)
_TELEGRAM_TAGS = frozenset({"b", "i", "u", "s", "code", "pre", "a", "tg-spoiler", "blockquote"})


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
def coach(sessions: async_sessionmaker[AsyncSession], planner: Planner, clock: FakeClock) -> Coach:
    return Coach(sessions, planner, clock)


@dataclass
class Chat:
    """One runner talking to the coach, and what is stored about them."""

    coach: Coach
    sessions: async_sessionmaker[AsyncSession]
    sender: Sender
    update_id: int = 1000

    # ------------------------------------------------------------ talking

    async def send(self, inbound: Inbound, *, update_id: int | None = None) -> list[Reply]:
        """Hand ``inbound`` to the coach as a new update; every reply must be safe HTML."""
        if update_id is None:
            self.update_id += 1
            update_id = self.update_id
        replies = await self.coach.handle(self.sender, inbound, update_id)
        for reply in replies:
            assert_telegram_html(reply.text)
        return replies

    async def say(self, text: str) -> list[Reply]:
        """A free-text message; never met with silence."""
        replies = await self.send(Text(text))
        assert any(reply.text.strip() for reply in replies), f"silence after {text!r}"
        return replies

    async def command(self, line: str) -> list[Reply]:
        """A slash command as the shell splits it."""
        name, *args = line.lstrip("/").split()
        replies = await self.send(Command(name, tuple(args)))
        assert any(reply.text.strip() or reply.document for reply in replies), line
        return replies

    async def press(self, data: str) -> list[Reply]:
        """A tap on an inline button; it always gets a reply or a toast."""
        replies = await self.send(Button(data))
        assert any(reply.text or reply.toast for reply in replies), data
        return replies

    async def pass_return_checks(self, first: int = 0) -> list[Reply]:
        """Pass the return checks from ``first`` at pain 2/10 or less: those before the hops
        today, then, the next morning, /clear, no worse overnight, and the hops."""
        for index in range(first, OVERNIGHT_CHECK):
            await self.press(f"v1|ck|{index}|yes")
        self.next_day()
        await self.command("/clear")
        await self.press("v1|cs|yes")
        return await self.press(f"v1|ck|{OVERNIGHT_CHECK}|yes")

    # ------------------------------------------------------------ what is stored

    def next_day(self) -> None:
        """Move the coach's clock on a day (a hold's return checks wait a day after its
        sign was said)."""
        clock = self.coach.clock
        assert isinstance(clock, FakeClock)
        clock.advance(days=1)

    async def runner(self) -> Runner:
        async with self.sessions() as session:
            runner = await get_runner_by_telegram_id(session, self.sender.telegram_id)
        assert runner is not None
        return runner

    async def exists(self) -> bool:
        async with self.sessions() as session:
            return await get_runner_by_telegram_id(session, self.sender.telegram_id) is not None

    async def state(self) -> PhaseState:
        runner = await self.runner()
        async with self.sessions() as session:
            return await load_phase_state(session, runner.id)

    async def completions(self) -> list[Completion]:
        runner = await self.runner()
        async with self.sessions() as session:
            return await recent_completions(session, runner.id, SINCE)

    async def reports(self) -> list[BodyReport]:
        runner = await self.runner()
        async with self.sessions() as session:
            return await recent_reports(session, runner.id, SINCE)

    async def conversation(self) -> Conversation | None:
        async with self.sessions() as session:
            return await get_conversation(session, self.sender.chat_id)

    async def plan(self, clock: FakeClock) -> DailyPlan:
        """Today's plan as /today would build it (nothing written)."""
        async with self.sessions() as session:
            turn = await Turn.open(session, self.coach.planner, self.sender, clock())
            plan = await turn.plan()
            await session.rollback()
        return plan

    async def rows_about(self, runner_id: int) -> dict[str, int]:
        """How many rows every table holds about ``runner_id`` (and this chat)."""
        counts: dict[str, int] = {}
        async with self.sessions() as session:
            for table in Base.metadata.sorted_tables:
                column = table.c.get("runner_id")
                if table.name == "runners":
                    column, key = table.c.id, runner_id
                elif table.name == "conversations":
                    column, key = table.c.chat_id, self.sender.chat_id
                else:
                    key = runner_id
                if column is None:
                    continue
                query = select(func.count()).select_from(table).where(column == key)
                counts[table.name] = int(await session.scalar(query) or 0)
        return counts


@pytest.fixture
def chat(coach: Coach, sessions: async_sessionmaker[AsyncSession]) -> Chat:
    return Chat(coach, sessions, Sender(RUNNER, RUNNER, NAME))


# ---------------------------------------------------------------- reading replies


def texts(replies: Iterable[Reply]) -> str:
    """Every reply's text, one paragraph each."""
    return "\n\n".join(reply.text for reply in replies)


def buttons(replies: Iterable[Reply]) -> list[str]:
    """The callback data of every inline button, in order."""
    return [data for reply in replies for row in reply.keyboard for _, data in row]


def button(replies: Iterable[Reply], prefix: str) -> str:
    """The first button whose callback data starts with ``prefix``."""
    found = [data for data in buttons(replies) if data.startswith(prefix)]
    assert found, f"no {prefix!r} button in {buttons(replies)}"
    return found[0]


_TAG = re.compile(r"</?([a-z-]+)(?:\s[^<>]*)?>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")


def assert_telegram_html(text: str) -> None:
    """``text`` is Telegram HTML: known tags, balanced, every other ``<``, ``>``, ``&`` escaped."""
    open_tags: list[str] = []
    for match in _TAG.finditer(text):
        tag = match.group(1)
        assert tag in _TELEGRAM_TAGS, f"<{tag}> is not Telegram HTML: {text!r}"
        if match.group().startswith("</"):
            assert open_tags[-1:] == [tag], f"unbalanced </{tag}> in {text!r}"
            open_tags.pop()
        else:
            open_tags.append(tag)
    assert not open_tags, f"unclosed {open_tags} in {text!r}"
    plain = _ENTITY.sub("", _TAG.sub("", text))
    assert not set(plain) & set("<>&"), f"unescaped <, > or & in {text!r}"
