"""What every update reads first: the runner, their phase state and the chat's conversation.

One plain (Core) query instead of three, because every update pays for it; the runner comes
back as a ``RunnerRecord`` (``bot.storage.runners``). The phase state row is locked
until commit on PostgreSQL (``FOR UPDATE OF phase_states``), so two updates of one runner on
two instances apply their phase changes one after the other, and the history version read
with it stays the committed one until this transaction ends (``bot.storage.history``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.phases import PhaseState
from bot.storage.chats import Conversation
from bot.storage.models import ConversationRow, OutboxRow, PhaseStateRow
from bot.storage.repository import phase_state_of
from bot.storage.runners import RUNNER_COLUMNS, RUNNERS, RunnerRecord

__all__ = ["TurnRecord", "load_turn"]

_PHASE = PhaseStateRow.__table__.c
_PHASE_KEYS = tuple(column.key for column in _PHASE)
#: Where each part of a row starts: the runner's columns, the phase's, the chat's four, then
#: how many rows the chat has in the outbox.
_RUNNER_WIDTH = len(RUNNER_COLUMNS)
_CHAT_AT = _RUNNER_WIDTH + len(_PHASE_KEYS)
_CHAT = ConversationRow.__table__.c
_OUTBOX = OutboxRow.__table__.c
_QUERY = (
    select(
        *RUNNER_COLUMNS,
        *(column.label(f"phase_{column.key}") for column in _PHASE),
        _CHAT.name.label("chat_name"),
        _CHAT.step.label("chat_step"),
        _CHAT.data.label("chat_data"),
        _CHAT.updated_at.label("chat_updated_at"),
        select(func.count())
        .where(_OUTBOX.chat_id == bindparam("chat_id"))
        .scalar_subquery()
        .label("replies_waiting"),
    )
    .join(PhaseStateRow.__table__, _PHASE.runner_id == RUNNERS.c.id)
    .outerjoin(ConversationRow.__table__, _CHAT.chat_id == bindparam("chat_id"))
    .where(RUNNERS.c.telegram_id == bindparam("telegram_id"))
    .with_for_update(of=PhaseStateRow.__table__)
)


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """The runner, their phase, their chat, and which history they have."""

    runner: RunnerRecord
    state: PhaseState
    conversation: Conversation | None
    #: ``phase_states.history_version``: which committed history the runner has.
    history_version: int
    #: The chat's rows in the outbox (``bot.service.outbox``).
    replies_waiting: int = 0
    #: The runner's latest logged day (done or skipped), if any.
    last_logged: date | None = None


async def load_turn(session: AsyncSession, telegram_id: int, chat_id: int) -> TurnRecord | None:
    """The runner for ``telegram_id`` with phase and conversation; None for a newcomer."""
    params = {"telegram_id": telegram_id, "chat_id": chat_id}
    row = (await session.execute(_QUERY, params)).first()
    if row is None:
        return None
    phase = dict(zip(_PHASE_KEYS, row[_RUNNER_WIDTH:_CHAT_AT], strict=True))
    name, step, data, updated_at, waiting = row[_CHAT_AT:]
    conversation = Conversation(name, step, dict(data), updated_at) if name is not None else None
    runner = RunnerRecord(*row[:_RUNNER_WIDTH])
    version = phase["history_version"]
    last_logged = phase["last_logged_on"]
    return TurnRecord(runner, phase_state_of(phase), conversation, version, waiting, last_logged)
