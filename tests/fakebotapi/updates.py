"""Builders for the Bot API objects the fake returns and the updates tests inject."""

from __future__ import annotations

import hashlib
import time
from typing import Any

JSON = dict[str, Any]

# Update types Telegram delivers when ``allowed_updates`` was never set or set to ``[]``.
DEFAULT_ALLOWED_UPDATES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)


def now() -> int:
    """A Telegram ``date``: Unix time in whole seconds."""
    return int(time.time())


def user_json(
    user_id: int,
    first_name: str,
    *,
    username: str | None = None,
    last_name: str | None = None,
    language_code: str | None = "en",
    is_bot: bool = False,
) -> JSON:
    """A ``User`` object."""
    user: JSON = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
    if last_name:
        user["last_name"] = last_name
    if username:
        user["username"] = username
    if language_code and not is_bot:
        user["language_code"] = language_code
    return user


def private_chat_json(user: JSON) -> JSON:
    """The private ``Chat`` with ``user`` (its id is the user's id)."""
    chat: JSON = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    for key in ("last_name", "username"):
        if key in user:
            chat[key] = user[key]
    return chat


def group_chat_json(chat_id: int, title: str, *, supergroup: bool | None = None) -> JSON:
    """A group ``Chat``; ids starting with -100 are supergroups unless told otherwise."""
    if supergroup is None:
        supergroup = str(chat_id).startswith("-100")
    return {"id": chat_id, "type": "supergroup" if supergroup else "group", "title": title}


def file_ids(seed: str) -> tuple[str, str]:
    """A ``(file_id, file_unique_id)`` pair shaped like Telegram's, stable for ``seed``."""
    digest = hashlib.sha256(seed.encode()).hexdigest()
    return f"BQACAgIAAxkBAAI{digest[:40]}", f"AgAD{digest[40:52]}"


def command_entities(text: str) -> list[JSON]:
    """The ``bot_command`` entity for a leading ``/command`` (with optional ``@bot``)."""
    if not text.startswith("/"):
        return []
    command = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": len(command.encode("utf-16-le")) // 2}]


def photo_sizes(seed: str, size: int) -> list[JSON]:
    """The ``PhotoSize`` list Telegram sends for one photo (a thumbnail and the original)."""
    sizes = []
    for index, (width, height) in enumerate(((90, 67), (1280, 960))):
        file_id, unique_id = file_ids(f"{seed}:{index}")
        sizes.append(
            {
                "file_id": file_id,
                "file_unique_id": unique_id,
                "width": width,
                "height": height,
                "file_size": max(1, size // (20 if index == 0 else 1)),
            }
        )
    return sizes


def update_json(update_id: int, kind: str, payload: JSON) -> JSON:
    """An ``Update`` with one payload field."""
    return {"update_id": update_id, kind: payload}


def update_kind(update: JSON) -> str:
    """The payload field of an update (``message``, ``callback_query``, ...)."""
    return next(key for key in update if key != "update_id")
