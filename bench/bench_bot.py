"""Updates per second and reply latency: HipCoach against a bare echo bot, same fake Bot API.

Both bots are real python-telegram-bot Applications polling their own in-process
``tests.fakebotapi.FakeBotAPI`` (getUpdates hands out up to 100 updates a call) with the
polling settings of ``tests/bot/harness.py``. The echo bot keeps PTB's defaults (one update
at a time, httpx transport); HipCoach runs as in production (``bot/app.py``: 16 updates at
once with each chat's in order, aiohttp transport). HipCoach is the Application from
``bot.app`` on a fresh SQLite file (migrations applied; its post_init/post_shutdown run, so
the reminder scheduler runs as in production); each of N runners asks "what's today's
session?" M times. The echo bot answers every text with ``reply_text(text)``. Both get the
same warm-up (one "hi" per runner, not counted) and the same updates.

Latency of an update: from the moment it was queued in the fake (``time.monotonic()``, the
clock the fake stamps ``Call.at`` with) to the moment the bot's first ``sendMessage`` for it
reached the fake. Service time: from the start of the update's processing in PTB to its end
(marked by TypeHandlers in groups -1 and 1 around the bot's own handlers).

Rounds: ``backlog`` queues all N x M updates up front (as after a burst); ``--rate R`` adds a
paced round injecting ``--paced-updates`` updates at R per second. ``--diagnose`` adds rows
that swap PTB's AIORateLimiter (which HipCoach installs) off HipCoach and onto the echo bot,
and an echo bot on HipCoach's aiohttp transport (``bot/telegram/transport.py``) instead of
PTB's default httpx one.
``--canned-ms X`` makes HipCoach's coach repeat its first answer after X ms of busy CPU:
the ratio it gives is what the coach's own cost may be for a given target.

Run: ``.venv/bin/python bench/bench_bot.py [--runners 200] [--messages 5] [--rate 20]``.
Not a test; the in-process fake shares the event loop and CPU with the bot in both cases.
Exit status: 0 when HipCoach reaches the target ratio, 1 below it, 2 on missing/error replies.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("PTB_TIMEDELTA", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.app import build_application, build_services, prepare_database
from bot.telegram.transport import AiohttpRequest
from tests.bot.harness import FakeClock, settings_for, sqlite_url
from tests.fakebotapi import FakeBotAPI, UserHandle

QUESTION = "what's today's session?"
WARM_UP = "hi"
POLLING: dict[str, Any] = {"poll_interval": 0.0, "timeout": 1}  # as tests/bot/harness.py
FIRST_USER_ID = 10_000
ERROR_REPLY = "Sorry, something went wrong"
TARGET, AIM = 0.5, 0.8
CANNED_MS: float | None = None  # --canned-ms (diagnostic)
SETTLE = 2.0  # seconds of quiet between rounds (AIORateLimiter's 1 s bucket drains)

App = Application  # type: ignore[type-arg]


# ------------------------------------------------------------------------------------------
# marks: when PTB started and finished each update
# ------------------------------------------------------------------------------------------


@dataclass
class Marks:
    """Processing start/end per update_id, filled by two TypeHandlers around the bot's own."""

    starts: dict[int, float] = field(default_factory=dict)
    ends: dict[int, float] = field(default_factory=dict)
    _wanted: set[int] = field(default_factory=set)
    _done: asyncio.Event = field(default_factory=asyncio.Event)

    def install(self, application: App) -> None:
        application.add_handler(TypeHandler(Update, self._start), group=-1)
        application.add_handler(TypeHandler(Update, self._end), group=1)

    async def _start(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        self.starts[update.update_id] = time.monotonic()

    async def _end(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        self.ends[update.update_id] = time.monotonic()
        self._wanted.discard(update.update_id)
        if not self._wanted:
            self._done.set()

    def expect(self, update_ids: set[int]) -> None:
        self._wanted = update_ids - self.ends.keys()
        self._done.clear()
        if not self._wanted:
            self._done.set()

    async def wait(self, timeout: float) -> None:  # noqa: ASYNC109 - a plain deadline
        try:
            await asyncio.wait_for(self._done.wait(), timeout)
        except TimeoutError:
            raise SystemExit(
                f"timed out: {len(self._wanted)} update(s) still unprocessed after {timeout} s"
            ) from None


# ------------------------------------------------------------------------------------------
# the two bots
# ------------------------------------------------------------------------------------------


async def _run(application: App) -> None:
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(**POLLING)


async def _stop(application: App) -> None:
    assert application.updater is not None
    await application.updater.stop()
    await application.stop()
    await application.shutdown()
    if application.post_shutdown:  # run_polling calls it (HipCoach stops its scheduler there)
        await application.post_shutdown(application)


@asynccontextmanager
async def hipcoach(api: FakeBotAPI, marks: Marks, *, rate_limiter: bool) -> AsyncIterator[App]:
    """HipCoach as tests/bot/harness.running_bot starts it, on a fresh SQLite file."""
    with tempfile.TemporaryDirectory(prefix="hipcoach-bench-") as folder:
        settings = settings_for(api, sqlite_url(Path(folder)))
        services = build_services(settings, FakeClock())
        await prepare_database(settings, services.engine)
        application = build_application(settings, services)
        if not rate_limiter:  # diagnostic only: what the bot costs without PTB's throttle
            application.bot._rate_limiter = None
        if CANNED_MS is not None:
            _can(services.coach, CANNED_MS / 1000)
        marks.install(application)
        await _run(application)
        try:
            yield application
        finally:
            await _stop(application)
            await services.engine.dispose()


def _can(coach: Any, seconds: float) -> None:
    """Diagnostic: after its first answer to a text, the coach repeats it after ``seconds``
    of busy CPU, so a round shows what everything but the coach costs (``--canned-ms``)."""
    real, answers = coach.handle, {}

    async def canned(sender: Any, inbound: Any, update_id: int | None = None) -> Any:
        text = getattr(inbound, "text", None)
        if text != QUESTION or text not in answers:
            answers[text] = await real(sender, inbound, update_id)
            return answers[text]
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            pass
        return answers[text]

    coach.handle = canned


async def _echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    assert update.message.text is not None
    await update.message.reply_text(update.message.text)


@asynccontextmanager
async def echo(
    api: FakeBotAPI, marks: Marks, *, rate_limiter: bool, aiohttp: bool = False
) -> AsyncIterator[App]:
    """A bare PTB Application: MessageHandler(filters.TEXT, echo)."""
    builder = ApplicationBuilder().token(api.token).base_url(api.base_url)
    builder = builder.base_file_url(api.base_file_url)
    if aiohttp:  # diagnostic only: HipCoach's transport under the echo bot
        builder = builder.request(AiohttpRequest())
        builder = builder.get_updates_request(AiohttpRequest(connection_pool_size=1))
    if rate_limiter:  # diagnostic only: the throttle HipCoach installs (bot/app.py)
        builder = builder.rate_limiter(AIORateLimiter(overall_max_rate=0, max_retries=3))
    application = builder.build()
    application.add_handler(MessageHandler(filters.TEXT, _echo))
    marks.install(application)
    await _run(application)
    try:
        yield application
    finally:
        await _stop(application)


BotFactory = Callable[..., Any]


# ------------------------------------------------------------------------------------------
# rounds
# ------------------------------------------------------------------------------------------


@dataclass
class RoundResult:
    bot: str
    mode: str
    updates: int
    wall: float
    cpu: float
    latencies: list[float]
    service: list[float]
    replies: int
    errors: int
    stray: int  # sendMessage calls outside any update's processing (e.g. the scheduler)

    @property
    def rate(self) -> float:
        return self.updates / self.wall if self.wall > 0 else 0.0


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def inject(
    order: list[UserHandle], text: str, rate: float | None
) -> dict[int, tuple[int, float]]:
    """Queue ``text`` from each user in ``order``; return update_id -> (chat, queued at)."""
    queued: dict[int, tuple[int, float]] = {}
    started = time.monotonic()
    for index, user in enumerate(order):
        if rate:
            delay = started + index / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        at = time.monotonic()
        update = await user.send_text(text)
        queued[int(update["update_id"])] = (user.chat_id, at)
    return queued


async def play(
    marks: Marks, order: list[UserHandle], text: str, rate: float | None
) -> tuple[dict[int, tuple[int, float]], float]:
    """Inject a round and wait until PTB has finished every update of it."""
    cpu = cpu_seconds()
    queued = await inject(order, text, rate)  # paced: the bot works meanwhile
    marks.expect(set(queued))
    await marks.wait(timeout=max(60.0, 0.2 * len(queued)))
    return queued, cpu_seconds() - cpu


def measure(
    bot: str,
    mode: str,
    *,
    api: FakeBotAPI,
    marks: Marks,
    queued: dict[int, tuple[int, float]],
    cpu: float,
) -> RoundResult:
    """Pair every update with the first sendMessage it caused (same chat, while processed)."""
    sends: dict[int, list[tuple[float, str]]] = defaultdict(list)
    errors = 0
    for call in api.calls("sendMessage"):
        if not call.ok:
            errors += 1
            continue
        sends[int(call.params["chat_id"])].append((call.at, str(call.params.get("text", ""))))
    total = sum(len(chat_sends) for chat_sends in sends.values())
    latencies, service, replies = [], [], 0
    last_reply = 0.0
    for update_id, (chat_id, at) in queued.items():
        start, end = marks.starts[update_id], marks.ends[update_id]
        own = [(t, text) for t, text in sends[chat_id] if start <= t <= end]
        service.append(end - start)
        if not own:
            errors += 1
            continue
        replies += len(own)
        errors += sum(ERROR_REPLY in text for _, text in own)
        latencies.append(own[0][0] - at)
        last_reply = max(last_reply, own[-1][0])
    first_queued = min(at for _, at in queued.values())
    return RoundResult(
        bot,
        mode,
        len(queued),
        last_reply - first_queued,
        cpu,
        latencies,
        service,
        replies,
        errors,
        total - replies,
    )


async def bench_bot(
    name: str,
    factory: BotFactory,
    args: argparse.Namespace,
    *,
    rate_limiter: bool,
) -> tuple[list[RoundResult], dict[str, Any]]:
    """Start one bot on its own fake, warm it up, then run the backlog (and paced) rounds."""
    results: list[RoundResult] = []
    info: dict[str, Any] = {}
    async with FakeBotAPI() as api:
        marks = Marks()
        async with factory(api, marks, rate_limiter=rate_limiter) as application:
            info["concurrent_updates"] = application.concurrent_updates
            info["rate_limiter"] = type(application.bot.rate_limiter).__name__
            users = [
                api.user(FIRST_USER_ID + index, first_name=f"Runner{index}")
                for index in range(args.runners)
            ]
            order = [user for _ in range(args.messages) for user in users]  # round-robin
            started = time.monotonic()
            await play(marks, users, WARM_UP, None)
            info["warm_up"] = time.monotonic() - started
            await asyncio.sleep(SETTLE)
            api.recorder.calls.clear()
            api.recorder.arrivals.clear()

            queued, cpu = await play(marks, order, QUESTION, None)
            results.append(measure(name, "backlog", api=api, marks=marks, queued=queued, cpu=cpu))
            info["batch"] = max((len(c.result or []) for c in api.calls("getUpdates")), default=0)
            api.recorder.calls.clear()
            api.recorder.arrivals.clear()

            if args.rate:
                await asyncio.sleep(SETTLE)  # let the rate limiter's bucket drain
                queued, cpu = await play(marks, order[: args.paced_updates], QUESTION, args.rate)
                mode = f"paced {args.rate:g}/s"
                results.append(measure(name, mode, api=api, marks=marks, queued=queued, cpu=cpu))
            info["violations"] = len(api.violations)
    info["peak_rss_mb"] = peak_rss_mb()
    return results, info


# ------------------------------------------------------------------------------------------
# report
# ------------------------------------------------------------------------------------------


def table(results: list[RoundResult]) -> str:
    head = (
        f"{'bot':<30}{'mode':<12}{'updates':>8}{'wall s':>8}{'upd/s':>9}"
        f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'svc p50':>9}{'cpu ms/u':>9}"
        f"{'rep/u':>7}{'errors':>7}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(
            f"{r.bot:<30}{r.mode:<12}{r.updates:>8}{r.wall:>8.2f}{r.rate:>9.1f}"
            f"{percentile(r.latencies, 0.50) * 1e3:>9.1f}"
            f"{percentile(r.latencies, 0.95) * 1e3:>9.1f}"
            f"{percentile(r.latencies, 0.99) * 1e3:>9.1f}"
            f"{percentile(r.service, 0.50) * 1e3:>9.2f}"
            f"{r.cpu / r.updates * 1e3:>9.2f}"
            f"{r.replies / r.updates:>7.2f}{r.errors:>7}"
        )
    return "\n".join(lines)


async def main_async(args: argparse.Namespace) -> int:
    plan: list[tuple[str, BotFactory, bool]] = [
        ("echo (bare PTB)", echo, False),
        ("HipCoach", hipcoach, True),
    ]
    if args.diagnose:
        plan += [
            ("echo + AIORateLimiter", echo, True),
            ("HipCoach w/o AIORateLimiter", hipcoach, False),
            ("echo on aiohttp transport", partial(echo, aiohttp=True), False),
        ]
    if args.only:
        plan = [entry for entry in plan if args.only.lower() in entry[0].lower()]
    results: list[RoundResult] = []
    for name, factory, limited in plan:
        rows, info = await bench_bot(name, factory, args, rate_limiter=limited)
        results += rows
        print(
            f"[{name}] concurrent_updates={info['concurrent_updates']} "
            f"rate_limiter={info['rate_limiter']} warm-up {info['warm_up']:.1f} s, "
            f"largest getUpdates batch {info['batch']}, "
            f"fake violations {info['violations']}, peak RSS so far {info['peak_rss_mb']:.0f} MB",
            flush=True,
        )
    print()
    print(
        f"{args.runners} runners x {args.messages} messages ({QUESTION!r}); PTB "
        f"polling {POLLING}, getUpdates limit 100; python "
        f"{sys.version.split()[0]}, {os.cpu_count()} CPU(s)"
    )
    print(
        "latency = queued in fake -> first reply sendMessage at fake (monotonic); "
        "svc = PTB processing time; cpu = whole process (bot + fake + sqlite thread)"
    )
    print(table(results))
    print(f"peak RSS (whole process, resource.getrusage): {peak_rss_mb():.0f} MB")

    def backlog(bot: str) -> RoundResult | None:
        return next((r for r in results if r.bot == bot and r.mode == "backlog"), None)

    status = 0
    coach, bare = backlog("HipCoach"), backlog("echo (bare PTB)")
    if coach and bare:
        ratio = coach.rate / bare.rate
        verdict = "OK" if ratio >= AIM else "meets target" if ratio >= TARGET else "BELOW TARGET"
        print(
            f"\nthroughput HipCoach/echo = {coach.rate:.1f}/{bare.rate:.1f} = {ratio:.2f}x "
            f"(target >= {TARGET}, aim {AIM}): {verdict}"
        )
        status = 0 if ratio >= TARGET else 1
        cpu_ratio = (bare.cpu / bare.updates) / (coach.cpu / coach.updates)
        print(
            f"CPU cost ratio echo/HipCoach (cpu ms per update; steadier when the machine is "
            f"shared) = {cpu_ratio:.2f}x"
        )
    nolimit, limited = backlog("HipCoach w/o AIORateLimiter"), backlog("echo + AIORateLimiter")
    if nolimit and bare:
        print(
            f"diagnostic: HipCoach w/o AIORateLimiter / bare echo = {nolimit.rate / bare.rate:.2f}x"
        )
    if coach and limited:
        print(f"diagnostic: HipCoach / echo + AIORateLimiter = {coach.rate / limited.rate:.2f}x")
    if coach and (same := backlog("echo on aiohttp transport")):
        print(f"diagnostic: HipCoach / echo on aiohttp transport = {coach.rate / same.rate:.2f}x")
    if stray := sum(r.stray for r in results):
        print(f"note: {stray} sendMessage call(s) came from outside update handling")
    if any(r.errors for r in results):
        print("WARNING: some updates got no reply, an error reply or a failed sendMessage")
        status = 2
    return status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runners", type=int, default=200, help="distinct runners (chats)")
    parser.add_argument("--messages", type=int, default=5, help="questions per runner")
    parser.add_argument("--rate", type=float, default=0.0, help="also run a paced round, upd/s")
    parser.add_argument("--paced-updates", type=int, default=200, help="updates in paced round")
    parser.add_argument("--diagnose", action="store_true", help="add rate-limiter swap rows")
    parser.add_argument("--only", help="run only bots whose name contains this")
    parser.add_argument(
        "--canned-ms",
        type=float,
        help="diagnostic: HipCoach's coach repeats its first answer after this much busy CPU",
    )
    args = parser.parse_args()
    global CANNED_MS  # noqa: PLW0603 - a diagnostic switch for the factory
    CANNED_MS = args.canned_ms
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    raise SystemExit(asyncio.run(main_async(args)))


if __name__ == "__main__":
    main()
