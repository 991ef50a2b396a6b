"""Send claimed messages: lease a batch, compose it, send through the rate limiter, record.

Pacing and 429s belong to the bot's rate limiter (``bot.telegram.pacing``), which the
sender goes through. Outcomes: sent (with the message id); 429 (left after the limiter's
own retries) → due again after ``retry_after`` without counting an attempt; a transient
error (network, timeout, 5xx) → retried with backoff, failed after ``MAX_ATTEMPTS``;
Forbidden → failed and the runner marked inactive; any other error → failed. A runner who
erased their data after the lease gets nothing: each send starts only while their row is
held (``_Gate``). Pacing comes before that: each send first waits for and takes its place
in the bot's send window (``reserve``, wired in by the composition root), and only then
goes to the gate, carrying the place (``Delivery.ticket``) so the send does not wait in
the window again, after the check. A place not used (the runner was gone) is released.

Outcomes are committed in groups as they come back (``_Recorder``), never one transaction
per message nor one per batch. The crash window: a hard crash (SIGKILL, power loss) can
leave sends that Telegram accepted unrecorded, at most ``concurrency`` in flight plus
``unrecorded`` (16) waiting for their group; those claims are still leased, so they are
sent again (at once when this instance restarts, else after the lease runs out). That is
at-least-once within that window: a reminder is never dropped, and at most those few
can arrive twice. A clean stop (SIGTERM/SIGINT) waits up to 10 s for the pass; every
outcome that came back by then is recorded, sends still in flight are that window.

Leases are short (``DEFAULT_LEASE``) and renewed while the batch is being sent
(``_Leases``), so another instance takes a dead one's claims over within the lease plus
its scheduler interval; the taking over is counted (``SendReport.taken_over``) and logged.
A claim whose lease was lost (this instance stalled past it) is left to its new holder.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Protocol

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.presentation.render import Rows
from bot.service.sending import SendKind, SendResult
from bot.storage import deliveries
from bot.storage.deliveries import PendingClaim
from bot.storage.models import DeliveryKind, Runner

__all__ = [
    "BACKOFF",
    "MAX_ATTEMPTS",
    "Composer",
    "Delivery",
    "Reservation",
    "Reserve",
    "SendKind",
    "SendReport",
    "SendResult",
    "Sender",
    "no_wait",
    "send_pending",
]

log = logging.getLogger(__name__)

#: Waits after the 1st, 2nd, 3rd and 4th transient failure; the 5th attempt is the last.
BACKOFF = (
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(minutes=30),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
#: How long a leased claim waits before another instance may take it over.
DEFAULT_LEASE = timedelta(seconds=15)
#: How often leases are renewed while sending: two renewals may fail or stall in a lease.
DEFAULT_RENEW_EVERY = timedelta(seconds=5)
#: Send outcomes that may wait for their group commit at once (see ``_Recorder``).
DEFAULT_UNRECORDED = 16


@dataclass(frozen=True, slots=True)
class Delivery:
    """A composed message ready to send: the claim it fulfils and what to say."""

    id: int
    runner_id: int
    chat_id: int
    local_date: date
    kind: DeliveryKind
    attempts: int
    text: str
    rows: Rows = field(default_factory=list)
    #: The place reserved for this send in the bot's send window (``Reserve``), if any.
    ticket: Reservation | None = field(default=None, compare=False, repr=False)


Sender = Callable[[Delivery], Awaitable[SendResult]]


class Reservation(Protocol):
    """A place taken in the send window ahead of one send; ``release`` gives it back if it
    was not used (and does nothing once the send used it)."""

    def release(self) -> None: ...


#: Waits until a message may go to a chat and takes that place (the bot's pacing).
Reserve = Callable[[int], Awaitable[Reservation]]


class _NoPlace:
    def release(self) -> None:
        """Nothing was taken."""


_NO_PLACE = _NoPlace()


async def no_wait(chat_id: int) -> Reservation:
    """No pacing ahead of the send (the sender paces itself, or nothing does)."""
    return _NO_PLACE


class Composer(Protocol):
    """Turns leased claims into messages; a str instead of a Delivery skips with that reason."""

    async def __call__(
        self, session: AsyncSession, rows: Sequence[PendingClaim], now: datetime
    ) -> dict[int, Delivery | str]: ...


@dataclass(slots=True)
class SendReport:
    """What one ``send_pending`` call did."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0
    #: Claims another holder had leased and never recorded (it died or stalled): each
    #: may have gone out already, so may arrive twice (the crash window).
    taken_over: int = 0

    def add(self, other: SendReport) -> None:
        """Accumulate ``other`` into this report."""
        self.sent += other.sent
        self.retried += other.retried
        self.failed += other.failed
        self.skipped += other.skipped
        self.taken_over += other.taken_over


