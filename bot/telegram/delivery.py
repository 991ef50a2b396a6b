"""Make one outbox call with a PTB ``Bot`` and say how it ended (``bot.service.outbox``)."""

from __future__ import annotations

import logging

from telegram import Bot, KeyboardButton, Message, ReplyKeyboardMarkup
from telegram.error import BadRequest, TelegramError

from bot.presentation import render
from bot.service.outbox import Outgoing, Send
from bot.service.sending import SendKind, SendResult
from bot.telegram.keyboards import inline_markup
from bot.telegram.sender import result_of

__all__ = ["outbox_sender"]

log = logging.getLogger(__name__)
_NOT_MODIFIED = "message is not modified"
_SENT = SendResult(SendKind.SENT)


def outbox_sender(bot: Bot, shown: Message | None = None) -> Send:
    """A ``Send`` on ``bot``; ``shown`` is the message a tapped button sat on, if known,
    so an edit that would change nothing is not made (Telegram refuses it)."""

    async def send(chat_id: int, call: Outgoing) -> SendResult:
        try:
            await _call(bot, chat_id, call, shown)
        except BadRequest as error:
            if _NOT_MODIFIED in error.message.lower():  # the edit was there already
                return _SENT
            return result_of(error)
        except TelegramError as error:
            return result_of(error)
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
