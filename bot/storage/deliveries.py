"""Scheduled messages: claims, leases and their outcomes. Functions never commit.

A claim is a ``deliveries`` row unique on (runner, local date, kind), inserted with
``ON CONFLICT DO NOTHING`` before anything is sent, so a message is claimed once however
many processes race. On PostgreSQL the pending query locks what it returns
(``FOR UPDATE SKIP LOCKED``), so concurrent instances share the work without waiting. Who is
due, and the runners' next instants, are in ``bot.storage.schedule``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.dialect import skip_locked
from bot.storage.models import (
    CompletionRow,
    DeliveryKind,
    DeliveryRow,
    DeliveryStatus,
    Runner,
)
from bot.storage.types import utc_now

__all__ = [
    "LEASE_NOTE",
    "ClaimRequest",
    "PendingClaim",
    "SentMark",
    "claim",
    "claim_many",
    "hold_runners",
    "lease",
    "logged_dates",
    "mark_failed",
    "mark_missed",
    "mark_retry",
    "mark_sent",
    "mark_sent_many",
    "mark_skipped",
    "mark_skipped_many",
    "morning_delivery",
    "pending_deliveries",
    "prune_deliveries",
    "release_leases",
    "renew_leases",
    "requeue",
]

#: ``last_error`` of a pending claim while an instance holds it to send it.
LEASE_NOTE = "leased for sending"


@dataclass(frozen=True, slots=True)
class ClaimRequest:
    """One claim to insert: who, which local day, what, when it fell due, and its status."""

    runner_id: int
    local_date: date
    kind: DeliveryKind
    due_at: datetime
    status: DeliveryStatus = DeliveryStatus.PENDING
    last_error: str | None = None


def _deliveries_table() -> Table:
    table = DeliveryRow.__table__
    assert isinstance(table, Table)
    return table


def _table_insert(session: AsyncSession) -> postgresql.Insert | sqlite.Insert:
    """A Core insert into ``deliveries`` with ``on_conflict_do_*`` for this backend."""
    table = _deliveries_table()
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


async def logged_dates(
    session: AsyncSession, wanted: Iterable[tuple[int, date]]
) -> set[tuple[int, date]]:
    """Which (runner, local date) pairs already have a session logged (done or skipped)."""
    pairs = set(wanted)
    if not pairs:
        return set()
    days = [day for _, day in pairs]
    query = (
        select(CompletionRow.runner_id, CompletionRow.local_date)
        .where(
            CompletionRow.runner_id.in_({runner for runner, _ in pairs}),
            CompletionRow.local_date.between(min(days), max(days)),
        )
        .distinct()
    )
    found = {(runner, day) for runner, day in await session.execute(query)}
    return found & pairs


async def claim(  # noqa: PLR0917 - the claim's key, in order
    session: AsyncSession,
    runner_id: int,
    local_date: date,
    kind: DeliveryKind,
    due_at: datetime,
    instance: str,
    *,
    status: DeliveryStatus = DeliveryStatus.PENDING,
) -> int | None:
    """Claim one message; its id, or None when it was claimed before (by anyone)."""
    ids = await claim_many(
        session, [ClaimRequest(runner_id, local_date, kind, due_at, status)], instance
    )
    return ids[0] if ids else None


async def claim_many(
    session: AsyncSession, requests: Sequence[ClaimRequest], instance: str
) -> list[int]:
    """Claim many messages in one statement; the ids of the rows actually inserted."""
    if not requests:
        return []
    values = [
        {
            "runner_id": request.runner_id,
            "local_date": request.local_date,
            "kind": request.kind.value,
            "status": request.status.value,
            "attempts": 0,
            "next_attempt_at": request.due_at if request.status is DeliveryStatus.PENDING else None,
            "due_at": request.due_at,
            "claimed_by": instance,
            "last_error": request.last_error,
            "created_at": utc_now(),
        }
        for request in requests
    ]
    insert = (
        _table_insert(session)
        .on_conflict_do_nothing(index_elements=["runner_id", "local_date", "kind"])
        .returning(DeliveryRow.__table__.c.id)
    )
    connection = await session.connection()  # Core executemany: compiled once, cached
    return list((await connection.execute(insert, values)).scalars())


@dataclass(frozen=True, slots=True)
class PendingClaim:
    """A pending claim as the sender reads it (a Core row, not an ORM object)."""

    id: int
    runner_id: int
    local_date: date
    kind: DeliveryKind
    attempts: int
    created_at: datetime
    #: The instance whose lease ran out, when the claim was leased and never recorded:
    #: its holder stopped (or stalled) mid-send, so it may have gone out already.
    lapsed_lease_of: str | None = None


async def pending_deliveries(
    session: AsyncSession, now: datetime, limit: int
) -> list[PendingClaim]:
    """Pending claims whose next attempt is due, oldest first (locked on PostgreSQL)."""
    query = (
        select(
            DeliveryRow.id,
            DeliveryRow.runner_id,
            DeliveryRow.local_date,
            DeliveryRow.kind,
            DeliveryRow.attempts,
            DeliveryRow.created_at,
            case((DeliveryRow.last_error == LEASE_NOTE, DeliveryRow.claimed_by)),
        )
        .where(
            DeliveryRow.status == DeliveryStatus.PENDING,
            DeliveryRow.next_attempt_at <= now,
        )
        .order_by(DeliveryRow.next_attempt_at, DeliveryRow.id)
        .limit(limit)
    )
    rows = await session.execute(skip_locked(session, query))
    return [PendingClaim(*row) for row in rows]


async def lease(session: AsyncSession, ids: Sequence[int], until: datetime, instance: str) -> None:
    """Hold pending claims for ``instance`` until ``until`` while it sends them.

    Another instance (or this one after a restart with another id) takes them up again
    once the lease runs out, so a crash mid-send delays a message but never drops it.
    """
    if ids:
        await session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.id.in_(ids), DeliveryRow.status == DeliveryStatus.PENDING)
            .values(next_attempt_at=until, claimed_by=instance, last_error=LEASE_NOTE)
        )


async def renew_leases(
    session: AsyncSession, ids: Sequence[int], until: datetime, instance: str
) -> set[int]:
    """Extend ``instance``'s leases on ``ids`` to ``until``; the ids it still holds.

    A claim recorded meanwhile, snoozed, or taken over by another instance after its lease
    ran out is not held any more, and is left as it is.
    """
    if not ids:
        return set()
    result = await session.execute(
        update(DeliveryRow)
        .where(
            DeliveryRow.id.in_(ids),
            DeliveryRow.status == DeliveryStatus.PENDING,
            DeliveryRow.claimed_by == instance,
            DeliveryRow.last_error == LEASE_NOTE,
        )
        .values(next_attempt_at=until)
        .returning(DeliveryRow.id)
    )
    return set(result.scalars())


async def hold_runners(session: AsyncSession, runner_ids: Iterable[int]) -> set[int]:
    """Which of the runners still exist, holding their rows until the transaction ends.

    PostgreSQL locks the rows ``FOR KEY SHARE`` (updates of a runner go on; erasing them,
    which deletes the row, waits); a SQLite transaction holds the whole database
    (``BEGIN IMMEDIATE``). So a send started under this hold cannot start after an erasure
    commits: the erasure either committed before (and the runner is gone) or waits.
    """
    query = (
        select(Runner.id)
        .where(Runner.id.in_(set(runner_ids)))
        .with_for_update(read=True, key_share=True)
    )
    return set((await session.execute(query)).scalars())


async def release_leases(session: AsyncSession, instance: str, now: datetime) -> int:
    """Make ``instance``'s leased pending claims due at once (a restart resumes them)."""
    result = await session.execute(
        update(DeliveryRow)
        .where(
            DeliveryRow.status == DeliveryStatus.PENDING,
            DeliveryRow.claimed_by == instance,
            DeliveryRow.next_attempt_at > now,
            DeliveryRow.last_error == LEASE_NOTE,
        )
        .values(next_attempt_at=now)
        .returning(DeliveryRow.id)
    )
    return len(result.all())


