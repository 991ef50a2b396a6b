"""What one update costs inside the coach, without Telegram: ``Coach.handle`` per update.

With the outbox, each update is ``handle_queued`` (its replies written in its transaction)
then ``outbox.deliver`` to a send that succeeds at once (the rows deleted again).

N runners (onboarded with defaults by a first "hi", then asked once so their phase is up to
date) ask "what's today's session?" in turn on a fresh SQLite file; the figure is the mean
over ``--updates`` calls, with the time in each step the coach takes (claim, the turn's
read, the two history reads (answered from the coach's history cache while a runner's
history is unchanged), understanding, planning, rendering) and the statements run.

Run: ``.venv/bin/python bench/bench_coach.py [--runners 100] [--updates 3000]``
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event

import bot.service.coach as coach_module
import bot.service.training as training_module
from bot.core.content import load_content
from bot.core.planner import Planner
from bot.service.coach import Coach
from bot.service.messages import Sender, Text
from bot.storage import chats, records
from bot.storage.engine import make_engine, make_session_factory
from bot.storage.migrate import upgrade

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
QUESTION = Text("what's today's session?")
spent: dict[str, float] = {}


def timed(owner: Any, name: str, label: str) -> None:
    """Add the time spent in ``owner.name`` to ``spent[label]`` (if the step exists)."""
    real = getattr(owner, name, None)
    if real is None:  # an older layout (the script also runs on earlier commits)
        return
    spent[label] = 0.0
    if asyncio.iscoroutinefunction(real):

        async def timed_async(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await real(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - started

        setattr(owner, name, timed_async)
        return

    def timed_sync(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - started

    setattr(owner, name, timed_sync)


async def _telegram_took_it(*_: Any) -> Any:
    """A send that succeeds at once (the outbox then deletes the rows)."""
    from bot.service.sending import SendKind, SendResult  # noqa: PLC0415 - newer layouts only

    return SendResult(SendKind.SENT)


def _outbox() -> Any:
    try:
        return importlib.import_module("bot.storage.outbox")
    except ImportError:
        return None


def _turns() -> Any:
    try:
        return importlib.import_module("bot.storage.turns")
    except ImportError:
        return None


async def main(runners: int, updates: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'coach.db'}"
        await upgrade(url)
        engine = make_engine(url)
        statements = [0]

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def _count(*_: Any) -> None:
            statements[0] += 1

        planner = Planner(load_content())
        coach = Coach(make_session_factory(engine), planner, lambda: NOW)
        senders = [Sender(1_000 + i, 1_000 + i, f"Runner{i}") for i in range(runners)]
        update_id = 0

        async def ask(sender: Sender, text: Text) -> None:
            nonlocal update_id
            update_id += 1
            if not hasattr(coach, "handle_queued"):  # before the outbox
                await coach.handle(sender, text, update_id)
                return
            queued = await coach.handle_queued(sender, text, update_id)
            await coach.outbox.deliver(queued, _telegram_took_it)

        for text in (Text("hi"), QUESTION):  # onboarded with defaults, phase up to date
            for sender in senders:
                await ask(sender, text)
        for owner, name, label in (
            (chats, "claim_update", "claim the update"),
            (_turns(), "load_turn", "runner, phase, conversation"),
            (records, "recent_completions", "recent logs"),
            (records, "recent_reports", "recent reports"),
            (coach_module, "understand", "understanding"),
            (planner, "plan_for", "planning"),
            (training_module.render, "session_message", "rendering"),
            (_outbox(), "enqueue", "outbox: write the rows"),
            (_outbox(), "delete_rows", "outbox: delete the sent rows"),
        ):
            timed(owner, name, label)
        statements[0] = 0
        started, cpu_started = time.perf_counter(), time.process_time()
        for index in range(updates):
            await ask(senders[index % runners], QUESTION)
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        await engine.dispose()
    print(f"Coach.handle: {total / updates * 1000:.3f} ms per update over {updates:,} updates,")
    print(f"  {cpu / updates * 1000:.3f} ms of CPU each (steadier when the machine is shared)")
    print(f"  {statements[0] / updates:.1f} SQL statements each through the engine (not counted:")
    print("  COMMIT, and BEGIN IMMEDIATE, which runs straight on the connection when it can)")
    for label, seconds in spent.items():
        print(f"  {label:30s} {seconds / updates * 1000:.3f} ms")
    rest = total - sum(spent.values())
    print(f"  {'the rest (session, commit, turn)':30s} {rest / updates * 1000:.3f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runners", type=int, default=100)
    parser.add_argument("--updates", type=int, default=3000)
    args = parser.parse_args()
    asyncio.run(main(args.runners, args.updates))
