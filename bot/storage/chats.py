"""Per-chat bookkeeping: Telegram updates already handled, and conversation state.

Both live in the database so a restart, or a second instance, neither handles an update
twice nor forgets where a runner was in a conversation. Functions never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, Table, bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.dialect import insert_for
from bot.storage.models import ConversationRow, HandledUpdate

__all__ = [
    "Conversation",
    "claim_update",
    "clear_conversation",
    "get_conversation",
    "prune_handled_updates",
    "set_conversation",
]


async def claim_update(session: AsyncSession, update_id: int, now: datetime) -> bool:
    """Mark ``update_id`` handled; False when it was claimed already.

    ``INSERT ... ON CONFLICT DO NOTHING``: of concurrent claims on PostgreSQL exactly one
    wins (the others wait for it to commit). Commit the claim with the update's effects,
    so an update whose handling fails is claimed by nobody and can be retried.
    """
    dialect = session.get_bind().dialect.name
    claim = _CLAIMS.get(dialect)
    if claim is None:
        table = cast(Table, HandledUpdate.__table__)
        claim = _CLAIMS[dialect] = (
            insert_for(session, table)
            .values(update_id=bindparam("update_id"), handled_at=bindparam("now"))
            .on_conflict_do_nothing(index_elements=["update_id"])
            .returning(table.c.update_id)
        )
    result = await session.execute(claim, {"update_id": update_id, "now": now})
    return result.first() is not None


#: The claim statement per dialect, built once: every update runs it.
_CLAIMS: dict[str, Executable] = {}


async def prune_handled_updates(
    session: AsyncSession, older_than: datetime, limit: int | None = None
) -> int:
    """Forget updates handled before ``older_than`` (the oldest ``limit`` of them, when
    given); returns how many were forgotten. Uses ``ix_handled_updates_handled_at``."""
    condition = HandledUpdate.handled_at < older_than
    if limit is not None:
        oldest = (
            select(HandledUpdate.update_id)
            .where(condition)
            .order_by(HandledUpdate.handled_at)
            .limit(limit)
        )
        condition = HandledUpdate.update_id.in_(oldest.scalar_subquery())
    result = await session.execute(delete(HandledUpdate).where(condition))
    return cast(CursorResult[Any], result).rowcount


@dataclass(frozen=True, slots=True)
class Conversation:
    """Where a chat is: conversation ``name``, its ``step`` and what it has gathered."""

    name: str
    step: str
    data: dict[str, Any]
    updated_at: datetime


async def get_conversation(session: AsyncSession, chat_id: int) -> Conversation | None:
    """The chat's conversation in progress, if any."""
    row = await session.get(ConversationRow, chat_id, populate_existing=True)
    if row is None:
        return None
    return Conversation(row.name, row.step, dict(row.data), row.updated_at)


async def set_conversation(
    session: AsyncSession,
    chat_id: int,
    name: str,
    step: str,
    data: dict[str, Any],
    *,
    now: datetime,
) -> None:
    """Start or advance the chat's conversation; ``data`` must be JSON-serialisable."""
    values = {"name": name, "step": step, "data": data, "updated_at": now}
    insert = insert_for(session, ConversationRow).values(chat_id=chat_id, **values)
    await session.execute(insert.on_conflict_do_update(index_elements=["chat_id"], set_=values))


async def clear_conversation(session: AsyncSession, chat_id: int) -> None:
    """End the chat's conversation (a no-op when there is none)."""
    await session.execute(delete(ConversationRow).where(ConversationRow.chat_id == chat_id))
