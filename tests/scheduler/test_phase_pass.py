"""Phase changes on time: one PHASE message per change, however often the pass runs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.core.phases import PauseRequested, transition
from bot.core.planner import Planner
from bot.core.vocabulary import Phase
from bot.service.messages import Sender
from bot.service.turn import Turn
from bot.storage.models import DeliveryKind, PhaseHistoryRow
from bot.storage.repository import load_phase_state, save_phase_state
from scheduler.phase_pass import PhasePass
from tests.scheduler.helpers import FakeSender, add_runner, deliveries_of, send
from tests.storage.conftest import Database

CHAT = 8001
# Sunday 8 March 2026; the base week that began on Monday 2 March ends on Monday 9 March.
BEFORE = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)
MONDAY_0700 = datetime(2026, 3, 9, 6, 0, tzinfo=UTC)  # 07:00 in Berlin


async def base_runner(database: Database) -> int:
    async with database.sessions() as session, session.begin():
        runner = await add_runner(session, CHAT, at=None, now=BEFORE, started=date(2026, 3, 2))
        return runner.id


async def test_base_end_gives_one_phase_message_even_when_the_pass_runs_twice(
    database: Database, planner: Planner
) -> None:
    runner_id = await base_runner(database)
    first = PhasePass("a")
    assert await first.run(database.sessions, MONDAY_0700 - timedelta(minutes=1)) == 0
    assert await first.run(database.sessions, MONDAY_0700) == 1
    assert await first.run(database.sessions, MONDAY_0700 + timedelta(minutes=1)) == 0
    assert await PhasePass("b").run(database.sessions, MONDAY_0700 + timedelta(hours=1)) == 0
    sender = FakeSender()
    await send(database.sessions, sender, planner, MONDAY_0700 + timedelta(hours=1))
    (notice,) = sender.sent
    assert notice.kind is DeliveryKind.PHASE
    assert notice.local_date == date(2026, 3, 9)
    assert "Your base phase is done" in notice.text
    assert "light hops and jumps" in notice.text
    async with database.sessions() as session:
        state = await load_phase_state(session, runner_id)
        history = list(await session.scalars(select(PhaseHistoryRow.reason)))
    assert state.phase is Phase.DYNAMIC_BLOCK
    assert sum("Your base phase is done" in reason for reason in history) == 1
    assert [r.kind for r in await deliveries_of(database.sessions)] == [DeliveryKind.PHASE]


async def test_no_phase_message_when_a_message_applied_the_change_first(
    database: Database, planner: Planner
) -> None:
    await base_runner(database)
    async with database.sessions() as session, session.begin():
        turn = await Turn.open(
            session, planner, Sender(CHAT, CHAT, "Ana"), MONDAY_0700 - timedelta(hours=1)
        )
        assert any("Your base phase is done" in notice for notice in turn.notices)
    assert await PhasePass("a").run(database.sessions, MONDAY_0700) == 0
    assert await deliveries_of(database.sessions) == []


async def test_the_end_of_a_pause_says_welcome_back(database: Database, planner: Planner) -> None:
    runner_id = await base_runner(database)
    async with database.sessions() as session, session.begin():
        state = await load_phase_state(session, runner_id, for_update=True)
        paused = transition(state, PauseRequested(date(2026, 3, 12)), date(2026, 3, 8))
        await save_phase_state(
            session, runner_id, paused.state, paused.reason, date(2026, 3, 8), changed=True
        )
    pass_ = PhasePass("a")
    for day in range(1, 4):  # Mon to Wed: still paused
        assert await pass_.run(database.sessions, MONDAY_0700 + timedelta(days=day - 1)) == 0
    assert await pass_.run(database.sessions, MONDAY_0700 + timedelta(days=4)) == 1
    sender = FakeSender()
    await send(database.sessions, sender, planner, MONDAY_0700 + timedelta(days=4))
    (notice,) = sender.sent
    assert notice.local_date == date(2026, 3, 13)
    assert notice.text.startswith("🔄 Welcome back!")
    async with database.sessions() as session:
        assert (await load_phase_state(session, runner_id)).phase is not Phase.PAUSED
