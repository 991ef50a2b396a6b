"""One seeded fuzz run: runners talking to ``Coach.handle`` in a random interleaving.

Each step is one of: a runner's text, command, button tap (current, stale, forged or another
runner's), location or sticker; a redelivery of an update handled in the last day; the clock
moving on (minutes to days); a scheduler pass with a fake sender. After every step the
invariants of ``tests.fuzz.invariants`` are checked. ``Fuzz.steps`` holds the sequence as
readable lines, so a failure can print it and ``HIPCOACH_FUZZ_SEED`` replays it.
"""

from __future__ import annotations

import random
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.planner import Planner
from bot.service.coach import Coach
from bot.service.messages import Button, Command, Inbound, Location, Media, Reply, Sender, Text
from scheduler.service import ReminderScheduler
from tests.bot.harness import FakeClock
from tests.fuzz import grammar, invariants
from tests.fuzz.known_bugs import LOGGED_TWICE, classify
from tests.scheduler.helpers import FakeSender

__all__ = ["Failure", "Fuzz"]

#: How long Telegram keeps redelivering an update.
_REDELIVERY_WINDOW = timedelta(hours=24)
#: How far the clock moves between scheduler passes while it runs (less than the grace).
_HOP = timedelta(hours=2, minutes=30)


class Failure(Exception):
    """An invariant broke (or an exception escaped) at a step."""

    def __init__(self, step: int, problems: list[str], known: str | None = None) -> None:
        super().__init__(f"step {step}: " + "; ".join(problems))
        self.step = step
        self.problems = problems
        self.known = known


@dataclass
class _Runner:
    index: int
    sender: Sender
    tag: str
    buttons: list[str] = field(default_factory=list)  # newest last
    current: list[str] = field(default_factory=list)


@dataclass
class _Handled:
    runner: _Runner
    inbound: Inbound
    update_id: int
    at: datetime