async def send_pending(
    sessions: async_sessionmaker[AsyncSession],
    sender: Sender,
    now: datetime,
    *,
    compose: Composer,
    instance: str = "hipcoach",
    batch: int = 200,
    concurrency: int = 32,
    lease: timedelta = DEFAULT_LEASE,
    renew_every: timedelta = DEFAULT_RENEW_EVERY,
    max_batches: int = 10_000,
    unrecorded: int = DEFAULT_UNRECORDED,
    reserve: Reserve = no_wait,
) -> SendReport:
    """Send every pending claim due at ``now``, ``batch`` at a time; what happened.

    Each send first waits for its place in the send window (``reserve``), then starts
    while its runner's row is held (``_Gate``), without waiting again.

    Outcomes are recorded as they come, a group per transaction (``_Recorder``); at most
    ``unrecorded`` outcomes wait at once, which bounds what a crash can send twice.
    """
    recorder = _Recorder(sessions, now, unrecorded)
    started = time.monotonic()

    def clock() -> datetime:  # ``now`` moved on by the time this pass has taken
        return now + timedelta(seconds=time.monotonic() - started)

    try:
        for _ in range(max_batches):
            async with recorder.writing, sessions() as session, session.begin():
                rows = await deliveries.pending_deliveries(session, now, batch)
                ids = [row.id for row in rows]
                await deliveries.lease(session, ids, clock() + lease, instance)
                composed = await compose(session, rows, now) if rows else {}
                skipped = {key: why for key, why in composed.items() if isinstance(why, str)}
                await deliveries.mark_skipped_many(session, skipped)
            recorder.report.skipped += len(skipped)
            recorder.report.taken_over += _count_takeovers(rows)
            ready = [outcome for outcome in composed.values() if isinstance(outcome, Delivery)]
            leases = _Leases(sessions, recorder.writing, ids, instance, lease, clock)
            async with leases.kept(renew_every):
                held = _Gate(sender, recorder).send
                await _send_all(ready, held, concurrency, recorder, leases=leases, reserve=reserve)
            if len(rows) < batch:
                break
    finally:
        await recorder.close()
    return recorder.report


#: A send's outcome; None when its runner was erased after the claim was leased.
_HeldSender = Callable[[Delivery], Awaitable[SendResult | None]]


