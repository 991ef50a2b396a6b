"""The Telegram edge: send a composed message with a PTB ``Bot`` and classify the outcome.

The bot's rate limiter (``bot.telegram.pacing``) paces these as bulk sends and owns 429s:
``RETRY_AFTER`` comes back only once it gave up. A message that carries a ``ticket`` (a
place its caller reserved with ``reminder_pacing``'s callable, before checking that the
runner is still there) is sent on that place, without waiting in the window again."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import ExtBot

from bot.service.sending import Outgoing, SendKind, SendMessage, SendResult
from bot.telegram.keyboards import inline_markup
from bot.telegram.pacing import BULK, PacedRateLimiter, Ticket

__all__ = ["reminder_pacing", "result_of", "telegram_sender"]


def reminder_pacing(bot: Bot) -> Callable[[int], Awaitable[Ticket]] | None:
    """Reserves a place in ``bot``'s send window for one reminder to a chat (None: the
    bot is not paced by a ``PacedRateLimiter``, so there is nothing to wait for)."""
    limiter = bot.rate_limiter if isinstance(bot, ExtBot) else None
    return limiter.reserve if isinstance(limiter, PacedRateLimiter) else None


def telegram_sender(bot: Bot) -> SendMessage:
    """Sends each message as an HTML message with its inline keyboard."""

    paced = isinstance(bot, ExtBot) and bot.rate_limiter is not None
    bulk: dict[str, Any] = {"rate_limit_args": BULK} if paced else {}

    async def send(delivery: Outgoing) -> SendResult:
        ticket = getattr(delivery, "ticket", None)  # the scheduler's reserved place, if any
        limits = bulk
        if paced and isinstance(ticket, Ticket):
            limits = {"rate_limit_args": {**BULK, "ticket": ticket}}
        try:
            message = await bot.send_message(
                chat_id=delivery.chat_id,
                text=delivery.text,
                parse_mode=ParseMode.HTML,
                reply_markup=inline_markup(delivery.rows),
                **limits,
            )
        except TelegramError as error:
            return result_of(error)
        return SendResult(SendKind.SENT, message_id=message.message_id)

    return send


def result_of(error: TelegramError) -> SendResult:
    """How a send that raised ``error`` ended: the one reading of Telegram's refusals.

    429 waits as told; 403 means the runner blocked the bot; 400 will not change on a
    retry; timeouts, network errors and 5xx answers are worth trying again.
    """
    if isinstance(error, RetryAfter):
        wait = error.retry_after
        seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
        return SendResult(SendKind.RETRY_AFTER, retry_after=seconds, error=str(error))
    if isinstance(error, Forbidden):
        return SendResult(SendKind.FORBIDDEN, error=str(error))
    if isinstance(error, BadRequest):  # a NetworkError subclass, but retrying will not help
        return SendResult(SendKind.FAILED, error=str(error))
    if isinstance(error, NetworkError):  # timeouts and 5xx answers included
        return SendResult(SendKind.TRANSIENT, error=str(error) or type(error).__name__)
    return SendResult(SendKind.FAILED, error=str(error))
