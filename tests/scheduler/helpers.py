"""Test helpers: runners in the database, a fake sender, a fake monotonic clock."""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.phases import DayPassed, PhaseState, transition
from bot.core.planner import Planner
from bot.core.timing import local_date_of
from bot.core.vocabulary import Phase
from bot.storage.models import Base, DeliveryRow, Runner
from bot.storage.repository import save_phase_state
from bot.storage.schedule import reschedule
from scheduler.messages import ReminderComposer
from scheduler.sender import Delivery, SendKind, SendReport, SendResult, send_pending


class FakeMonotonic:
    """A monotonic clock whose sleep just moves it on."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds


@dataclass
class FakeSender:
    """Records sends; ``script[chat]`` holds results to return before succeeding."""

    sent: list[Delivery] = field(default_factory=list)
    calls: list[Delivery] = field(default_factory=list)
    script: dict[int, deque[SendResult]] = field(default_factory=lambda: defaultdict(deque))

    async def __call__(self, delivery: Delivery) -> SendResult:
        self.calls.append(delivery)
        queue = self.script.get(delivery.chat_id)
        if queue:
            return queue.popleft()
        self.sent.append(delivery)
        return SendResult(SendKind.SENT, message_id=len(self.sent))

    def then(self, chat_id: int, *results: SendResult) -> None:
        self.script[chat_id].extend(results)

    def per_chat(self) -> dict[int, int]:
        counts: dict[int, int] = defaultdict(int)
        for delivery in self.sent:
            counts[delivery.chat_id] += 1
        return dict(counts)


async def add_runner(
    session: AsyncSession,
    telegram_id: int,
    *,
    at: time | None = time(7, 0),
    zone: str = "Europe/Berlin",
    now: datetime,
    started: date = date(2026, 1, 5),
    phase: Phase = Phase.BASE,
    caught_up: bool = True,
) -> Runner:
    """A runner in ``phase`` with a reminder at ``at`` in ``zone``, scheduled from ``now``.

    The phase state is brought up to ``now``'s local date (as a message would), so the
    daily phase pass finds nothing to announce that day unless ``caught_up`` is False.
    """
    runner = Runner(
        telegram_id=telegram_id, first_name="Ana", timezone=zone, reminder_time=at, onboarded=True
    )
    session.add(runner)
    await session.flush()
    state = PhaseState(phase=phase, started_on=started, newcomer=False)
    if caught_up:
        state = transition(state, DayPassed(), local_date_of(now, zone)).state
    await save_phase_state(session, runner.id, state, "test", state.started_on, changed=False)
    await reschedule(session, runner, now)
    await session.flush()
    return runner


async def deliveries_of(
    sessions: async_sessionmaker[AsyncSession],
) -> list[DeliveryRow]:
    async with sessions() as session:
        rows = await session.scalars(select(DeliveryRow).order_by(DeliveryRow.id))
        return list(rows)


async def send(
    sessions: async_sessionmaker[AsyncSession],
    sender: FakeSender,
    planner: Planner,
    now: datetime,
    **options: object,
) -> SendReport:
    """``send_pending`` with the reminder composer."""
    return await send_pending(
        sessions,
        sender,
        now,
        compose=ReminderComposer(planner),
        **options,  # type: ignore[arg-type]
    )


async def rows_of_runner(sessions: async_sessionmaker[AsyncSession], runner_id: int) -> int:
    """How many rows, in every table, are about ``runner_id`` (0 once they are erased)."""
    total = 0
    async with sessions() as session:
        for table in Base.metadata.sorted_tables:
            column = table.c.id if table.name == "runners" else table.c.get("runner_id")
            if column is not None:
                count = select(func.count()).select_from(table).where(column == runner_id)
                total += int(await session.scalar(count) or 0)
    return total


def hours(n: float) -> timedelta:
    return timedelta(hours=n)
