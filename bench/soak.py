"""Soak test: HipCoach under a steady load for minutes, watching replies, errors and memory.

The real Application (``tests.bot.harness.running_bot``: migrations, post_init, the reminder
scheduler) on a fresh SQLite file in a temp dir, polling the in-process
``tests.fakebotapi.FakeBotAPI``, with a real-time clock (``datetime.now(UTC)``) so the scheduler
runs as in production. ``--runners`` runners send ``--rate`` updates per second (open loop:
the injector keeps its schedule whether or not the bot keeps up) for ``--minutes``. Update ``i``
comes from runner ``i % runners`` and is step ``(i // runners) % 8`` of a fixed cycle:

    "what's today's session?", press Done on the session message, press an effort button,
    "done, felt easy", "left calf sore 4/10", "/plan", "hi",
    "/progress" if (runner + cycle) % 6 == 0 (~2 % of updates), else "what's today's session?"

A press goes to the newest bot message carrying such a button; when there is none (the
session is already logged from an earlier cycle) the runner taps the button it saw last
(``strict=False``, like an old message in the chat) and the press is counted as stale.

Reply of an update: any sendMessage/sendPhoto/sendDocument/edit*/answerCallbackQuery for its
chat (or its callback query) made while PTB processed it (TypeHandlers in groups -1 and 1
around the bot's own handler; PTB processes updates one at a time). Latency: queued in the
fake -> first such call reached the fake (monotonic). Errors: the fake's violations, failed
calls, "went wrong" replies and ERROR log records.

Memory hygiene: the fake keeps every call, delivered update, callback query, message and
uploaded file (each /progress chart, ~50 KB); the soak trims those as it goes (they are the
fake's, not the bot's), keeping the last ``KEEP_MESSAGES`` messages per chat (a runner's
presses only need the newest), so RSS reflects the bot.

Run: ``.venv/bin/python bench/soak.py [--minutes 10] [--rate 20] [--runners 300]``.
Exit 0 when there were no errors, every update got a reply and RSS grew < 10 % after warm-up
(baseline: the RSS sample at the end of ``--warmup-minutes``, default 2), else 1.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("PTB_TIMEDELTA", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram import Update
from telegram.ext import Application, ContextTypes, TypeHandler

from tests.bot.harness import running_bot, sqlite_url
from tests.fakebotapi import FakeBotAPI, UserHandle

App = Application  # type: ignore[type-arg]

TODAY = "what's today's session?"
CYCLE = ["today", "press-done", "press-effort", "done, felt easy", "left calf sore 4/10"]
CYCLE += ["/plan", "hi", "last"]
REPLY_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "editMessageText",
        "editMessageReplyMarkup",
        "editMessageCaption",
        "answerCallbackQuery",
    }
)
TEXT_METHODS = frozenset({"sendMessage", "editMessageText", "editMessageCaption"})
ERROR_REPLY = "went wrong"
WARM_CHART = ("done, felt easy", "/progress")
FIRST_USER_ID = 50_000
OVERDUE = 5.0  # an update still unprocessed this long after it was queued counts as unanswered
KEEP_MESSAGES = 8  # per chat, in the fake's state (about one cycle's worth)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def file_mb(path: Path) -> float:
    try:
        return path.stat().st_size / 2**20
    except FileNotFoundError:
        return 0.0


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of y over x."""
    if len(points) < 2:
        return float("nan")
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    sxy = sum((x - mx) * (y - my) for x, y in points)
    return sxy / sxx if sxx else float("nan")


class ErrorCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Pending:
    chat: str
    query: str | None
    queued: float
    kind: str
    start: float | None = None


@dataclass
class Tally:
    """Everything counted so far; window lists are reset at every report."""

    sent: int = 0
    processed: int = 0
    replied: int = 0
    replies: int = 0
    lost: int = 0  # processed without any reply
    error_replies: int = 0
    failed_calls: int = 0
    stale_presses: int = 0
    charts: int = 0  # sendPhoto replies that went through
    background: Counter[str] = field(default_factory=Counter)  # calls outside any update
    kinds: Counter[str] = field(default_factory=Counter)
    window: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)


