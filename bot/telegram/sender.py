"""The Telegram edge: send a composed message with a PTB ``Bot`` and classify the outcome."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.service.sending import Outgoing, SendKind, SendMessage, SendResult
from bot.telegram.keyboards import inline_markup

__all__ = ["telegram_sender"]


def telegram_sender(bot: Bot) -> SendMessage:
    """Sends each message as an HTML message with its inline keyboard."""

    async def send(delivery: Outgoing) -> SendResult:
        try:
            message = await bot.send_message(
                chat_id=delivery.chat_id,
                text=delivery.text,
                parse_mode=ParseMode.HTML,
                reply_markup=inline_markup(delivery.rows),
            )
        except RetryAfter as error:
            wait = error.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            return SendResult(SendKind.RETRY_AFTER, retry_after=seconds, error=str(error))
        except Forbidden as error:
            return SendResult(SendKind.FORBIDDEN, error=str(error))
        except BadRequest as error:  # a NetworkError subclass, but retrying will not help
            return SendResult(SendKind.FAILED, error=str(error))
        except (TimedOut, NetworkError) as error:  # includes 5xx answers
            return SendResult(SendKind.TRANSIENT, error=str(error) or type(error).__name__)
        except TelegramError as error:
            return SendResult(SendKind.FAILED, error=str(error))
        return SendResult(SendKind.SENT, message_id=message.message_id)

    return send
