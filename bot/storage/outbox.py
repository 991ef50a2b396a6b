"""The outbox's rows: replies waiting for Telegram, one row per call. Functions never commit.

A row may be sent only when it is the oldest of its chat (``claim_heads``), so a chat's
replies go out in the order they were written; sent and dropped rows are deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.dialect import skip_locked
from bot.storage.models import OutboxRow, Runner

__all__ = [
    "QueuedRow",
    "claim_heads",
    "delete_rows",
    "drop_chat",
    "enqueue",
    "mark_runner_blocked",
    "release",
    "release_leases",
    "retry_later",
]

_OUTBOX = cast(Table, OutboxRow.__table__)
_EARLIER = _OUTBOX.alias("earlier")
_PAYLOAD = ("text", "keyboard", "request_location", "edit_message_id", "filename", "document")
#: Built once: every update runs one of them.
_INSERT_ONE = _OUTBOX.insert().returning(_OUTBOX.c.id)
_INSERT_MANY = _OUTBOX.insert().returning(_OUTBOX.c.id, sort_by_parameter_order=True)


@dataclass(frozen=True, slots=True)
class QueuedRow:
    """A claimed row: which chat, what to send (``payload`` holds the ``_PAYLOAD`` columns)."""

    id: int
    runner_id: int
    chat_id: int
    attempts: int
    payload: dict[str, Any]


async def enqueue(
    session: AsyncSession,
    runner_id: int,
    chat_id: int,
    payloads: Sequence[dict[str, Any]],
    *,
    now: datetime,
    leased_until: datetime | None,
    instance: str,
) -> list[int]:
    """Write one row per payload (each holding every ``_PAYLOAD`` column) in one statement;
    their ids, in the payloads' order.

    With ``leased_until`` the rows are this instance's to send until then (the update's
    own delivery, right after commit); without, they are free for whoever sends the chat.
    """
    if not payloads:
        return []
    common = {
        "runner_id": runner_id,
        "chat_id": chat_id,
        "attempts": 0,
        "next_attempt_at": now,
        "leased_until": leased_until,
        "claimed_by": instance if leased_until is not None else None,
        "last_error": None,
        "created_at": now,
    }
    values = [{**common, **payload} for payload in payloads]
    connection = await session.connection()
    if len(values) == 1:
        return [(await connection.execute(_INSERT_ONE, values[0])).scalar_one()]
    return list((await connection.execute(_INSERT_MANY, values)).scalars())


async def claim_heads(
    session: AsyncSession,
    now: datetime,
    *,
    until: datetime,
    instance: str,
    limit: int,
    chat_id: int | None = None,
) -> list[QueuedRow]:
    """Lease the oldest row of each chat (or of ``chat_id``) that is due and free.

    A chat whose oldest row is leased or waiting for its retry gives nothing: its later
    rows wait behind it. Rows another instance is claiming are skipped on PostgreSQL.
    """
    conditions = [
        _OUTBOX.c.next_attempt_at <= now,
        or_(_OUTBOX.c.leased_until.is_(None), _OUTBOX.c.leased_until <= now),
        ~exists().where(_EARLIER.c.chat_id == _OUTBOX.c.chat_id, _EARLIER.c.id < _OUTBOX.c.id),
    ]
    if chat_id is not None:
        conditions.append(_OUTBOX.c.chat_id == chat_id)
    query = (
        select(
            _OUTBOX.c.id,
            _OUTBOX.c.runner_id,
            _OUTBOX.c.chat_id,
            _OUTBOX.c.attempts,
            *(_OUTBOX.c[key] for key in _PAYLOAD),
        )
        .where(*conditions)
        .order_by(_OUTBOX.c.id)
        .limit(limit)
    )
    rows = (await session.execute(skip_locked(session, query))).all()
    if not rows:
        return []
    ids = [row.id for row in rows]
    await session.execute(
        update(_OUTBOX).where(_OUTBOX.c.id.in_(ids)).values(leased_until=until, claimed_by=instance)
    )
    return [
        QueuedRow(row[0], row[1], row[2], row[3], dict(zip(_PAYLOAD, row[4:], strict=True)))
        for row in rows
    ]


async def delete_rows(session: AsyncSession, ids: Sequence[int]) -> None:
    """Forget rows that were sent (or dropped)."""
    if ids:
        await session.execute(delete(_OUTBOX).where(_OUTBOX.c.id.in_(ids)))


async def release(session: AsyncSession, ids: Sequence[int]) -> None:
    """Free rows for the next sender of their chat (they keep their place)."""
    if ids:
        await session.execute(
            update(_OUTBOX).where(_OUTBOX.c.id.in_(ids)).values(leased_until=None)
        )


async def retry_later(
    session: AsyncSession, row_id: int, *, at: datetime, attempts: int, error: str
) -> None:
    """Free a row whose send failed, to be tried again at ``at``."""
    await session.execute(
        update(_OUTBOX)
        .where(_OUTBOX.c.id == row_id)
        .values(next_attempt_at=at, attempts=attempts, last_error=error, leased_until=None)
    )


async def drop_chat(session: AsyncSession, chat_id: int) -> int:
    """Forget every row of a chat (the runner blocked the bot); how many went."""
    result = await session.execute(
        delete(_OUTBOX).where(_OUTBOX.c.chat_id == chat_id).returning(_OUTBOX.c.id)
    )
    return len(result.all())


async def mark_runner_blocked(session: AsyncSession, runner_id: int) -> None:
    """Stop messaging a runner who blocked the bot."""
    await session.execute(update(Runner).where(Runner.id == runner_id).values(active=False))


async def release_leases(session: AsyncSession, instance: str) -> int:
    """Free the rows ``instance`` held when it stopped (a restart sends them at once)."""
    result = await session.execute(
        update(_OUTBOX)
        .where(_OUTBOX.c.claimed_by == instance, _OUTBOX.c.leased_until.is_not(None))
        .values(leased_until=None)
        .returning(_OUTBOX.c.id)
    )
    return len(result.all())