class _Gate:
    """Starts sends only while their runners' rows are held (``deliveries.hold_runners``).

    A runner who erases their data after their claim was leased gets nothing: the check
    and the start of the send share one short transaction, and erasing needs the row it
    holds, so no send starts after an erasure commits (the claim went with the runner).
    Sends that come to the gate while a group is being checked form the next group, so
    the cost is one transaction per group, not per send.
    """

    def __init__(self, sender: Sender, recorder: _Recorder) -> None:
        self.sender = sender
        self.recorder = recorder
        self._waiting: list[tuple[Delivery, asyncio.Future[asyncio.Future[SendResult] | None]]]
        self._waiting = []
        self._task: asyncio.Task[None] | None = None

    async def send(self, delivery: Delivery) -> SendResult | None:
        """Send ``delivery`` unless its runner is gone (None)."""
        started: asyncio.Future[asyncio.Future[SendResult] | None]
        started = asyncio.get_running_loop().create_future()
        self._waiting.append((delivery, started))
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._start_waiting())
        sending = await started
        return None if sending is None else await sending

    async def _start_waiting(self) -> None:
        recorder = self.recorder
        while self._waiting:
            group, self._waiting = self._waiting, []
            try:
                async with recorder.writing, recorder.sessions() as session, session.begin():
                    held = await deliveries.hold_runners(session, (d.runner_id for d, _ in group))
                    for delivery, started in group:
                        present = delivery.runner_id in held
                        started.set_result(
                            asyncio.ensure_future(self.sender(delivery)) if present else None
                        )
                    await asyncio.sleep(0)  # the sends start (first steps run) under the hold
            except Exception as error:  # the claims stay leased: sent after the lease
                for _, started in group:
                    if not started.done():
                        started.set_exception(error)


async def _send_all(
    ready: Sequence[Delivery],
    sender: _HeldSender,
    concurrency: int,
    recorder: _Recorder,
    *,
    leases: _Leases,
    reserve: Reserve = no_wait,
) -> None:
    """Send concurrently, at most ``concurrency`` in flight, each paced (``reserve``)
    before it goes to ``sender`` (the gate), so it does not wait after the gate's check."""
    gate = asyncio.Semaphore(concurrency)

    async def one(delivery: Delivery) -> None:
        async with gate:
            if not leases.holds(delivery.id):
                return  # taken over by another instance: it is theirs to send now
            place: Reservation | None = None
            try:
                place = await reserve(delivery.chat_id)
                if not leases.holds(delivery.id):
                    return  # lost while waiting for the place (released below)
                result = await sender(replace(delivery, ticket=place))
            except Exception as error:  # a sender bug must not lose the claim
                log.exception("sending delivery %s failed", delivery.id)
                result = SendResult(SendKind.TRANSIENT, error=repr(error))
            finally:
                if place is not None:
                    place.release()  # unused (runner gone, error): the place goes back
            if result is None:  # the runner erased their data: nothing to send or record
                recorder.report.skipped += 1
                return
            await recorder.add(delivery, result)  # holds the slot while the backlog is full

    await asyncio.gather(*(one(delivery) for delivery in ready))


def _count_takeovers(rows: Sequence[PendingClaim]) -> int:
    """Log and count the claims whose lease ran out before their holder recorded them."""
    holders = sorted({row.lapsed_lease_of for row in rows if row.lapsed_lease_of})
    taken = sum(1 for row in rows if row.lapsed_lease_of)
    if taken:
        log.warning(
            "taking over %d claims whose lease ran out (held by %s): any of them sent "
            "just before their holder stopped arrives twice",
            taken,
            ", ".join(holders),
        )
    return taken


class _Leases:
    """Keeps one batch's leases alive while it is being sent: renewed every few seconds,
    so they lapse soon after this instance dies, and never while it is sending."""

    def __init__(  # noqa: PLR0917 - one batch's lease, in order
        self,
        sessions: async_sessionmaker[AsyncSession],
        writing: asyncio.Lock,
        ids: Sequence[int],
        instance: str,
        lease: timedelta,
        clock: Callable[[], datetime],
    ) -> None:
        self.sessions = sessions
        self.writing = writing
        self.instance = instance
        self.lease = lease
        self.clock = clock
        self._held = set(ids)

    def holds(self, delivery_id: int) -> bool:
        """False once a renewal found the claim recorded, snoozed or taken over."""
        return delivery_id in self._held

    @contextlib.asynccontextmanager
    async def kept(self, every: timedelta) -> AsyncIterator[None]:
        """Renew the leases every ``every`` until the block ends."""
        done = asyncio.Event()
        task = asyncio.create_task(self._keep(done, every.total_seconds()))
        try:
            yield
        finally:
            done.set()  # not cancelled: a renewal in progress finishes its transaction
            await task

    async def _keep(self, done: asyncio.Event, every: float) -> None:
        while self._held:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), every)
            if done.is_set():
                return
            try:
                async with self.writing, self.sessions() as session, session.begin():
                    until = self.clock() + self.lease
                    ids = sorted(self._held)
                    self._held = await deliveries.renew_leases(session, ids, until, self.instance)
            except Exception:  # the database is away: try again; a lapsed lease is safe
                log.exception("renewing %d leases failed", len(self._held))


