"""The fake's server-side state: chats, the bot's messages, callback queries and files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.fakebotapi.recorder import UploadedFile

JSON = dict[str, Any]


@dataclass
class BotMessage:
    """A message the bot sent, as it currently stands (edits update it in place).

    ``text``/``caption`` are what the bot sent (markup included); ``plain_text`` and
    ``entities`` are what Telegram shows after parsing. ``history`` holds earlier
    ``(text, reply_markup)`` versions, oldest first.
    """

    chat: JSON
    message_id: int
    date: int
    kind: str  # "text" | "document" | "photo"
    text: str | None = None
    caption: str | None = None
    parse_mode: str | None = None
    reply_markup: JSON | None = None
    plain_text: str = ""
    entities: list[JSON] = field(default_factory=list)
    file: UploadedFile | None = None
    media: Any = None  # the Document dict or PhotoSize list returned to the bot
    reply_to: JSON | None = None
    edit_date: int | None = None
    deleted: bool = False
    history: list[tuple[str | None, JSON | None]] = field(default_factory=list)

    @property
    def chat_id(self) -> int:
        """The chat the message is in."""
        return int(self.chat["id"])

    @property
    def inline_keyboard(self) -> list[list[JSON]]:
        """The inline keyboard rows (empty when there is none)."""
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            return list(self.reply_markup["inline_keyboard"])
        return []

    @property
    def callback_data(self) -> list[str]:
        """Every button's ``callback_data`` in keyboard order."""
        return [
            button["callback_data"]
            for row in self.inline_keyboard
            for button in row
            if "callback_data" in button
        ]

    def to_json(self, bot_user: JSON) -> JSON:
        """The ``Message`` object Telegram returns for this message."""
        message: JSON = {
            "message_id": self.message_id,
            "from": bot_user,
            "chat": self.chat,
            "date": self.date,
        }
        if self.edit_date is not None:
            message["edit_date"] = self.edit_date
        if self.reply_to is not None:
            message["reply_to_message"] = self.reply_to
        if self.kind == "text":
            message["text"] = self.plain_text
            if self.entities:
                message["entities"] = self.entities
        else:
            message[self.kind] = self.media
            if self.caption:
                message["caption"] = self.plain_text
                if self.entities:
                    message["caption_entities"] = self.entities
        if self.inline_keyboard:
            message["reply_markup"] = {"inline_keyboard": self.inline_keyboard}
        return message


@dataclass
class ChatState:
    """One chat the fake knows: its ``Chat`` object and every message in it."""

    chat: JSON
    next_message_id: int = 1
    messages: dict[int, JSON] = field(default_factory=dict)  # raw Message JSON, both sides
    bot_messages: dict[int, BotMessage] = field(default_factory=dict)

    @property
    def is_group(self) -> bool:
        """Groups and supergroups have stricter flood limits."""
        return self.chat.get("type") in ("group", "supergroup")

    def allocate_message_id(self) -> int:
        """The next message id in this chat (shared by the user and the bot)."""
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id


@dataclass
class CallbackQueryState:
    """A callback query a test injected, and how the bot answered it."""

    query_id: str
    created: float  # monotonic
    chat_id: int
    message_id: int
    data: str
    answer: JSON | None = None


@dataclass
class StoredFile:
    """A file reachable through getFile and the file download URL."""

    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    filename: str | None = None
    mime_type: str | None = None
