"""Pacing of a fan-out against a Bot API that enforces 30 messages in any rolling second.

The real Application (``bot/app.py``, polling the in-process ``tests.fakebotapi`` fake on a
fresh SQLite file) and its reminder scheduler as ``bot.app.reminder_scheduler`` wires it;
N runners (default 200) are due at 07:00; one scheduler pass sends them all. The fake
answers 429 (with ``retry_after``) to any message that would make more than 30 in a rolling
second or more than one a second in a chat, and injects no 429 of its own: every 429 is
self-inflicted.

Prints, per round: messages sent, 429s met, the most messages the fake accepted in any
rolling second, the sending rate (messages after the first over the time from the first
accepted to the last accepted) and the pass's rate (messages over the whole pass, claims
and composing included).

Run: ``.venv/bin/python bench/bench_pacing.py [--runners 200] [--rounds 3]``.
Not a test; the fake shares the event loop and CPU with the bot.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import build_application, build_services, prepare_database, reminder_scheduler
from tests.bot.harness import FakeClock, settings_for, sqlite_url
from tests.fakebotapi import FakeBotAPI
from tests.scheduler.helpers import add_runner

FIRST_RUNNER = 500_000
BEFORE_SEVEN = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)  # 06:00 in Berlin
AFTER_SEVEN = datetime(2026, 12, 1, 6, 0, 5, tzinfo=UTC)


def busiest_second(times: list[float]) -> int:
    """The most of ``times`` in any half-open interval one second long."""
    times, most, first = sorted(times), 0, 0
    for last, at in enumerate(times):
        while at - times[first] >= 1.0:
            first += 1
        most = max(most, last - first + 1)
    return most


async def one_round(runners: int, day: int) -> str:
    """One fan-out of ``runners`` reminders on a fresh fake and database; a result line."""
    start = BEFORE_SEVEN + timedelta(days=day)
    clock = FakeClock(start)
    with tempfile.TemporaryDirectory(prefix="hipcoach-pacing-") as folder:
        async with FakeBotAPI() as api:
            api.enforce_rolling_limits(overall=30, per_chat=1)
            settings = settings_for(api, sqlite_url(Path(folder)))
            services = build_services(settings, clock)
            await prepare_database(settings, services.engine)
            application = build_application(settings, services)
            await application.initialize()
            try:
                sessions = services.coach.sessions
                async with sessions() as session, session.begin():
                    for telegram_id in range(FIRST_RUNNER, FIRST_RUNNER + runners):
                        api.user(telegram_id, first_name="Ana")
                        await add_runner(session, telegram_id, now=start)
                scheduler = reminder_scheduler(settings, services, application.bot)
                clock.now = AFTER_SEVEN + timedelta(days=day)
                began = time.monotonic()
                tick = await scheduler.run_once()
                took = time.monotonic() - began
            finally:
                await application.shutdown()
                await services.engine.dispose()
            calls = api.calls("sendMessage")
    accepted = [call.at for call in calls if call.status == 200]
    refused = sum(call.status == 429 for call in calls)
    span = max(accepted) - min(accepted) if len(accepted) > 1 else 0.0
    sending = (len(accepted) - 1) / span if span else 0.0
    return (
        f"sent {tick.sent.sent}/{runners} (retried {tick.sent.retried}, failed "
        f"{tick.sent.failed}), 429s {refused}, busiest rolling second {busiest_second(accepted)}"
        f", sending {sending:.2f} msg/s, pass {len(accepted) / took:.2f} msg/s ({took:.2f} s)"
    )


async def main_async(args: argparse.Namespace) -> None:
    for day in range(args.rounds):
        print(f"round {day + 1}: {await one_round(args.runners, day)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runners", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
