"""The Bot API methods the fake implements, with Telegram's checks and error descriptions.

:class:`BotApiMethods` is mixed into :class:`~tests.fakebotapi.server.FakeBotAPI`, which owns
the state declared on it; each method takes the decoded :class:`Params` of one request and
returns the ``result`` or raises :class:`~tests.fakebotapi.limits.ApiError`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import mimetypes
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakebotapi import limits
from tests.fakebotapi.limits import ApiError, RateLimiter, RollingWindow, bad_request
from tests.fakebotapi.recorder import UploadedFile
from tests.fakebotapi.state import BotMessage, CallbackQueryState, ChatState, StoredFile
from tests.fakebotapi.updates import (
    DEFAULT_ALLOWED_UPDATES,
    JSON,
    file_ids,
    now,
    photo_sizes,
    update_kind,
)

MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses bigger files
CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)

# Parameters that are plain strings on the wire and must never be JSON-decoded.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "url",
        "action",
        "language_code",
        "file_id",
        "document",
        "photo",
        "secret_token",
        "ip_address",
        "business_connection_id",
        "message_effect_id",
        "emoji",
    }
)


@dataclass
class QueuedUpdate:
    """An update waiting in the getUpdates queue."""

    update: JSON
    forced: bool = False  # a duplicate delivered once regardless of the confirmed offset

    @property
    def update_id(self) -> int:
        return int(self.update["update_id"])


@dataclass
class Poll:
    """One long-polling getUpdates request waiting for updates."""

    superseded: bool = False
    waker: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class Params:
    """A request's decoded parameters and uploaded files."""

    values: dict[str, Any]
    files: dict[str, UploadedFile]
    request: web.Request

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def require(self, name: str) -> Any:
        value = self.values.get(name)
        if value is None or value == "":
            raise bad_request(f"{name} is empty", "missing_parameter")
        return value

    def integer(self, name: str, default: int | None = None) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified", "bad_request") from None

    def json(self, name: str) -> Any:
        return limits.load_json_field(name, self.values.get(name))


def decode_param(name: str, value: Any) -> Any:
    """Undo PTB's form encoding: non-string values arrive JSON-encoded in a string field."""
    if not isinstance(value, str) or name in _STRING_PARAMS:
        return value
    try:
        decoded = json.loads(value)
    except ValueError:
        return value
    return decoded if isinstance(decoded, dict | list | int | float | bool) else value


def chat_key(value: Any) -> int | str:
    """A ``chat_id`` parameter as the key of the chat store (numeric strings become ints)."""
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    if isinstance(value, int | str):
        return value
    raise bad_request("chat not found", "chat_not_found")


Handler = Callable[[Params], Awaitable[Any]]


