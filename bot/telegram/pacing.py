"""Pacing of every message the bot sends, and the one owner of Telegram's 429.

Telegram allows about 30 messages in any second and one a second per chat; a burst beyond
that is answered 429 with ``retry_after``. ``SendWindow`` is a sliding window shared by
replies to runners and the scheduler's fan-out: a send holds its place from when it
starts until one second after its answer came back. Telegram counted it somewhere in
between, so no rolling second, as Telegram sees it, holds more than ``overall`` sends
once a scheduled one is among them.

How the two share it: scheduled (``bulk``) sends take only free places, keep one second
per chat, and give way to any reply waiting. A reply waits only while the window is full
and scheduled sends hold places in it (then it takes the next place, before them); it is
never held back by other replies alone: answers to runners are not throttled up front
(Telegram's 30 a second is for bulk notifications), and if a flood of them ever meets a
429, the pause below holds everything back.

``PacedRateLimiter`` is python-telegram-bot's rate-limiter hook: every Bot API call goes
through it, message sends through the window. On a 429 it holds every send back for
``retry_after`` and tries again (``max_retries`` times); only then does the caller see
``RetryAfter``.

Reminders are paced before they are sent, not during: the scheduler takes a place in the
window first (``PacedRateLimiter.reserve``, a ``Ticket``), then starts the send while the
runner's row is held, and the send uses the reserved place without waiting again (the
ticket travels in ``rate_limit_args``). So no reminder waits in the window after the
check that its runner is still there. A ticket not used (the runner erased their data)
is released and its place given back. A send on a ticket is made once: on a 429 every
send is held back as above, and the caller gets ``RetryAfter`` (the scheduler sends that
reminder again later, through its gate), as a retry here would start after the check.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

__all__ = ["BULK", "MAX_RETRIES", "PACED_METHODS", "PacedRateLimiter", "SendWindow", "Ticket"]

log = logging.getLogger(__name__)

#: ``rate_limit_args`` of a scheduled send: paced per chat, and gives way to replies.
BULK: dict[str, Any] = {"bulk": True}
#: Times a call that met a 429 is tried again, after Telegram's ``retry_after``.
MAX_RETRIES = 3
#: The Bot API methods that put a message in a chat: these count against the limits.
PACED_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendAudio",
        "sendVideo",
        "sendAnimation",
        "sendVoice",
        "sendSticker",
        "sendMediaGroup",
        "sendLocation",
        "copyMessage",
        "forwardMessage",
        "editMessageText",
        "editMessageCaption",
        "editMessageMedia",
        "editMessageReplyMarkup",
    }
)
_WINDOW = 1.0
#: How long a bulk send steps back while a reply waits for the next place.
_GIVE_WAY = 0.01
#: Per-chat entries are pruned when the map grows past this.
_PRUNE_AT = 10_000

ChatId = int | str


class Ticket:
    """A place in a ``SendWindow`` taken ahead of one bulk send to ``chat_id``.

    The send uses it (``SendWindow.slot(..., ticket=)``) without waiting again; ``release``
    gives an unused place back (the send will not be made), and does nothing once used.
    """

    __slots__ = ("_previous", "_state", "_window", "chat_id")

    def __init__(self, window: SendWindow, chat_id: ChatId, previous: float | None) -> None:
        self._window = window
        self.chat_id = chat_id
        self._previous = previous  # the chat's last answer before the place was taken
        self._state = "open"

    @property
    def open(self) -> bool:
        """True until the ticket is used or released."""
        return self._state == "open"

    def release(self) -> None:
        """Give the place back if the ticket was not used; otherwise nothing."""
        if self._state == "open":
            self._state = "released"
            self._window._give_back(self.chat_id, self._previous)

    def _use(self, window: SendWindow, chat_id: ChatId) -> None:
        if not self.open or window is not self._window or str(chat_id) != str(self.chat_id):
            raise ValueError(f"ticket for chat {self.chat_id} is {self._state} or not for this")
        self._state = "used"


class SendWindow:
    """At most ``overall`` sends in any rolling second; bulk sends also ``1/per_chat`` s apart.

    ``overall`` 0 means no overall limit, ``per_chat`` 0 no per-chat one. The clock and the
    sleep are injectable, so tests run on a fake clock.
    """

    def __init__(
        self,
        overall: int = 30,
        per_chat: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.overall = overall
        self.chat_gap = 1.0 / per_chat if per_chat > 0 else 0.0
        self.clock = clock
        self.sleep = sleep
        self._answered: deque[tuple[float, bool]] = deque()  # (answered at, bulk)
        self._in_flight = 0
        self._bulk = 0  # scheduled sends in flight or answered within the last second
        self._chats: dict[ChatId, float] = {}  # last answer in the chat; inf while in flight
        self._paused_until = 0.0
        self._replies_waiting = 0

    async def reserve(self, chat_id: ChatId) -> Ticket:
        """Wait for a place for a bulk send to ``chat_id`` (every rule a bulk send keeps)
        and take it now: the send made on the ticket starts without waiting."""
        previous = await self._acquire(chat_id, bulk=True)
        return Ticket(self, chat_id, previous)

    @asynccontextmanager
    async def slot(
        self, chat_id: ChatId, *, bulk: bool = False, ticket: Ticket | None = None
    ) -> AsyncIterator[None]:
        """Wait for a place to send to ``chat_id``; hold it for the send and one second after.

        With a ``ticket`` (a bulk send's place taken by ``reserve``) there is no wait.
        """
        if ticket is None:
            await self._acquire(chat_id, bulk)
        else:
            ticket._use(self, chat_id)
            chat_id, bulk = ticket.chat_id, True
        try:
            yield
        finally:
            now = self.clock()
            self._in_flight -= 1
            self._answered.append((now, bulk))
            self._chats[chat_id] = now

    def pause(self, seconds: float) -> None:
        """Hold every send back for ``seconds`` (Telegram answered 429 with retry_after)."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    async def pause_ended(self) -> None:
        """Wait until a pause is over."""
        while (wait := self._paused_until - self.clock()) > 0:
            await self.sleep(wait)

    def _give_back(self, chat_id: ChatId, previous: float | None) -> None:
        """An unused reserved place is free again; its chat as it was before."""
        self._in_flight -= 1
        self._bulk -= 1
        if self._chats.get(chat_id) == math.inf:
            if previous is None:
                self._chats.pop(chat_id, None)
            else:
                self._chats[chat_id] = previous

    async def _acquire(self, chat_id: ChatId, bulk: bool) -> float | None:
        """Wait for and take a place; the chat's last answer before it (None: none known)."""
        if not bulk:
            self._replies_waiting += 1
        try:
            while (wait := self._wait(chat_id, bulk)) > 0:
                await self.sleep(wait)
        finally:
            if not bulk:
                self._replies_waiting -= 1
        self._in_flight += 1
        self._bulk += bulk
        previous = self._chats.get(chat_id)
        self._chats[chat_id] = math.inf
        if len(self._chats) > _PRUNE_AT:
            horizon = self.clock() - self.chat_gap
            self._chats = {chat: at for chat, at in self._chats.items() if at > horizon}
        return previous

    def _wait(self, chat_id: ChatId, bulk: bool) -> float:
        """Seconds until a send to ``chat_id`` may start (0 or less: now)."""
        now = self.clock()
        while self._answered and self._answered[0][0] + _WINDOW <= now:
            self._bulk -= self._answered.popleft()[1]
        wait = self._paused_until - now
        full = self.overall and self._in_flight + len(self._answered) >= self.overall
        if full and (bulk or self._bulk):
            # one still in flight frees its place a second after its answer, at the earliest
            free_at = self._answered[0][0] + _WINDOW if self._answered else now + _WINDOW
            wait = max(wait, free_at - now)
        if bulk:
            if self._replies_waiting:
                wait = max(wait, _GIVE_WAY)
            last = self._chats.get(chat_id)
            if self.chat_gap and last is not None:
                wait = max(wait, self.chat_gap if last == math.inf else last + self.chat_gap - now)
        return wait


def _seconds(wait: float | timedelta) -> float:
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


class PacedRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """python-telegram-bot's rate limiter: message sends through ``window``; 429s retried."""

    def __init__(self, window: SendWindow | None = None, max_retries: int = MAX_RETRIES) -> None:
        self.window = window or SendWindow()
        self.max_retries = max_retries

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def reserve(self, chat_id: ChatId) -> Ticket:
        """Wait for and take a place for one bulk send to ``chat_id``; pass the ticket as
        ``rate_limit_args={"bulk": True, "ticket": ticket}`` and that send does not wait."""
        return await self.window.reserve(chat_id)

    async def process_request(  # noqa: PLR0917 - PTB's BaseRateLimiter signature
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Make the call, paced when it sends a message; after a 429 wait and try again.

        A call on a ticket (``reserve``) starts at once and is made once (see the module).
        """
        chat_id = data.get("chat_id") if endpoint in PACED_METHODS else None
        bulk = bool(rate_limit_args and rate_limit_args.get("bulk"))
        ticket = rate_limit_args.get("ticket") if rate_limit_args else None
        if isinstance(ticket, Ticket):
            if chat_id is not None:
                return await self._on_ticket(ticket, chat_id, callback, args, kwargs, endpoint)
            ticket.release()  # not a message send: nothing to pace
        for attempt in range(self.max_retries + 1):
            try:
                if chat_id is None:
                    return await callback(*args, **kwargs)
                async with self.window.slot(chat_id, bulk=bulk):
                    return await callback(*args, **kwargs)
            except RetryAfter as error:
                seconds = _seconds(error.retry_after)
                self.window.pause(seconds)
                if attempt == self.max_retries:
                    raise
                log.info("%s: Telegram asked to wait %g s; every send waits", endpoint, seconds)
                if chat_id is None:
                    await self.window.pause_ended()
        raise AssertionError("unreachable")  # pragma: no cover

    async def _on_ticket(  # noqa: PLR0917 - process_request's arguments
        self,
        ticket: Ticket,
        chat_id: ChatId,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        try:
            async with self.window.slot(chat_id, ticket=ticket):
                return await callback(*args, **kwargs)
        except RetryAfter as error:
            seconds = _seconds(error.retry_after)
            self.window.pause(seconds)
            log.info("%s: Telegram asked to wait %g s; every send waits", endpoint, seconds)
            raise