async def _finish(session: AsyncSession, delivery_id: int, **values: Any) -> None:
    await session.execute(update(DeliveryRow).where(DeliveryRow.id == delivery_id).values(**values))


async def mark_sent(
    session: AsyncSession, delivery_id: int, message_id: int | None, now: datetime
) -> None:
    """The message went out."""
    await _finish(
        session,
        delivery_id,
        status=DeliveryStatus.SENT,
        message_id=message_id,
        sent_at=now,
        next_attempt_at=None,
        attempts=DeliveryRow.attempts + 1,
    )


@dataclass(frozen=True, slots=True)
class SentMark:
    """A message that went out: its claim, Telegram's message id and attempts so far."""

    id: int
    message_id: int | None
    attempts: int


async def mark_sent_many(session: AsyncSession, sent: Sequence[SentMark], now: datetime) -> None:
    """``mark_sent`` for many claims in one executemany.

    Only claims still leased for sending change: one snoozed meanwhile (``requeue``) stays
    pending for its new time.
    """
    if not sent:
        return
    table = _deliveries_table()
    statement = (
        update(table)
        .where(
            table.c.id == bindparam("claim"),
            table.c.status == DeliveryStatus.PENDING.value,
            table.c.last_error == LEASE_NOTE,
        )
        .values(
            status=DeliveryStatus.SENT.value,
            message_id=bindparam("message"),
            sent_at=now,
            next_attempt_at=None,
            last_error=None,
            attempts=bindparam("tries"),
        )
    )
    params = [{"claim": s.id, "message": s.message_id, "tries": s.attempts + 1} for s in sent]
    connection = await session.connection()
    await connection.execute(statement, params)


