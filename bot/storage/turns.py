"""What every update reads first: the runner, their phase state and the chat's conversation.

One query instead of three, because every update pays for it. The phase state row is locked
until commit on PostgreSQL (``FOR UPDATE OF phase_states``), so two updates of one runner on
two instances apply their phase changes one after the other, and the history version read
with it stays the committed one until this transaction ends (``bot.storage.history``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.phases import PhaseState
from bot.storage.chats import Conversation
from bot.storage.models import ConversationRow, PhaseStateRow, Runner
from bot.storage.repository import phase_state_of

__all__ = ["TurnRecord", "load_turn"]

_PHASE = PhaseStateRow.__table__.c
_PHASE_KEYS = tuple(column.key for column in _PHASE)
_CHAT = ConversationRow.__table__.c
_QUERY = (
    select(
        Runner,
        *(column.label(f"phase_{column.key}") for column in _PHASE),
        _CHAT.name.label("chat_name"),
        _CHAT.step.label("chat_step"),
        _CHAT.data.label("chat_data"),
        _CHAT.updated_at.label("chat_updated_at"),
    )
    .join(PhaseStateRow.__table__, _PHASE.runner_id == Runner.id)
    .outerjoin(ConversationRow.__table__, _CHAT.chat_id == bindparam("chat_id"))
    .where(Runner.telegram_id == bindparam("telegram_id"))
    .with_for_update(of=PhaseStateRow.__table__)
)


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """The runner (an ORM object, so use cases can change it), their phase, their chat."""

    runner: Runner
    state: PhaseState
    conversation: Conversation | None
    #: ``phase_states.history_version``: which committed history the runner has.
    history_version: int


async def load_turn(session: AsyncSession, telegram_id: int, chat_id: int) -> TurnRecord | None:
    """The runner for ``telegram_id`` with phase and conversation; None for a newcomer."""
    params = {"telegram_id": telegram_id, "chat_id": chat_id}
    row = (await session.execute(_QUERY, params)).first()
    if row is None:
        return None
    values = row._mapping
    state = phase_state_of({key: values[f"phase_{key}"] for key in _PHASE_KEYS})
    conversation = (
        Conversation(
            values["chat_name"],
            values["chat_step"],
            dict(values["chat_data"]),
            values["chat_updated_at"],
        )
        if values["chat_name"] is not None
        else None
    )
    return TurnRecord(row[0], state, conversation, values["phase_history_version"])
