"""Test-side handles that act as Telegram users: every action queues a well-formed Update."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from tests.fakebotapi.state import BotMessage
from tests.fakebotapi.updates import (
    JSON,
    command_entities,
    group_chat_json,
    photo_sizes,
    private_chat_json,
    user_json,
)

if TYPE_CHECKING:
    from tests.fakebotapi.server import FakeBotAPI


class HasMessageId(Protocol):
    """A :class:`BotMessage` or PTB's ``telegram.Message``."""

    @property
    def message_id(self) -> int: ...


MessageRef = HasMessageId | JSON | int

_FAKE_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64) + b"\xff\xd9"
_FAKE_OGG = b"OggS\x00\x02" + bytes(64)


class ChatSender:
    """A user acting in one chat. Each method queues an update and returns its JSON."""

    def __init__(self, api: FakeBotAPI, user: JSON, chat: JSON) -> None:
        self.api = api
        self.user = user
        self.chat = chat

    @property
    def user_id(self) -> int:
        """The acting user's id."""
        return int(self.user["id"])

    @property
    def chat_id(self) -> int:
        """The chat the user acts in."""
        return int(self.chat["id"])

    def sent_messages(self) -> list[BotMessage]:
        """The bot's live messages in this chat."""
        return self.api.sent_messages(self.chat_id)

    async def send_text(self, text: str, *, reply_to: int | None = None) -> JSON:
        """A plain text message (commands get their ``bot_command`` entity automatically)."""
        fields: JSON = {"text": text}
        if entities := command_entities(text):
            fields["entities"] = entities
        if reply_to is not None:
            fields["reply_to_message"] = self._message_json(reply_to)
        return self.api._inject_message(self.chat, self.user, fields)

    async def send_command(self, command: str, args: str = "", *, mention: bool = False) -> JSON:
        """``/command [args]``; ``mention`` appends ``@bot_username`` as group clients do."""
        command = command if command.startswith("/") else f"/{command}"
        if mention:
            command = f"{command}@{self.api.bot_user['username']}"
        return await self.send_text(f"{command} {args}".rstrip())

    async def press(self, message: MessageRef, callback_data: str, *, strict: bool = True) -> JSON:
        """Press the inline button with ``callback_data`` under one of the bot's messages.

        With ``strict`` (default) the message must currently carry such a button.
        """
        return self.api._inject_callback(self.chat, self.user, message, callback_data, strict)

    async def send_sticker(self, emoji: str = "👍") -> JSON:
        """A regular static sticker."""
        stored = self.api._store_user_file(b"RIFF\x00\x00WEBP", "stickers", "sticker.webp")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": len(stored.content),
        }
        return self.api._inject_message(self.chat, self.user, {"sticker": sticker})

    async def send_photo(self, caption: str | None = None, content: bytes = _FAKE_JPEG) -> JSON:
        """A photo (downloadable through getFile) with an optional caption."""
        stored = self.api._store_user_file(content, "photos", "photo.jpg")
        sizes = photo_sizes(stored.file_id, len(content))
        for size in sizes:
            self.api._files.setdefault(size["file_id"], stored)
        fields: JSON = {"photo": sizes}
        if caption:
            fields["caption"] = caption
        return self.api._inject_message(self.chat, self.user, fields)

    async def send_voice(self, duration: int = 3, content: bytes = _FAKE_OGG) -> JSON:
        """A voice note (downloadable through getFile)."""
        stored = self.api._store_user_file(content, "voice", "voice.oga")
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": len(content),
        }
        return self.api._inject_message(self.chat, self.user, {"voice": voice})

    async def send_location(self, latitude: float, longitude: float) -> JSON:
        """A one-off location."""
        location = {"latitude": latitude, "longitude": longitude}
        return self.api._inject_message(self.chat, self.user, {"location": location})

    async def edit_text(self, message_id: int, new_text: str) -> JSON:
        """Edit one of this user's text messages (an ``edited_message`` update)."""
        return self.api._inject_edit(self.chat, self.user, message_id, new_text)

    def _message_json(self, message_id: int) -> JSON:
        state = self.api._chats[self.chat_id]
        if message_id not in state.messages:
            raise ValueError(f"no message {message_id} in chat {self.chat_id}")
        return state.messages[message_id]


class UserHandle(ChatSender):
    """A user in their private chat with the bot (``api.user(...)``)."""

    def __init__(self, api: FakeBotAPI, user: JSON) -> None:
        super().__init__(api, user, private_chat_json(user))

    def in_group(self, group: GroupHandle) -> ChatSender:
        """The same user acting in ``group``."""
        return ChatSender(self.api, self.user, group.chat)


class GroupHandle(ChatSender):
    """A group chat (``api.group(...)``); acts as a default member unless :meth:`member`."""

    def __init__(
        self, api: FakeBotAPI, chat_id: int, title: str, *, supergroup: bool | None = None
    ) -> None:
        default_member = user_json(abs(chat_id) % 1_000_000_007 + 1, "Member")
        super().__init__(
            api, default_member, group_chat_json(chat_id, title, supergroup=supergroup)
        )

    def member(self, user: UserHandle | int, first_name: str = "Member") -> ChatSender:
        """A specific user acting in this group."""
        user_dict = user.user if isinstance(user, UserHandle) else user_json(user, first_name)
        return ChatSender(self.api, user_dict, self.chat)