async def mark_skipped_many(session: AsyncSession, reasons: Mapping[int, str]) -> None:
    """``mark_skipped`` for many claims (id → reason) in one executemany."""
    if not reasons:
        return
    table = _deliveries_table()
    statement = (
        update(table)
        .where(table.c.id == bindparam("claim"))
        .values(
            status=DeliveryStatus.SKIPPED.value,
            last_error=bindparam("reason"),
            next_attempt_at=None,
        )
    )
    connection = await session.connection()
    params = [{"claim": claim, "reason": reason} for claim, reason in reasons.items()]
    await connection.execute(statement, params)


async def mark_failed(session: AsyncSession, delivery_id: int, error: str) -> None:
    """Given up: a permanent error, the runner blocked the bot, or too many attempts."""
    await _finish(
        session,
        delivery_id,
        status=DeliveryStatus.FAILED,
        last_error=error[:500],
        next_attempt_at=None,
        attempts=DeliveryRow.attempts + 1,
    )


async def mark_retry(
    session: AsyncSession,
    delivery_id: int,
    at: datetime,
    error: str,
    *,
    count_attempt: bool = True,
) -> None:
    """Try again at ``at``; a 429 (``count_attempt=False``) does not count as an attempt."""
    values: dict[str, Any] = {"next_attempt_at": at, "last_error": error[:500]}
    if count_attempt:
        values["attempts"] = DeliveryRow.attempts + 1
    await _finish(session, delivery_id, **values)


async def mark_skipped(session: AsyncSession, delivery_id: int, reason: str) -> None:
    """Not sent because it was no longer wanted (logged, paused, rest day, off)."""
    await _finish(
        session,
        delivery_id,
        status=DeliveryStatus.SKIPPED,
        last_error=reason,
        next_attempt_at=None,
    )


async def mark_missed(session: AsyncSession, delivery_id: int, reason: str) -> None:
    """Fell due while the bot was down, beyond the grace window."""
    await _finish(
        session,
        delivery_id,
        status=DeliveryStatus.MISSED,
        last_error=reason,
        next_attempt_at=None,
    )


async def prune_deliveries(session: AsyncSession, due_before: datetime, limit: int) -> int:
    """Delete at most ``limit`` finished claims due before ``due_before``; how many.

    Pending claims (leased ones included) are never deleted, however old; the caller keeps
    ``due_before`` days back, so recent days' claims (which stop a day's message from
    being claimed twice, and which a snooze looks up) stay. Uses ``ix_deliveries_due_at``.
    """
    oldest = (
        select(DeliveryRow.id)
        .where(DeliveryRow.due_at < due_before, DeliveryRow.status != DeliveryStatus.PENDING)
        .order_by(DeliveryRow.due_at)
        .limit(limit)
    )
    result = await session.execute(
        delete(DeliveryRow).where(DeliveryRow.id.in_(oldest.scalar_subquery()))
    )
    return cast(CursorResult[Any], result).rowcount


# ---------------------------------------------------------------- snooze


async def morning_delivery(session: AsyncSession, runner_id: int, day: date) -> DeliveryRow | None:
    """The runner's morning reminder claim for ``day``, locked until commit."""
    query = (
        select(DeliveryRow)
        .where(
            DeliveryRow.runner_id == runner_id,
            DeliveryRow.local_date == day,
            DeliveryRow.kind == DeliveryKind.MORNING,
        )
        .with_for_update()
    )
    return (await session.scalars(query)).first()


async def requeue(session: AsyncSession, delivery_id: int, at: datetime, note: str) -> None:
    """Make a claim pending again at ``at`` (a snooze): a fresh send, any lease cleared."""
    await _finish(
        session,
        delivery_id,
        status=DeliveryStatus.PENDING,
        next_attempt_at=at,
        attempts=0,
        last_error=note,
        sent_at=None,
    )