class _Recorder:
    """Group commit: each send's outcome is stored soon after it comes back.

    One flush task at a time writes everything waiting in one transaction; outcomes that
    come back meanwhile go in the next. Senders wait while ``limit`` outcomes are not yet
    committed, so a hard crash (SIGKILL, power loss) leaves at most ``limit`` plus the
    sends in flight unrecorded: those claims are sent again when their lease is released
    (at once by this instance's restart, else after the lease). None is ever dropped.
    """

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], now: datetime, limit: int
    ) -> None:
        self.sessions = sessions
        self.now = now
        self.limit = max(1, limit)
        self.report = SendReport()
        #: Held by every write transaction of one ``send_pending`` call (on SQLite they
        #: would otherwise queue on the database lock with its coarse busy-wait).
        self.writing = asyncio.Lock()
        self._waiting: list[tuple[Delivery, SendResult]] = []
        self._unrecorded = 0
        self._flushed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._error: BaseException | None = None

    async def add(self, delivery: Delivery, result: SendResult) -> None:
        """Queue one outcome for the next group; wait while the backlog is full."""
        self._waiting.append((delivery, result))
        self._unrecorded += 1
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._flush())
        while self._unrecorded >= self.limit and self._error is None:
            await self._flushed.wait()

    async def close(self) -> None:
        """Wait until every outcome is stored; raise the first error a group met."""
        if self._task is not None:
            await self._task
        if self._error is not None:
            raise self._error

    async def _flush(self) -> None:
        while self._waiting:
            group, self._waiting = self._waiting, []
            try:
                async with self.writing, self.sessions() as session, session.begin():
                    report = await _record(session, group, self.now)
            except Exception as error:  # the claims stay leased: sent again after the lease
                log.exception("recording %d send outcomes failed", len(group))
                self._error = self._error or error
            else:
                self.report.add(report)
            self._unrecorded -= len(group)
            self._flushed.set()
            self._flushed.clear()


async def _record(
    session: AsyncSession, results: Sequence[tuple[Delivery, SendResult]], now: datetime
) -> SendReport:
    """Store each outcome; Forbidden also marks the runner inactive."""
    report = SendReport()
    sent: list[deliveries.SentMark] = []
    blocked: list[int] = []
    for delivery, result in results:
        match result.kind:
            case SendKind.SENT:
                sent.append(deliveries.SentMark(delivery.id, result.message_id, delivery.attempts))
                report.sent += 1
            case SendKind.RETRY_AFTER:
                at = now + timedelta(seconds=max(result.retry_after, 1.0))
                await deliveries.mark_retry(
                    session, delivery.id, at, result.error or "429", count_attempt=False
                )
                report.retried += 1
            case SendKind.TRANSIENT if delivery.attempts + 1 < MAX_ATTEMPTS:
                at = now + BACKOFF[delivery.attempts]
                await deliveries.mark_retry(session, delivery.id, at, result.error)
                report.retried += 1
            case _:
                await deliveries.mark_failed(session, delivery.id, result.error or result.kind)
                if result.kind is SendKind.FORBIDDEN:
                    blocked.append(delivery.runner_id)
                report.failed += 1
    await deliveries.mark_sent_many(session, sent, now)
    if blocked:
        await session.execute(update(Runner).where(Runner.id.in_(blocked)).values(active=False))
    return report
