"""A rate limiter for Telegram sends: about 30 messages a second overall, 1 a second per chat.

Each call reserves the earliest slot free both overall and for its chat, then sleeps until
it; reservations happen without awaiting, so concurrent senders never share a slot. The
clock and the sleep are injectable, so tests run instantly on a fake clock.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

__all__ = ["RateLimiter"]

#: Per-chat entries older than this many seconds are forgotten when the map grows.
_PRUNE_AT = 10_000


class RateLimiter:
    """Spaces sends ``1/overall`` seconds apart, and ``1/per_chat`` apart within a chat."""

    def __init__(
        self,
        overall: float = 30.0,
        per_chat: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.overall_gap = 1.0 / overall if overall > 0 else 0.0
        self.chat_gap = 1.0 / per_chat if per_chat > 0 else 0.0
        self.clock = clock
        self.sleep = sleep
        self._next = 0.0
        self._paused_until = 0.0
        self._chats: dict[int, float] = {}

    def reserve(self, chat_id: int) -> float:
        """Book the next slot for ``chat_id``; the seconds to wait until it."""
        now = self.clock()
        start = max(now, self._next, self._paused_until, self._chats.get(chat_id, 0.0))
        self._next = start + self.overall_gap
        self._chats[chat_id] = start + self.chat_gap
        if len(self._chats) > _PRUNE_AT:
            self._chats = {chat: at for chat, at in self._chats.items() if at > now}
        return start - now

    async def acquire(self, chat_id: int) -> None:
        """Wait for a slot to send to ``chat_id`` (again, if a pause began meanwhile)."""
        while True:
            wait = self.reserve(chat_id)
            if wait > 0:
                await self.sleep(wait)
            if self.clock() >= self._paused_until:
                return

    def pause(self, seconds: float) -> None:
        """Hold every send back for ``seconds`` (Telegram answered 429 with retry_after)."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)
