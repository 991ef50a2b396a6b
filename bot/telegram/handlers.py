"""The Telegram shell: read the update, hand it to the coach, send what it answers."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import cast

from telegram import (
    CallbackQuery,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.presentation import render
from bot.service.coach import Coach
from bot.service.messages import (
    Button,
    Command,
    Inbound,
    Location,
    Media,
    Reply,
    Sender,
    Text,
    clean_name,
    clean_text,
)
from bot.telegram.delivery import outbox_sender
from bot.telegram.keyboards import inline_markup

__all__ = ["APOLOGY_MEMORY", "COACH_KEY", "RepliesNotSent", "on_error", "on_update"]

log = logging.getLogger(__name__)
COACH_KEY = "coach"
_NOT_MODIFIED = "message is not modified"
#: How many failed update ids ``on_error`` remembers having apologised for.
APOLOGY_MEMORY = 4096
_APOLOGISED_KEY = "apologised_updates"


def _coach(context: ContextTypes.DEFAULT_TYPE) -> Coach:
    return cast(Coach, context.bot_data[COACH_KEY])


async def on_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every update goes through here: one use case, then the replies."""
    if update.edited_message is not None:
        return  # an edit is not a new log
    chat = update.effective_chat
    user = update.effective_user
    if chat is None or user is None:
        return
    if chat.type != ChatType.PRIVATE:
        if update.effective_message is not None and update.effective_message.text:
            await update.effective_message.reply_text(render.group_reply())
        return
    inbound = inbound_of(update)
    if inbound is None:
        return
    sender = Sender(telegram_id=user.id, chat_id=chat.id, first_name=clean_name(user.first_name))
    coach = _coach(context)
    query = update.callback_query
    shown = query.message if query is not None and isinstance(query.message, Message) else None
    edit_target = shown.message_id if shown is not None else None
    queued = await coach.handle_queued(sender, inbound, update.update_id, edit_target)
    if queued is None:
        return  # handled before: its replies are in the outbox or sent
    if not queued.direct:
        if query is not None:
            await _answer(query, next((r.toast for r in queued.replies if r.toast), None))
        if await coach.outbox.deliver(queued, outbox_sender(context.bot, shown)):
            raise RepliesNotSent("Telegram refused a reply")
        return
    try:
        await send_replies(update, context, queued.replies)
    except Forbidden:
        await coach.mark_blocked(user.id)
    except TelegramError as error:
        raise RepliesNotSent(error.message) from error


class RepliesNotSent(Exception):
    """The update's effects were committed, but its replies did not all reach Telegram."""


_NOT_SAVED = (
    "Sorry, something went wrong on my side and that wasn't saved. Please try again in a moment."
)
_NOT_SENT = (
    "Sorry, something went wrong on my side: what you sent is saved, but my answer got lost "
    "on the way. /today and /history show where you are."
)


def inbound_of(update: Update) -> Inbound | None:
    """The update as the coach sees it, or None when there is nothing to answer.

    Text is cleaned of what no database stores (``clean_text``) here, at the edge.
    """
    query = update.callback_query
    if query is not None:
        return Button(data=clean_text(query.data or ""))
    message = update.message
    if message is None:
        return None
    if message.location is not None:
        return Location(message.location.latitude, message.location.longitude)
    if message.text is None:
        return Media(kind=_media_kind(message))
    text = clean_text(message.text)
    if text.startswith("/"):
        head, *args = text.split()
        name = head[1:].split("@", 1)[0]
        return Command(name=name, args=tuple(args))
    return Text(text=text)


def _media_kind(message: Message) -> str:
    for kind in ("sticker", "photo", "voice", "video", "document", "audio", "animation"):
        if getattr(message, kind, None):
            return kind
    return "other"


