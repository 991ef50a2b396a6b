"""The real bot with 100,000 registered runners: start time and resident memory.

Fills a SQLite file with N runners (``bench_scheduler.populate``), then starts
``python -m bot run`` against the fake Bot API (``tests/fakebotapi``) and measures:

- start: from spawning the process to its answer to a message sent at spawn time (the
  fake holds the message until the bot polls, so this is start-up plus one reply);
- the scheduler's first pass (logged by the bot) and the RSS right after it, plus the
  process's peak RSS (VmHWM) at that point.

Two scenarios, each on a fresh file:

- ``restart``: every runner already scheduled (next reminder in an hour, next check-in in
  three days), as after an ordinary restart;
- ``backfill``: runners set up before the scheduler existed (nothing scheduled), so the
  first pass schedules all of them.

Targets: start < 5 s, RSS < 300 MB.

Run: ``.venv/bin/python bench/bench_startup.py [--runners 100000] [--rounds 2]``
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_scheduler import populate  # type: ignore[import-not-found]
from sqlalchemy import String, cast, func, update

from bot.storage.engine import make_engine, make_session_factory
from bot.storage.migrate import upgrade
from bot.storage.models import PhaseStateRow, Runner
from tests.fakebotapi import FakeBotAPI
from tests.ops.processes import clean_env, start_bot

USER = 99
FIRST_PASS = re.compile(r"first scheduler pass done in ([0-9.]+) s")


async def prepare(path: Path, runners: int, scenario: str) -> float:
    """A migrated SQLite file with ``runners`` runners; seconds it took."""
    started = time.perf_counter()
    url = f"sqlite+aiosqlite:///{path}"
    await upgrade(url)
    engine = make_engine(url)
    try:
        sessions = make_session_factory(engine)
        await populate(sessions, runners, 1)
        now = datetime.now(UTC)
        scheduled = {"next_reminder_at": now + timedelta(hours=1)}
        scheduled["next_checkin_at"] = now + timedelta(days=3)
        values = scheduled if scenario == "restart" else dict.fromkeys(scheduled)
        async with sessions() as session, session.begin():
            await session.execute(update(Runner).values(values))
            # phases up to date (started 0-4 days ago), so the day's phase pass has no news
            days = PhaseStateRow.runner_id % 5
            started_on = func.date(now.date().isoformat(), "-" + cast(days, String) + " days")
            await session.execute(update(PhaseStateRow).values(started_on=started_on))
    finally:
        await engine.dispose()
    return time.perf_counter() - started


def rss_mib(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of ``pid`` in MiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


async def wait_for_line(stream: asyncio.StreamReader, pattern: re.Pattern[str]) -> re.Match[str]:
    """Read log lines until one matches ``pattern``."""
    while line := await stream.readline():
        if match := pattern.search(line.decode(errors="replace")):
            return match
    raise RuntimeError("the bot stopped before its first scheduler pass")


async def one_round(runners: int, scenario: str) -> dict[str, float]:
    """Start the bot on a fresh file; start time, first pass and memory."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "startup.db"
        filled = await prepare(path, runners, scenario)
        async with FakeBotAPI() as api:
            env = clean_env(
                TELEGRAM_BOT_TOKEN=api.token,
                TELEGRAM_API_BASE_URL=api.base_url,
                DATABASE_URL=f"sqlite+aiosqlite:///{path}",
                LOG_LEVEL="INFO",
            )
            started = time.perf_counter()
            process = await start_bot(
                env,
                cwd=folder,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
            )
            try:
                await api.user(USER, first_name="Ana").send_text("/start")
                await api.wait_for_messages(USER, 1, timeout=120)
                ready = time.perf_counter() - started
                assert process.stderr is not None
                match = await asyncio.wait_for(wait_for_line(process.stderr, FIRST_PASS), 600)
                after = time.perf_counter() - started
                rss, peak = rss_mib(process.pid)
            finally:
                process.terminate()
                await asyncio.wait_for(process.wait(), 60)
    return {
        "fill": filled,
        "ready": ready,
        "pass": float(match.group(1)),
        "after": after,
        "rss": rss,
        "peak": peak,
    }


async def main(runners: int, rounds: int) -> None:
    for scenario in ("restart", "backfill"):
        results = [await one_round(runners, scenario) for _ in range(rounds)]
        for n, r in enumerate(results, 1):
            print(
                f"{scenario} #{n}: {runners:,} runners (filled in {r['fill']:.1f} s); "
                f"first reply {r['ready']:.2f} s; first pass {r['pass']:.2f} s, "
                f"done {r['after']:.2f} s after start; RSS {r['rss']:.0f} MiB, "
                f"peak {r['peak']:.0f} MiB"
            )
        ready = [r["ready"] for r in results]
        peak = [r["peak"] for r in results]
        print(
            f"{scenario}: first reply best {min(ready):.2f} s "
            f"(spread {max(ready) - min(ready):.2f} s; target < 5 s); "
            f"peak RSS max {max(peak):.0f} MiB (target < 300 MB)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runners", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    asyncio.run(main(args.runners, args.rounds))
