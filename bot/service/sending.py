"""What a send to a runner's chat looks like to the use cases and the scheduler.

The Telegram edge (``bot.telegram.sender``) turns a message into a ``SendResult``; the
scheduler decides what each outcome means for its claims. Neither knows the other.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.presentation.render import Rows

__all__ = ["Outgoing", "SendKind", "SendMessage", "SendResult"]


class Outgoing(Protocol):
    """A composed message: the chat, its HTML text and its buttons."""

    @property
    def chat_id(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def rows(self) -> Rows: ...


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


#: Sends one message and says how it went (never raises for Telegram's answers).
SendMessage = Callable[[Outgoing], Awaitable[SendResult]]
