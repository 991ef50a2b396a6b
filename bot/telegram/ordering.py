"""One chat's updates one at a time, in the order they came; different chats at once.

python-telegram-bot processes updates one at a time unless told otherwise, so every reply's
round trip to Telegram holds up every other runner. Its concurrent mode lifts that but lets
two messages of one runner overtake each other ("done" logged before the "skip" sent
first). ``ChatOrderedUpdates`` is the middle way, as a PTB update processor for polling:
updates run concurrently (up to a limit), except that an update waits for every earlier
update of its chat. The webhook server holds the same ``ChatLocks`` around each request.

Order is the order in which updates ask for their chat's lock (asyncio locks are first
come, first served). PTB starts one task per polled update in arrival order and they pass
its semaphore first come, first served too, so that is the order Telegram sent them in.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

__all__ = ["ChatLocks", "ChatOrderedUpdates", "chat_of"]


class ChatLocks:
    """One lock per chat, forgotten once nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[int | None, tuple[asyncio.Lock, int]] = {}

    def __len__(self) -> int:
        return len(self._locks)

    @contextlib.asynccontextmanager
    async def hold(self, key: int | None) -> AsyncIterator[None]:
        """Hold the lock for ``key``; waiters get it in the order they asked (FIFO)."""
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


class ChatOrderedUpdates(BaseUpdateProcessor):
    """Up to ``max_concurrent_updates`` at once; within one chat, one at a time, in order."""

    __slots__ = ("_locks",)

    def __init__(self, max_concurrent_updates: int, locks: ChatLocks | None = None) -> None:
        super().__init__(max_concurrent_updates)
        self._locks = ChatLocks() if locks is None else locks

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run ``coroutine`` once the chat's earlier updates have finished."""
        if not isinstance(update, Update):
            await coroutine
            return
        started = False
        try:
            async with self._locks.hold(chat_of(update)):
                started = True
                await coroutine
        finally:
            if not started and asyncio.iscoroutine(coroutine):
                coroutine.close()  # stopped while it waited: it never runs

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free: PTB waits for the updates in progress before it shuts down."""


def chat_of(update: Update) -> int | None:
    """The chat an update belongs to (its sender's, for updates without a chat)."""
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