class BotApiMethods:
    """getMe, getUpdates, webhooks, commands, messages, callback answers and files."""

    bot_user: JSON
    strict_html: bool
    callback_answer_deadline: float
    enforce_rate_limits: bool
    rate_limiter: RateLimiter
    rolling_window: RollingWindow | None
    delivered_updates: list[JSON]
    _chats: dict[int | str, ChatState]
    _blocked: set[int | str]
    _queue: list[QueuedUpdate]
    _callbacks: dict[str, CallbackQueryState]
    _files: dict[str, StoredFile]
    _file_counter: itertools.count[int]
    _commands: dict[tuple[str, str], list[JSON]]
    _webhook: JSON
    _allowed_updates: frozenset[str]
    _poll: Poll | None
    _closing: bool

    def _method_table(self) -> dict[str, tuple[str, Handler]]:
        """Lower-cased method name (Telegram ignores case) to canonical name and handler."""
        table: dict[str, Handler] = {
            "getMe": self._get_me,
            "logOut": self._true,
            "close": self._true,
            "getUpdates": self._get_updates,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendChatAction": self._send_chat_action,
            "sendDocument": self._send_document,
            "sendPhoto": self._send_photo,
            "getFile": self._get_file,
        }
        return {name.lower(): (name, handler) for name, handler in table.items()}

    def _store_user_file(self, content: bytes, kind: str, filename: str | None) -> StoredFile:
        """Keep ``content`` under a new file id, reachable via getFile and the file URL."""
        number = next(self._file_counter)
        file_id, unique_id = file_ids(f"{kind}:{number}")
        extension = mimetypes.guess_extension(mimetypes.guess_type(filename or "")[0] or "") or ""
        stored = StoredFile(
            file_id,
            unique_id,
            f"{kind}/file_{number}{extension}",
            content,
            filename,
            mimetypes.guess_type(filename)[0] if filename else None,
        )
        self._files[file_id] = stored
        return stored

    # ------------------------------------------------------------------------------------
    # shared checks
    # ------------------------------------------------------------------------------------

    def _chat(self, params: Params) -> ChatState:
        key = chat_key(params.require("chat_id"))
        state = self._chats.get(key)
        if state is None:
            raise bad_request("chat not found", "chat_not_found")
        return state

    def _check_blocked(self, state: ChatState) -> None:
        if state.chat["id"] not in self._blocked:
            return
        chat_type = state.chat["type"]
        if chat_type == "private":
            description = "Forbidden: bot was blocked by the user"
        else:
            description = f"Forbidden: bot was kicked from the {chat_type} chat"
        raise ApiError(403, description, "blocked")

    def _check_rate(self, state: ChatState) -> None:
        retry_after = None
        if self.rolling_window is not None:
            retry_after = self.rolling_window.take(state.chat["id"], now=time.monotonic())
        elif self.enforce_rate_limits:
            retry_after = self.rate_limiter.take(
                state.chat["id"], is_group=state.is_group, now=time.monotonic()
            )
        if retry_after is not None:
            raise ApiError(
                429,
                f"Too Many Requests: retry after {retry_after}",
                "rate_limit",
                {"retry_after": retry_after},
            )

    def _parse(self, params: Params, field_name: str, entities_name: str) -> limits.ParsedText:
        text = params.get(field_name)
        text = "" if text is None else str(text)
        explicit = params.json(entities_name)
        if explicit:
            return limits.ParsedText(text, list(explicit))
        return limits.parse_text(text, params.get("parse_mode"), strict_html=self.strict_html)

    def _markup(self, params: Params) -> JSON | None:
        markup = params.json("reply_markup")
        limits.check_reply_markup(markup)
        return markup if markup else None

    def _reply_target(self, state: ChatState, params: Params) -> JSON | None:
        reply = params.json("reply_parameters") or {}
        message_id = reply.get("message_id", params.integer("reply_to_message_id"))
        if message_id is None:
            return None
        target = state.messages.get(int(message_id))
        if target is None:
            allow = reply.get("allow_sending_without_reply") or params.get(
                "allow_sending_without_reply"
            )
            if allow:
                return None
            raise bad_request("message to be replied not found", "reply_not_found")
        return {k: v for k, v in target.items() if k != "reply_to_message"}

    def _store(self, state: ChatState, message: BotMessage) -> JSON:
        state.bot_messages[message.message_id] = message
        result = message.to_json(self.bot_user)
        state.messages[message.message_id] = result
        return result

    def _editable(self, params: Params) -> tuple[ChatState, BotMessage]:
        if params.get("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID", "edit_not_found")
        state = self._chat(params)
        message_id = params.integer("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified", "edit_not_found")
        message = state.bot_messages.get(message_id)
        if message is None or message.deleted:
            if message_id in state.messages and message is None:
                raise bad_request("message can't be edited", "edit_forbidden")
            raise bad_request("message to edit not found", "edit_not_found")
        return state, message

    # ------------------------------------------------------------------------------------
    # methods
    # ------------------------------------------------------------------------------------

    async def _true(self, params: Params) -> bool:
        return True

    async def _get_me(self, params: Params) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, params: Params) -> list[JSON]:
        if self._webhook.get("url"):
            raise ApiError(409, CONFLICT_WEBHOOK, "conflict")
        offset = params.integer("offset", 0) or 0
        limit = min(max(params.integer("limit", 100) or 100, 1), 100)
        timeout = float(params.get("timeout") or 0)
        if "allowed_updates" in params.values:
            allowed = params.json("allowed_updates")
            self._allowed_updates = frozenset(allowed) if allowed else DEFAULT_ALLOWED_UPDATES

        poll = Poll()
        if self._poll is not None:
            self._poll.superseded = True
            self._poll.waker.set()
        self._poll = poll
        try:
            self._confirm(offset)
            deadline = time.monotonic() + timeout
            while True:
                if poll.superseded:
                    if _client_gone(params.request):
                        return []  # PTB cancelled this poll and started another: no conflict
                    raise ApiError(409, CONFLICT_POLL, "conflict")
                batch = self._select(limit)
                remaining = deadline - time.monotonic()
                if batch or remaining <= 0 or self._closing:
                    break
                poll.waker.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(poll.waker.wait(), remaining)
        finally:
            if self._poll is poll:
                self._poll = None
        if _client_gone(params.request):
            return []  # the client gave up (e.g. PTB cancelled the poll): deliver nothing
        for queued in batch:
            if queued.forced:
                self._queue.remove(queued)
            self.delivered_updates.append(queued.update)
        return [queued.update for queued in batch]

    def _confirm(self, offset: int) -> None:
        """Forget updates below ``offset`` (negative: keep only the last ``-offset``)."""
        if offset > 0:
            self._queue = [q for q in self._queue if q.forced or q.update_id >= offset]
        elif offset < 0:
            self._queue = self._queue[offset:]

    def _select(self, limit: int) -> list[QueuedUpdate]:
        """The next batch, dropping updates of types the bot did not ask for."""
        self._queue = [q for q in self._queue if update_kind(q.update) in self._allowed_updates]
        return self._queue[:limit]

    async def _set_webhook(self, params: Params) -> bool:
        url = params.get("url") or ""
        if url and not str(url).startswith("https://"):
            raise bad_request(
                "bad webhook: An HTTPS URL must be provided for webhook", "bad_webhook"
            )
        if params.get("drop_pending_updates"):
            self._queue.clear()
        self._webhook = {
            key: params.values[key]
            for key in ("url", "max_connections", "allowed_updates")
            if key in params.values
        }
        if "allowed_updates" in self._webhook:
            self._webhook["allowed_updates"] = params.json("allowed_updates")
        return True

    async def _delete_webhook(self, params: Params) -> bool:
        self._webhook = {}
        if params.get("drop_pending_updates"):
            self._queue.clear()
        return True

    async def _get_webhook_info(self, params: Params) -> JSON:
        return {
            "url": self._webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": sum(1 for q in self._queue if not q.forced),
            **{k: v for k, v in self._webhook.items() if k != "url"},
        }

    async def _set_my_commands(self, params: Params) -> bool:
        commands = params.json("commands")
        if not isinstance(commands, list):
            raise bad_request('parameter "commands" is required', "bad_command")
        if len(commands) > limits.MAX_COMMANDS:
            raise bad_request("BOT_COMMANDS_TOO_MUCH", "bad_command")
        for command in commands:
            name = str(command.get("command", ""))
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad_request("BOT_COMMAND_INVALID", "bad_command")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID", "bad_command")
        key = commands_key(params.json("scope"), params.get("language_code") or "")
        self._commands[key] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    async def _get_my_commands(self, params: Params) -> list[JSON]:
        key = commands_key(params.json("scope"), params.get("language_code") or "")
        return list(self._commands.get(key, []))

    async def _delete_my_commands(self, params: Params) -> bool:
        key = commands_key(params.json("scope"), params.get("language_code") or "")
        self._commands.pop(key, None)
        return True

    async def _send_message(self, params: Params) -> JSON:
        state = self._chat(params)
        parsed = self._parse(params, "text", "entities")
        limits.check_text(parsed)
        markup = self._markup(params)
        reply_to = self._reply_target(state, params)
        self._check_blocked(state)
        self._check_rate(state)
        message = BotMessage(
            chat=state.chat,
            message_id=state.allocate_message_id(),
            date=now(),
            kind="text",
            text=str(params.get("text")),
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
            plain_text=parsed.text,
            entities=parsed.entities,
            reply_to=reply_to,
        )
        return self._store(state, message)

    async def _edit_message_text(self, params: Params) -> JSON:
        state, message = self._editable(params)
        if message.kind != "text":
            raise bad_request("there is no text in the message to edit", "edit_no_text")
        parsed = self._parse(params, "text", "entities")
        limits.check_text(parsed)
        markup = self._markup(params)
        if (parsed.text, parsed.entities, _inline(markup)) == (
            message.plain_text,
            message.entities,
            _inline(message.reply_markup),
        ):
            raise bad_request(limits.NOT_MODIFIED.removeprefix("Bad Request: "), "not_modified")
        self._check_blocked(state)
        self._check_rate(state)
        message.history.append((message.text, message.reply_markup))
        message.text = str(params.get("text"))
        message.parse_mode = params.get("parse_mode")
        message.plain_text, message.entities = parsed.text, parsed.entities
        message.reply_markup = markup
        message.edit_date = now()
        return self._store(state, message)

    async def _edit_message_reply_markup(self, params: Params) -> JSON:
        state, message = self._editable(params)
        markup = self._markup(params)
        if _inline(markup) == _inline(message.reply_markup):
            raise bad_request(limits.NOT_MODIFIED.removeprefix("Bad Request: "), "not_modified")
        self._check_blocked(state)
        self._check_rate(state)
        message.history.append((message.text, message.reply_markup))
        message.reply_markup = markup
        message.edit_date = now()
        return self._store(state, message)

    async def _delete_message(self, params: Params) -> bool:
        state = self._chat(params)
        message_id = params.integer("message_id")
        if message_id is None or message_id not in state.messages:
            raise bad_request("message to delete not found", "delete_not_found")
        bot_message = state.bot_messages.get(message_id)
        if bot_message is not None:
            if bot_message.deleted:
                raise bad_request("message to delete not found", "delete_not_found")
            bot_message.deleted = True
        else:
            del state.messages[message_id]
        return True

    async def _answer_callback_query(self, params: Params) -> bool:
        query = self._callbacks.get(str(params.get("callback_query_id") or ""))
        too_old = (
            query is None
            or query.answer is not None
            or time.monotonic() - query.created > self.callback_answer_deadline
        )
        if query is None or too_old:
            raise ApiError(400, limits.QUERY_TOO_OLD, "callback_query")
        query.answer = {k: v for k, v in params.values.items() if k != "callback_query_id"}
        return True

    async def _send_chat_action(self, params: Params) -> bool:
        state = self._chat(params)
        if params.get("action") not in limits.CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request", "bad_action")
        self._check_blocked(state)
        return True

    async def _send_document(self, params: Params) -> JSON:
        return await self._send_file(params, "document", limits.MAX_DOCUMENT_BYTES)

    async def _send_photo(self, params: Params) -> JSON:
        return await self._send_file(params, "photo", limits.MAX_PHOTO_BYTES)

    async def _send_file(self, params: Params, kind: str, max_bytes: int) -> JSON:
        state = self._chat(params)
        upload, stored = self._input_file(params, kind)
        if upload is not None:
            if not upload.content:
                raise bad_request("file must be non-empty", "file_empty")
            if len(upload.content) > max_bytes:
                if kind == "photo":
                    raise bad_request("PHOTO_SAVE_FILE_INVALID", "file_too_big")
                raise ApiError(413, "Request Entity Too Large", "file_too_big")
        parsed = self._parse(params, "caption", "caption_entities")
        limits.check_caption(parsed)
        markup = self._markup(params)
        reply_to = self._reply_target(state, params)
        self._check_blocked(state)
        self._check_rate(state)
        if stored is None:
            assert upload is not None
            stored = self._store_user_file(upload.content, f"{kind}s", upload.filename)
            stored.mime_type = upload.content_type or stored.mime_type
        media: Any
        if kind == "photo":
            media = photo_sizes(stored.file_id, len(stored.content))
            for size in media:
                self._files.setdefault(size["file_id"], stored)
        else:
            media = {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.content),
            }
            if stored.filename:
                media["file_name"] = stored.filename
            if stored.mime_type:
                media["mime_type"] = stored.mime_type
        caption = params.get("caption")
        message = BotMessage(
            chat=state.chat,
            message_id=state.allocate_message_id(),
            date=now(),
            kind=kind,
            caption=None if caption is None else str(caption),
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
            plain_text=parsed.text,
            entities=parsed.entities,
            file=upload or UploadedFile(kind, stored.filename, stored.content, stored.mime_type),
            media=media,
            reply_to=reply_to,
        )
        return self._store(state, message)

    def _input_file(
        self, params: Params, kind: str
    ) -> tuple[UploadedFile | None, StoredFile | None]:
        """The uploaded part, or the already stored file a file_id / URL refers to."""
        value = params.get(kind)
        if kind in params.files:
            return params.files[kind], None
        if isinstance(value, str) and value.startswith("attach://"):
            upload = params.files.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request(f"there is no {kind} in the request", "bad_request")
            return upload, None
        if not value:
            raise bad_request(f"there is no {kind} in the request", "bad_request")
        if str(value) in self._files:
            return None, self._files[str(value)]
        if str(value).startswith(("http://", "https://")):
            stored = self._store_user_file(b"", f"{kind}s", str(value).rsplit("/", 1)[-1])
            return None, stored
        raise bad_request("wrong file identifier/HTTP URL specified", "bad_file_id")

    async def _get_file(self, params: Params) -> JSON:
        stored = self._files.get(str(params.require("file_id")))
        if stored is None:
            raise bad_request("invalid file_id", "bad_file_id")
        if len(stored.content) > MAX_DOWNLOAD:
            raise bad_request("file is too big", "file_too_big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }


def _client_gone(request: web.Request) -> bool:
    transport = request.transport
    return transport is None or transport.is_closing()


def _inline(markup: JSON | None) -> list[list[JSON]]:
    """The part of a reply markup Telegram keeps on a message (only inline keyboards)."""
    if markup and "inline_keyboard" in markup:
        return list(markup["inline_keyboard"])
    return []


def commands_key(scope: JSON | None, language_code: str) -> tuple[str, str]:
    return json.dumps(scope or {"type": "default"}, sort_keys=True), language_code