class Soak:
    def __init__(self, api: FakeBotAPI, tally: Tally) -> None:
        self.api = api
        self.tally = tally
        self.pending: dict[int, Pending] = {}
        self.busy: Counter[str] = Counter()  # chats with an update in progress
        self.busy_queries: set[str] = set()  # their button taps

    def install(self, application: App) -> None:
        application.add_handler(TypeHandler(Update, self._start), group=-1)
        application.add_handler(TypeHandler(Update, self._end), group=1)

    def _consume(self, calls: list[Any]) -> None:
        for call in calls:
            if not call.ok and call.method != "getUpdates":
                self.tally.failed_calls += 1
            if call.method in REPLY_METHODS:
                self.tally.background[call.method] += 1

    async def _start(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        if (item := self.pending.get(update.update_id)) is not None:
            item.start = time.monotonic()
            self.busy[item.chat] += 1
            if item.query is not None:
                self.busy_queries.add(item.query)

    async def _end(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        """Take this update's replies from the fake's log (its chat's, since it started).

        Updates of different chats run at once (bot/telegram/ordering.py), one chat's one
        at a time: calls to a chat with an update in progress wait for that update's end;
        every other call is counted as background (the scheduler's sends, getUpdates).
        """
        calls = self.api.recorder.calls
        item = self.pending.pop(update.update_id, None)
        if item is None:
            return
        self.busy[item.chat] -= 1
        self.busy_queries.discard(item.query or "")
        busy = {chat for chat, count in self.busy.items() if count > 0}
        own, kept, rest = [], [], []
        for call in calls:
            params = call.params
            chat = str(params.get("chat_id"))
            mine = call.method in REPLY_METHODS and (
                chat == item.chat
                or (item.query is not None and str(params.get("callback_query_id")) == item.query)
            )
            if mine and item.start is not None and call.at >= item.start:
                own.append(call)
            elif call.method in REPLY_METHODS and (
                chat in busy or str(params.get("callback_query_id")) in self.busy_queries
            ):
                kept.append(call)  # another update's, still in progress
            else:
                rest.append(call)
        self._consume(rest)
        calls[:] = kept
        tally = self.tally
        tally.processed += 1
        for call in own:
            if not call.ok:
                tally.failed_calls += 1
            elif call.method == "sendPhoto":
                tally.charts += 1
            if call.method in TEXT_METHODS and ERROR_REPLY in str(call.params.get("text", "")):
                tally.error_replies += 1
        if not own:
            tally.lost += 1
            return
        tally.replied += 1
        tally.replies += len(own)
        latency = own[0].at - item.queued
        tally.window.append(latency)
        tally.latencies.append(latency)

    def overdue(self, now: float) -> int:
        return sum(1 for item in self.pending.values() if now - item.queued > OVERDUE)

    def trim_fake(self, now: float) -> None:
        """Drop the fake's history the bot can no longer refer to (keeps RSS about the bot)."""
        api = self.api
        api.delivered_updates.clear()
        api._files.clear()  # the charts the bot uploaded: it never reads them back
        for query_id, query in list(api._callbacks.items()):
            if now - query.created > 60:
                del api._callbacks[query_id]
        for state in api._chats.values():
            if len(state.messages) > KEEP_MESSAGES:
                for message_id in sorted(state.messages)[:-KEEP_MESSAGES]:
                    del state.messages[message_id]
                    state.bot_messages.pop(message_id, None)


@dataclass
class Runner:
    handle: UserHandle
    last_done: tuple[int, str] | None = None
    last_effort: tuple[int, str] | None = None


def newest_button(runner: Runner, prefix: str, pick: int) -> tuple[int, str] | None:
    api = runner.handle.api
    state = api._chats.get(runner.handle.chat_id)
    if state is None:
        return None
    for message_id in sorted(state.bot_messages, reverse=True):
        data = [d for d in state.bot_messages[message_id].callback_data if d.startswith(prefix)]
        if data:
            return message_id, data[min(pick, len(data) - 1)]
    return None


async def press(runner: Runner, prefix: str, pick: int, tally: Tally) -> dict[str, Any] | None:
    handle = runner.handle
    attr = "last_done" if prefix == "v1|dn|" else "last_effort"
    found = newest_button(runner, prefix, pick)
    if found is not None:
        setattr(runner, attr, found)
        return await handle.press(found[0], found[1])
    remembered: tuple[int, str] | None = getattr(runner, attr)
    if remembered is None:
        return None
    state = handle.api._chats[handle.chat_id]
    message_id = remembered[0]
    if message_id not in state.bot_messages:
        if not state.bot_messages:
            return None
        message_id = max(state.bot_messages)
    tally.stale_presses += 1
    return await handle.press(message_id, remembered[1], strict=False)


async def send_one(runner: Runner, index: int, runners: int, tally: Tally) -> tuple[dict, str]:
    cycle_no, step = divmod(index // runners, len(CYCLE))
    kind = CYCLE[step]
    if kind == "last":
        kind = "/progress" if (index % runners + cycle_no) % 6 == 0 else "today"
    if kind in ("press-done", "press-effort"):
        prefix = "v1|dn|" if kind == "press-done" else "v1|ef|"
        update = await press(runner, prefix, 4 + index % 3, tally)
        if update is not None:
            return update, kind
        kind = "today"  # nothing to press yet: ask instead
    text = TODAY if kind == "today" else kind
    return await runner.handle.send_text(text), kind


async def run(args: argparse.Namespace) -> int:  # noqa: PLR0915 - one linear script
    errors_logged = ErrorCount()
    logging.getLogger().addHandler(errors_logged)
    tally = Tally()
    clock = lambda: datetime.now(UTC)  # noqa: E731 - the scheduler runs in real time
    with tempfile.TemporaryDirectory(prefix="hipcoach-soak-") as folder:
        db = Path(folder) / "hipcoach.db"
        wal = Path(f"{db}-wal")
        async with (
            FakeBotAPI() as api,
            running_bot(api, sqlite_url(Path(folder)), clock) as (
                application,
                _,
            ),
        ):
            soak = Soak(api, tally)
            soak.install(application)
            runners = [
                Runner(api.user(FIRST_USER_ID + n, first_name=f"Runner{n}"))
                for n in range(args.runners)
            ]
            rss_before = rss_mb()
            # warm-up (not counted): every runner says hi once, as a burst; then a few log a
            # session and ask /progress, so real charts are drawn (the first one loads the
            # plotting stack and its fonts, a one-off RSS step)
            warm_up = [[(runner, "hi")] for runner in runners]
            warm_up.append(
                [(runner, text) for runner in runners[: args.warmup_charts] for text in WARM_CHART]
            )
            for burst in warm_up:
                for runner, text in burst:
                    update = await runner.handle.send_text(text)
                    soak.pending[int(update["update_id"])] = Pending(
                        str(runner.handle.chat_id), None, time.monotonic(), "warm-up"
                    )
                deadline = time.monotonic() + 120
                while soak.pending and time.monotonic() < deadline:  # noqa: ASYNC110 - a poll
                    await asyncio.sleep(0.2)
                if soak.pending:
                    print(f"warm-up: {len(soak.pending)} update(s) unprocessed after 120 s")
            warm_charts = tally.charts
            warm_lost = tally.lost
            await asyncio.sleep(2)
            tally.__init__()  # type: ignore[misc]
            tally.lost = warm_lost
            violations_before = len(api.violations)
            rss_warm = rss_mb()
            print(
                f"soak: {args.runners} runners, {args.rate:g} upd/s for {args.minutes:g} min; "
                f"python {sys.version.split()[0]}, {os.cpu_count()} CPU(s); RSS before warm-up "
                f"{rss_before:.1f} MB, after warm-up ({args.runners} x 'hi', "
                f"{args.warmup_charts} x a log and /progress: {warm_charts} charts) "
                f"{rss_warm:.1f} MB; "
                f"warm-up lost replies {warm_lost}",
                flush=True,
            )
            print(
                f"{'elapsed':>7} {'sent':>7} {'replied':>7} {'replies':>7} {'no-reply':>8} "
                f"{'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'RSS MB':>7} {'db MB':>6} "
                f"{'wal MB':>6} {'queue':>5}",
                flush=True,
            )

            samples: list[tuple[float, float]] = []  # (minutes, RSS MB)
            total = int(args.minutes * 60 * args.rate)
            started = time.monotonic()
            next_report = started + args.report
            next_sample = started
            next_trim = started + 5

            def errors() -> int:
                return (
                    len(api.violations)
                    - violations_before
                    + tally.error_replies
                    + tally.failed_calls
                    + errors_logged.count
                )

            def report(now: float) -> None:
                overdue = soak.overdue(now)
                print(
                    f"{now - started:>6.0f}s {tally.sent:>7} {tally.replied:>7} "
                    f"{tally.replies:>7} {tally.lost + overdue:>8} {errors():>6} "
                    f"{percentile(tally.window, 0.5) * 1e3:>8.1f} "
                    f"{percentile(tally.window, 0.95) * 1e3:>8.1f} {rss_mb():>7.1f} "
                    f"{file_mb(db):>6.2f} {file_mb(wal):>6.2f} {len(soak.pending):>5}",
                    flush=True,
                )
                tally.window = []

            for index in range(total):
                at = started + index / args.rate
                if (delay := at - time.monotonic()) > 0:
                    await asyncio.sleep(delay)
                now = time.monotonic()
                if now >= next_sample:
                    samples.append(((now - started) / 60, rss_mb()))
                    next_sample += args.sample
                if now >= next_trim:
                    soak.trim_fake(now)
                    next_trim += 5
                if now >= next_report:
                    report(now)
                    next_report += args.report
                runner = runners[index % args.runners]
                queued = time.monotonic()
                update, kind = await send_one(runner, index, args.runners, tally)
                query = update.get("callback_query", {}).get("id")
                soak.pending[int(update["update_id"])] = Pending(
                    str(runner.handle.chat_id), query, queued, kind
                )
                tally.sent += 1
                tally.kinds[kind] += 1

            injected = time.monotonic()
            deadline = injected + 60
            while soak.pending and time.monotonic() < deadline:  # noqa: ASYNC110 - a poll
                await asyncio.sleep(0.2)
            await asyncio.sleep(2)  # settle: the last replies, the scheduler
            now = time.monotonic()
            samples.append(((now - started) / 60, rss_mb()))
            report(now)
            unprocessed = len(soak.pending)
            rss_end = rss_mb()
            db_size, wal_size = file_mb(db), file_mb(wal)
            violation_kinds = Counter(v.kind for v in api.violations[violations_before:])
            drain = now - injected

    after = [(t, r) for t, r in samples if t >= args.warmup_minutes]
    baseline = after[0][1] if after else rss_warm
    rss_max = max(r for _, r in samples)
    growth = (rss_end - baseline) / baseline
    mb_per_min = slope(after)
    no_reply = tally.lost + unprocessed
    total_errors = errors()
    wall = now - started
    print()
    print(
        f"totals: {tally.sent} updates sent in {wall:.0f} s ({tally.sent / wall:.1f}/s incl. "
        f"{drain:.1f} s drain), {tally.processed} processed, {tally.replied} replied, "
        f"{tally.replies} reply calls"
    )
    print("mix: " + ", ".join(f"{kind} {count}" for kind, count in sorted(tally.kinds.items())))
    print(f"charts drawn (sendPhoto replies): {tally.charts}")
    print(
        f"stale presses (button from an earlier message) {tally.stale_presses}; calls outside "
        f"any update (scheduler): {dict(tally.background) or 'none'}"
    )
    print(
        f"latency over the run: p50 {percentile(tally.latencies, 0.5) * 1e3:.1f} ms, "
        f"p95 {percentile(tally.latencies, 0.95) * 1e3:.1f} ms, "
        f"p99 {percentile(tally.latencies, 0.99) * 1e3:.1f} ms, "
        f"max {max(tally.latencies, default=float('nan')) * 1e3:.1f} ms"
    )
    print(
        f"RSS: before warm-up {rss_before:.1f} MB, after warm-up {rss_warm:.1f} MB, at "
        f"{args.warmup_minutes:g} min {baseline:.1f} MB, end {rss_end:.1f} MB, max "
        f"{rss_max:.1f} MB; growth after warm-up {growth * 100:+.1f} % (limit +10 %)"
    )
    print(
        f"RSS slope after {args.warmup_minutes:g} min: {mb_per_min:+.3f} MB/min "
        f"(least squares over {len(after)} samples every {args.sample:g} s)"
    )
    print(f"SQLite: db {db_size:.2f} MB, wal {wal_size:.2f} MB")
    print(
        f"every update got a reply: {'yes' if no_reply == 0 else 'NO'} "
        f"({tally.lost} processed without reply, {unprocessed} never processed)"
    )
    print(
        f"errors: {total_errors} (fake violations {sum(violation_kinds.values())} "
        f"{dict(violation_kinds) or ''}, failed calls {tally.failed_calls}, 'went wrong' "
        f"replies {tally.error_replies}, ERROR log records {errors_logged.count})"
    )
    ok = total_errors == 0 and no_reply == 0 and growth < 0.10
    print(f"result: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="length of the load")
    parser.add_argument("--rate", type=float, default=20.0, help="updates per second")
    parser.add_argument("--runners", type=int, default=300, help="distinct runners (chats)")
    parser.add_argument("--report", type=float, default=30.0, help="seconds between lines")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between RSS samples")
    parser.add_argument(
        "--warmup-charts", type=int, default=12, help="/progress charts drawn in the warm-up"
    )
    parser.add_argument(
        "--warmup-minutes", type=float, default=2.0, help="RSS baseline and slope start"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    raise SystemExit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
