"""Send claimed messages: lease a batch, compose it, send through the rate limiter, record.

Outcomes: sent (with the message id); 429 → due again after ``retry_after`` without
counting an attempt (and every send holds off meanwhile); a transient error (network,
timeout, 5xx) → retried with backoff, failed after ``MAX_ATTEMPTS``; Forbidden → failed and
the runner marked inactive; any other error → failed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.storage import deliveries
from bot.storage.models import DeliveryKind, DeliveryRow, DeliveryStatus, Runner
from bot.telegram.render import Rows
from scheduler.limiter import RateLimiter

__all__ = [
    "BACKOFF",
    "MAX_ATTEMPTS",
    "Composer",
    "Delivery",
    "SendKind",
    "SendReport",
    "SendResult",
    "Sender",
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
DEFAULT_LEASE = timedelta(minutes=5)


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


class SendKind(StrEnum):
    """How a send ended."""

    SENT = "sent"
    RETRY_AFTER = "retry_after"
    TRANSIENT = "transient"
    FORBIDDEN = "forbidden"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class SendResult:
    """A send's outcome; ``retry_after`` in seconds for a 429."""

    kind: SendKind
    message_id: int | None = None
    retry_after: float = 0.0
    error: str = ""


Sender = Callable[[Delivery], Awaitable[SendResult]]


class Composer(Protocol):
    """Turns leased claims into messages; a str instead of a Delivery skips with that reason."""

    async def __call__(
        self, session: AsyncSession, rows: Sequence[DeliveryRow], now: datetime
    ) -> dict[int, Delivery | str]: ...


@dataclass(slots=True)
class SendReport:
    """What one ``send_pending`` call did."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0

    def add(self, other: SendReport) -> None:
        """Accumulate ``other`` into this report."""
        self.sent += other.sent
        self.retried += other.retried
        self.failed += other.failed
        self.skipped += other.skipped


async def send_pending(
    sessions: async_sessionmaker[AsyncSession],
    sender: Sender,
    now: datetime,
    *,
    compose: Composer,
    instance: str = "hipcoach",
    limiter: RateLimiter | None = None,
    batch: int = 200,
    concurrency: int = 32,
    lease: timedelta = DEFAULT_LEASE,
    max_batches: int = 10_000,
) -> SendReport:
    """Send every pending claim due at ``now``, ``batch`` at a time; what happened."""
    limiter = limiter or RateLimiter()
    report = SendReport()
    for _ in range(max_batches):
        async with sessions() as session, session.begin():
            rows = await deliveries.pending_deliveries(session, now, batch)
            await deliveries.lease(session, [row.id for row in rows], now + lease, instance)
            composed = await compose(session, rows, now) if rows else {}
            for delivery_id, outcome in composed.items():
                if isinstance(outcome, str):
                    await deliveries.mark_skipped(session, delivery_id, outcome)
                    report.skipped += 1
        ready = [outcome for outcome in composed.values() if isinstance(outcome, Delivery)]
        results = await _send_all(ready, sender, limiter, concurrency)
        async with sessions() as session, session.begin():
            report.add(await _record(session, results, now))
        if len(rows) < batch:
            break
    return report


async def _send_all(
    ready: Sequence[Delivery], sender: Sender, limiter: RateLimiter, concurrency: int
) -> list[tuple[Delivery, SendResult]]:
    """Send concurrently (at most ``concurrency`` in flight), each after a limiter slot."""
    gate = asyncio.Semaphore(concurrency)

    async def one(delivery: Delivery) -> tuple[Delivery, SendResult]:
        async with gate:
            await limiter.acquire(delivery.chat_id)
            try:
                result = await sender(delivery)
            except Exception as error:  # a sender bug must not lose the claim
                log.exception("sending delivery %s failed", delivery.id)
                result = SendResult(SendKind.TRANSIENT, error=repr(error))
            if result.kind is SendKind.RETRY_AFTER:
                limiter.pause(result.retry_after)
            return delivery, result

    return list(await asyncio.gather(*(one(delivery) for delivery in ready)))


async def _record(
    session: AsyncSession, results: Sequence[tuple[Delivery, SendResult]], now: datetime
) -> SendReport:
    """Store each outcome; Forbidden also marks the runner inactive."""
    report = SendReport()
    sent: list[dict[str, Any]] = []
    blocked: list[int] = []
    for delivery, result in results:
        match result.kind:
            case SendKind.SENT:
                sent.append(_sent_values(delivery, result, now))
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
    if sent:
        await session.execute(update(DeliveryRow), sent)
    if blocked:
        await session.execute(update(Runner).where(Runner.id.in_(blocked)).values(active=False))
    return report


def _sent_values(delivery: Delivery, result: SendResult, now: datetime) -> dict[str, Any]:
    """The row values of a sent delivery (for one bulk update by primary key)."""
    return {
        "id": delivery.id,
        "status": DeliveryStatus.SENT,
        "message_id": result.message_id,
        "sent_at": now,
        "next_attempt_at": None,
        "last_error": None,
        "attempts": delivery.attempts + 1,
    }