@dataclass
class Fuzz:
    """A seeded run on ``sessions``; findings named in ``tolerate`` are noted, and it goes on."""

    seed: int
    sessions: async_sessionmaker[AsyncSession]
    planner: Planner
    dialect: str
    tolerate: frozenset[str] = frozenset()
    steps: list[str] = field(default_factory=list)
    #: Known findings met (name → first step), when tolerated.
    known: dict[str, int] = field(default_factory=dict)
    #: What the run reached (kinds of steps, replies, checks), to show it is not vacuous.
    reached: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.clock = FakeClock()
        self.clock.now += timedelta(minutes=self.rng.randrange(0, 24 * 60))
        self.coach = Coach(self.sessions, self.planner, self.clock)
        self.sender = FakeSender()
        self.scheduler = ReminderScheduler(
            self.sessions, self.sender, self.planner, clock=self.clock, instance="fuzz"
        )
        self.update_id = 10_000
        self.number = 0
        self.handled: list[_Handled] = []
        self.session_ids = sorted(self.planner.content.sessions)
        self.twice: set[tuple[int, str]] = set()
        count = self.rng.randrange(2, 5)
        self.runners = [self._runner(index) for index in range(count)]
        self.tags = {runner.sender.telegram_id: runner.tag for runner in self.runners}

    def _runner(self, index: int) -> _Runner:
        tag = f"qx{index}{self.rng.randrange(16**6):06x}k"
        telegram_id = 700_000 + index
        name = grammar.first_name(self.rng, tag)
        return _Runner(index, Sender(telegram_id, telegram_id, name), tag)

    # ------------------------------------------------------------ the run

    async def run(self, count: int) -> None:
        """``count`` random steps, checking every invariant after each."""
        for number in range(count):
            await self.step(number)

    async def step(self, number: int) -> None:
        """One random step and the checks after it."""
        self.number = number
        roll = self.rng.random()
        if roll < 0.04 and self.handled:
            await self._redeliver(number)
        elif roll < 0.10:
            await self._advance(number)
        elif roll < 0.14:
            await self._scheduler_pass(number)
        else:
            runner = self.rng.choice(self.runners)
            await self._deliver(number, runner, self._inbound(runner))
        await self._check_database(number)

    def _note(self, line: str) -> None:
        """Add ``line`` to the step list under the current step's number."""
        self.steps.append(f"{self.number:5d} {line}")

    def _inbound(self, runner: _Runner) -> Inbound:
        roll = self.rng.random()
        if roll < 0.35:
            return Text(grammar.phrase(self.rng, runner.tag))
        if roll < 0.55:
            name, args = grammar.command(self.rng, runner.tag)
            return Command(name, args)
        if roll < 0.58:
            return Location(self.rng.uniform(-90, 90), self.rng.uniform(-180, 180))
        if roll < 0.60:
            return Media(self.rng.choice(["sticker", "photo", "voice"]))
        return Button(self._button(runner))

    def _button(self, runner: _Runner) -> str:
        roll = self.rng.random()
        if roll < 0.5 and runner.current:
            return self.rng.choice(runner.current)
        if roll < 0.7 and runner.buttons:
            return self.rng.choice(runner.buttons)
        others = [data for other in self.runners if other is not runner for data in other.buttons]
        if roll < 0.8 and others:
            return self.rng.choice(others)
        return grammar.button_forgery(self.rng, self.clock().date(), self.session_ids)

    async def _advance(self, number: int) -> None:
        """Move the clock on; mostly with scheduler passes on the way, as the bot runs them."""
        unit = self.rng.choice(["minutes", "minutes", "hours", "days"])
        amount = {"minutes": 59, "hours": 12, "days": 3}[unit]
        delta = timedelta(**{unit: self.rng.randint(1, amount)})
        if self.rng.random() < 0.02:
            delta = timedelta(days=30)
        end = self.clock.now + delta
        self._note(f"clock + {delta} -> {end.isoformat()}")
        if delta > timedelta(days=3) or self.rng.random() < 0.3:  # the bot was down meanwhile
            self.clock.now = end
            return
        while self.clock.now < end:
            self.clock.now = min(end, self.clock.now + _HOP)
            await self._scheduler_pass(number)

    # ------------------------------------------------------------ steps

    async def _deliver(self, number: int, runner: _Runner, inbound: Inbound) -> None:
        self.update_id += 1
        update_id = self.update_id
        self._note(
            f"runner {runner.index} (name {runner.sender.first_name!r}) update {update_id}: "
            f"{_short(inbound)}"
        )
        replies = await self._handle(number, runner, inbound, update_id)
        if replies is None:
            return
        self.handled.append(_Handled(runner, inbound, update_id, self.clock()))
        self.reached[type(inbound).__name__] += 1
        self.reached.update(_kinds(replies))
        problems: list[str] = []
        if not invariants.answered(inbound, replies):
            problems.append(f"no reply to {_short(inbound)}: {replies!r}")
        for reply in replies:
            problems += invariants.reply_problems(reply)
        problems += invariants.leaks(
            runner.sender.telegram_id, invariants.words_of(replies), self.tags
        )
        problems += invariants.export_problems(runner.sender.telegram_id, replies)
        if problems:
            raise Failure(number, problems)
        shown = [data for reply in replies for row in reply.keyboard for _, data in row]
        if shown:
            runner.current = shown
            runner.buttons += shown

    async def _handle(
        self, number: int, runner: _Runner, inbound: Inbound, update_id: int
    ) -> list[Reply] | None:
        """The coach's replies, or None after a known finding was noted (when tolerated)."""
        try:
            return await self.coach.handle(runner.sender, inbound, update_id)
        except Exception as error:
            known = classify(error, self.dialect)
            if known is not None and known in self.tolerate:
                self.known.setdefault(known, number)
                self._note(f"  -> known: {known}: {type(error).__name__}")
                return None
            where = traceback.extract_tb(error.__traceback__)[-1]
            place = f"{Path(where.filename).name}:{where.lineno} in {where.name}"
            problem = f"{type(error).__name__} escaped ({place}): {error!s:.500}"
            raise Failure(number, [problem], known) from error

    async def _redeliver(self, number: int) -> None:
        recent = [item for item in self.handled if self.clock() - item.at < _REDELIVERY_WINDOW]
        if not recent:
            await self._advance(number)
            return
        item = self.rng.choice(recent[-20:])
        self._note(f"redeliver update {item.update_id} (runner {item.runner.index})")
        try:
            replies = await self.coach.handle(item.runner.sender, item.inbound, item.update_id)
        except Exception as error:
            raise Failure(number, [f"{type(error).__name__} escaped a redelivery"]) from error
        self.reached["redelivery"] += 1
        if replies:
            raise Failure(number, [f"redelivered update {item.update_id} answered: {replies!r}"])

    async def _scheduler_pass(self, number: int) -> None:
        self._note(f"scheduler pass at {self.clock().isoformat()}")
        before = len(self.sender.sent)
        try:
            await self.scheduler.run_once(self.clock())
        except Exception as error:
            raise Failure(number, [f"{type(error).__name__} escaped the scheduler"]) from error
        by_chat = {runner.sender.chat_id: runner for runner in self.runners}
        problems: list[str] = []
        for delivery in self.sender.sent[before:]:
            runner = by_chat[delivery.chat_id]
            self._note(f"  sent {delivery.kind} to runner {runner.index}")
            self.reached[f"scheduled {delivery.kind}"] += 1
            problems += [
                f"scheduled {delivery.kind}: {problem}"
                for problem in invariants.reply_problems(Reply(text=delivery.text))
            ]
            problems += invariants.keyboard_problems(delivery.rows)
            words = delivery.text + "".join(label for row in delivery.rows for label, _ in row)
            problems += invariants.leaks(delivery.chat_id, words, self.tags)
            data = [data for row in delivery.rows for _, data in row]
            if data:
                runner.current = data
                runner.buttons += data
        if problems:
            raise Failure(number, problems)

    async def _check_database(self, number: int) -> None:
        async with self.sessions() as session:
            twice = await invariants.days_logged_twice(session)
            problems, compared = await invariants.cache_mismatches(session, self.coach)
        self.reached["cache entries compared"] += compared
        new = twice - self.twice
        if new and LOGGED_TWICE in self.tolerate:
            self.known.setdefault(LOGGED_TWICE, number)
            self._note(f"  -> known: {LOGGED_TWICE}: {sorted(new)}")
            self.twice |= new
        elif new:
            raise Failure(
                number, [f"days logged twice (runner id, day): {sorted(new)}"], LOGGED_TWICE
            )
        if problems:
            raise Failure(number, problems)


def _kinds(replies: list[Reply]) -> list[str]:
    kinds = []
    for reply in replies:
        kinds += ["keyboard"] * bool(reply.keyboard) + ["edit"] * reply.edit
        kinds += ["toast"] * bool(reply.toast) + ["document"] * bool(reply.document)
        kinds += ["photo"] * bool(reply.photo)
    return kinds


def _short(inbound: Inbound) -> str:
    """``inbound`` for the step list, huge strings cut."""
    text = repr(inbound)
    return text if len(text) <= 300 else f"{text[:200]}…({len(text)} chars)…{text[-60:]}"