async def send_replies(
    update: Update, context: ContextTypes.DEFAULT_TYPE, replies: list[Reply]
) -> None:
    """Send, edit and answer as the replies say; answer a button tap exactly once."""
    query = update.callback_query
    toast = next((reply.toast for reply in replies if reply.toast), None)
    if query is not None:
        await _answer(query, toast)
    chat_id = update.effective_chat.id if update.effective_chat else None
    if chat_id is None:
        return
    for reply in replies:
        if reply.document is not None:
            document = reply.document
            await context.bot.send_document(
                chat_id,
                document=document.content,
                filename=document.filename,
                caption=render.truncate_caption(document.caption) if document.caption else None,
            )
        if reply.photo is not None:
            await _send_photo(context, chat_id, reply)
            continue
        if not reply.text:
            continue
        if reply.edit and query is not None and isinstance(query.message, Message):
            await _edit(query.message, reply)
            continue
        await _send(context, chat_id, reply)


async def _send_photo(context: ContextTypes.DEFAULT_TYPE, chat_id: int, reply: Reply) -> None:
    """A picture with the reply's text as caption; the text alone if it won't go."""
    assert reply.photo is not None
    try:
        await context.bot.send_photo(
            chat_id, photo=reply.photo, caption=render.truncate_caption(reply.text)
        )
    except BadRequest as error:
        log.warning("photo refused (%s); sending the text instead", error.message)
        await _send(context, chat_id, reply)


async def _answer(query: CallbackQuery, toast: str | None) -> None:
    """Answer a tap once, at once; a failed answer is not retried (Telegram would refuse a
    late one) and does not hold up the replies."""
    try:
        await query.answer(text=toast[:200] if toast else None)
    except BadRequest as error:  # too old: the tap still gets its reply below
        log.info("callback answer refused: %s", error.message)
    except Forbidden:
        raise
    except TelegramError as error:
        log.warning("callback answer failed: %s", error.message)


async def _edit(message: Message, reply: Reply) -> None:
    chunks = render.split_message(reply.text)
    markup = inline_markup([list(row) for row in reply.keyboard])
    if message.text_html == chunks[0] and message.reply_markup == markup:
        return  # Telegram refuses an edit that changes nothing
    try:
        await message.edit_text(chunks[0], reply_markup=markup)
    except BadRequest as error:
        if _NOT_MODIFIED not in error.message.lower():
            raise
    for chunk in chunks[1:]:
        await message.chat.send_message(chunk)


async def _send(context: ContextTypes.DEFAULT_TYPE, chat_id: int, reply: Reply) -> None:
    chunks = render.split_message(reply.text)
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        markup: object = None
        if last and reply.keyboard:
            markup = inline_markup([list(row) for row in reply.keyboard])
        elif last and reply.request_location:
            markup = ReplyKeyboardMarkup(
                [[KeyboardButton("📍 Share my location", request_location=True)]],
                one_time_keyboard=True,
                resize_keyboard=True,
            )
        await context.bot.send_message(chat_id, chunk, reply_markup=markup)  # type: ignore[arg-type]


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the fault and tell the runner, who should never be met with silence.

    The runner is told once per update: in webhook mode a failed update is answered 500 and
    Telegram delivers it again, maybe failing again, so the ids already apologised for are
    remembered (the last ``APOLOGY_MEMORY``, in this process; with several instances a
    redelivery that lands on another instance can be apologised for there once more). An
    apology that could not be sent is not remembered: a later redelivery may try again.
    """
    error = context.error
    if isinstance(update, Update) and isinstance(error, Forbidden) and update.effective_user:
        await _coach(context).mark_blocked(update.effective_user.id)
        return
    log.error("update failed: %s", type(error).__name__, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != ChatType.PRIVATE:
        return
    apologised = _apologised(context)
    if update.update_id in apologised:
        log.info("update %s failed again; the runner was told already", update.update_id)
        return
    try:
        apology = _NOT_SENT if isinstance(error, RepliesNotSent) else _NOT_SAVED
        await context.bot.send_message(update.effective_chat.id, apology)
    except TelegramError:
        log.warning("could not tell the runner about the error")
        return
    apologised[update.update_id] = None
    while len(apologised) > APOLOGY_MEMORY:
        apologised.popitem(last=False)


def _apologised(context: ContextTypes.DEFAULT_TYPE) -> OrderedDict[int, None]:
    """The update ids the runner was told about, oldest first (kept in ``bot_data``)."""
    return cast(
        "OrderedDict[int, None]", context.bot_data.setdefault(_APOLOGISED_KEY, OrderedDict())
    )
