"""Make one outbox call with a PTB ``Bot`` and say how it ended (``bot.service.outbox``)."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Bot, KeyboardButton, Message, ReplyKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.presentation import render
from bot.service.outbox import Outcome, Outgoing, Send, SendStatus
from bot.telegram.keyboards import inline_markup

__all__ = ["outbox_sender"]

log = logging.getLogger(__name__)
_NOT_MODIFIED = "message is not modified"
_SENT = Outcome(SendStatus.SENT)


def outbox_sender(bot: Bot, shown: Message | None = None) -> Send:
    """A ``Send`` on ``bot``; ``shown`` is the message a tapped button sat on, if known,
    so an edit that would change nothing is not made (Telegram refuses it)."""

    async def send(chat_id: int, call: Outgoing) -> Outcome:
        try:
            await _call(bot, chat_id, call, shown)
        except RetryAfter as error:
            wait = error.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            return Outcome(SendStatus.RETRY, retry_after=seconds, error=str(error))
        except Forbidden as error:
            return Outcome(SendStatus.BLOCKED, error=error.message)
        except BadRequest as error:  # a NetworkError subclass, but retrying will not help
            if _NOT_MODIFIED in error.message.lower():
                return _SENT
            return Outcome(SendStatus.REFUSED, error=error.message)
        except NetworkError as error:  # timeouts and 5xx answers included
            return Outcome(SendStatus.RETRY, error=error.message or type(error).__name__)
        except TelegramError as error:
            return Outcome(SendStatus.REFUSED, error=error.message)
        return _SENT

    return send


async def _call(bot: Bot, chat_id: int, call: Outgoing, shown: Message | None) -> None:
    if call.document is not None:
        document = call.document
        caption = render.truncate_caption(document.caption) if document.caption else None
        await bot.send_document(
            chat_id, document=document.content, filename=document.filename, caption=caption
        )
        return
    if call.photo is not None:
        try:
            await bot.send_photo(
                chat_id, photo=call.photo, caption=render.truncate_caption(call.text)
            )
            return
        except BadRequest as error:
            log.warning("photo refused (%s); sending the text instead", error.message)
    markup = inline_markup([list(row) for row in call.keyboard])
    if call.edit_message_id is not None:
        if _unchanged(shown, call, markup):
            return
        await bot.edit_message_text(
            call.text, chat_id=chat_id, message_id=call.edit_message_id, reply_markup=markup
        )
        return
    *head, last = render.split_message(call.text)  # one part, but for a chart's caption
    for chunk in head:
        await bot.send_message(chat_id, chunk)
    await bot.send_message(chat_id, last, reply_markup=_markup(call, markup))  # type: ignore[arg-type]


def _markup(call: Outgoing, inline: object) -> object:
    if call.keyboard:
        return inline
    if call.request_location:
        return ReplyKeyboardMarkup(
            [[KeyboardButton("📍 Share my location", request_location=True)]],
            one_time_keyboard=True,
            resize_keyboard=True,
        )
    return None


def _unchanged(shown: Message | None, call: Outgoing, markup: object) -> bool:
    """Telegram refuses an edit that changes nothing: the message already says this."""
    return (
        shown is not None
        and shown.message_id == call.edit_message_id
        and shown.text_html == call.text
        and shown.reply_markup == markup
    )
