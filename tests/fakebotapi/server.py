"""A fake Telegram Bot API over real HTTP (aiohttp), for running the real PTB stack in tests.

PTB POSTs ``{base_url}{token}/{method}`` as ``application/x-www-form-urlencoded`` (objects
JSON-encoded into single fields) or ``multipart/form-data`` when uploading; JSON bodies and
query strings are accepted too. Responses follow https://core.telegram.org/bots/api#making-requests
so PTB raises its real exceptions.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Self

import telegram
from aiohttp import BodyPartReader, web

from tests.fakebotapi.handles import GroupHandle, MessageRef, UserHandle
from tests.fakebotapi.limits import ApiError, RateLimiter
from tests.fakebotapi.methods import (
    CONFLICT_POLL,
    BotApiMethods,
    Params,
    Poll,
    QueuedUpdate,
    chat_key,
    commands_key,
    decode_param,
)
from tests.fakebotapi.recorder import Call, CallPredicate, Recorder, UploadedFile, Violation
from tests.fakebotapi.state import BotMessage, CallbackQueryState, ChatState, StoredFile
from tests.fakebotapi.updates import (
    DEFAULT_ALLOWED_UPDATES,
    JSON,
    now,
    update_json,
    update_kind,
    user_json,
)

DEFAULT_TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
_TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]{30,}$")

# Errors that are the scenario, not a bot bug: never filed under ``violations``.
_NOT_VIOLATIONS = frozenset({"blocked", "conflict", "injected"})
_BAD_GATEWAY_HTML = (
    "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: CONFLICT_POLL,
    500: "Internal Server Error",
}


@dataclass
class Fault:
    """An injected failure for the next call(s) of a method (see :meth:`FakeBotAPI.fail_next`)."""

    status: int
    retry_after: int | None = None
    description: str | None = None
    delay: float = 0.0
    migrate_to_chat_id: int | None = None

    def response(self) -> web.Response:
        """The HTTP response Telegram (or the proxy in front of it) would send."""
        if self.status in (502, 503, 504) and self.description is None:
            reason = {502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Time-out"}
            body = _BAD_GATEWAY_HTML.format(status=self.status, reason=reason[self.status])
            return web.Response(status=self.status, text=body, content_type="text/html")
        return web.json_response(self.body(), status=self.status)

    def body(self) -> JSON | None:
        """The JSON body, or ``None`` for a bare proxy error page."""
        if self.status in (502, 503, 504) and self.description is None:
            return None
        parameters: JSON = {}
        if self.status == 429:
            retry_after = self.retry_after or 1
            description = self.description or f"Too Many Requests: retry after {retry_after}"
            parameters["retry_after"] = retry_after
        elif self.migrate_to_chat_id is not None:
            description = (
                self.description or "Bad Request: group chat was upgraded to a supergroup chat"
            )
            parameters["migrate_to_chat_id"] = self.migrate_to_chat_id
        else:
            description = self.description or _DEFAULT_DESCRIPTIONS.get(self.status, "Error")
        return ApiError(self.status, description, "injected", parameters or None).body()


class FakeBotAPI(BotApiMethods):
    """An in-process fake of the Telegram Bot API server.

    ``async with FakeBotAPI() as api:`` serves on an ephemeral 127.0.0.1 port; point PTB at
    :attr:`base_url` / :attr:`base_file_url` with :attr:`token`.
    """

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        bot_username: str = "hipcoach_test_bot",
        bot_first_name: str = "HipCoach",
        strict_html: bool = True,
    ) -> None:
        self.token = token
        self.bot_user: JSON = user_json(
            int(token.split(":", 1)[0]), bot_first_name, username=bot_username, is_bot=True
        )
        self.strict_html = strict_html
        self.callback_answer_deadline = 15.0
        self.enforce_rate_limits = False
        self.rate_limiter = RateLimiter()
        self.recorder = Recorder()
        self.delivered_updates: list[JSON] = []
        self._chats: dict[int | str, ChatState] = {}
        self._blocked: set[int | str] = set()
        self._queue: list[QueuedUpdate] = []
        self._update_ids = itertools.count(700_000_001)
        self._query_ids = itertools.count(4_400_000_000_000_000_001)
        self._file_counter = itertools.count(1)
        self._callbacks: dict[str, CallbackQueryState] = {}
        self._files: dict[str, StoredFile] = {}
        self._faults: dict[str, deque[Fault]] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._webhook: JSON = {}
        self._allowed_updates = DEFAULT_ALLOWED_UPDATES
        self._poll: Poll | None = None
        self._closing = False
        self._expected: list[str] = []
        self._expect_all = False
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._methods = self._method_table()

    # ------------------------------------------------------------------------------------
    # lifecycle
    # ------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Serve on 127.0.0.1 at an ephemeral port."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Release long polls and shut the server down."""
        self._closing = True
        self._wake_poller()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        """The TCP port the fake listens on."""
        if self._port is None:
            raise RuntimeError("FakeBotAPI is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)`` / ``Bot(base_url=...)``."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)`` / ``Bot(base_file_url=...)``."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    # ------------------------------------------------------------------------------------
    # test-facing: chats and update injection
    # ------------------------------------------------------------------------------------

    def user(
        self,
        user_id: int,
        first_name: str = "Test",
        *,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "en",
    ) -> UserHandle:
        """A user with a private chat the bot may write to (chat id = user id)."""
        user = user_json(
            user_id,
            first_name,
            username=username,
            last_name=last_name,
            language_code=language_code,
        )
        handle = UserHandle(self, user)
        self._register_chat(handle.chat)
        return handle

    def group(
        self, chat_id: int, title: str = "Test group", *, supergroup: bool | None = None
    ) -> GroupHandle:
        """A group (or supergroup, for -100... ids) the bot is a member of."""
        handle = GroupHandle(self, chat_id, title, supergroup=supergroup)
        self._register_chat(handle.chat)
        return handle

    async def push_update(self, raw: JSON) -> JSON:
        """Queue any update (``update_id`` is assigned if missing); chats in it become known."""
        update = dict(raw)
        if "update_id" not in update:
            update = {"update_id": next(self._update_ids), **update}
        self._learn(update)
        self._queue.append(QueuedUpdate(update))
        self._wake_poller()
        return update

    async def push_duplicate(self, update_id: int) -> JSON:
        """Deliver an already queued or delivered update once more, as Telegram occasionally
        does (e.g. after a restart before the offset was confirmed)."""
        known = [q.update for q in self._queue] + self.delivered_updates
        for update in known:
            if update["update_id"] == update_id:
                self._queue.append(QueuedUpdate(update, forced=True))
                self._wake_poller()
                return update
        raise KeyError(f"no update {update_id} was ever queued")

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates queued and not yet confirmed by a getUpdates offset."""
        return [q.update for q in self._queue]

    # ------------------------------------------------------------------------------------
    # test-facing: faults
    # ------------------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = 429,
        *,
        retry_after: int | None = None,
        description: str | None = None,
        migrate_to_chat_id: int | None = None,
        delay: float = 0.0,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (``"*"`` = any) fail with ``status``.

        429 carries ``parameters.retry_after`` (default 1); 502/503/504 without a description
        are a bare nginx HTML page; ``migrate_to_chat_id`` gives Telegram's group-upgrade error;
        ``delay`` holds the response back (for client timeouts); status 200 only delays.
        """
        fault = Fault(status, retry_after, description, delay, migrate_to_chat_id)
        self._faults.setdefault(method.lower(), deque()).extend([fault] * times)

    def delay_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` normally, but only after ``seconds``."""
        self.fail_next(method, 200, delay=seconds, times=times)

    def block(self, chat_id: int, *, notify: bool = False) -> None:
        """From now on every send to ``chat_id`` is 403 Forbidden (user blocked / bot kicked).

        With ``notify`` a ``my_chat_member`` update (status ``kicked``/``left``) is queued too.
        """
        self._blocked.add(chat_id)
        state = self._chats.get(chat_id)
        if notify and state is not None:
            private = state.chat["type"] == "private"
            actor = (
                user_json(chat_id, state.chat.get("first_name", "User"))
                if private
                else user_json(1, "Group Admin")
            )
            update = {
                "update_id": next(self._update_ids),
                "my_chat_member": {
                    "chat": state.chat,
                    "from": actor,
                    "date": now(),
                    "old_chat_member": {"user": self.bot_user, "status": "member"},
                    "new_chat_member": {
                        "user": self.bot_user,
                        "status": "kicked" if private else "left",
                        **({"until_date": 0} if private else {}),
                    },
                },
            }
            self._queue.append(QueuedUpdate(update))
            self._wake_poller()

    def unblock(self, chat_id: int) -> None:
        """Undo :meth:`block`."""
        self._blocked.discard(chat_id)

    # ------------------------------------------------------------------------------------
    # test-facing: what happened
    # ------------------------------------------------------------------------------------

    @property
    def violations(self) -> list[Violation]:
        """Every call that broke a Telegram limit or rule, in order."""
        return list(self.recorder.violations)

    def expect_violations(self, *patterns: str) -> None:
        """Mark violations as intended: all of them, or those whose kind equals / description
        contains one of ``patterns``. The ``fake_api`` fixture ignores these at teardown."""
        if patterns:
            self._expected.extend(patterns)
        else:
            self._expect_all = True

    def unexpected_violations(self) -> list[Violation]:
        """Violations not covered by :meth:`expect_violations`."""
        if self._expect_all:
            return []
        return [
            v for v in self.recorder.violations if not any(v.matches(p) for p in self._expected)
        ]

    def calls(self, method: str | None = None, chat_id: int | str | None = None) -> list[Call]:
        """Recorded calls, optionally only of ``method`` and/or to ``chat_id``."""
        return [call for call in self.recorder.calls if _call_matches(call, method, chat_id)]

    def sent_messages(self, chat_id: int, *, include_deleted: bool = False) -> list[BotMessage]:
        """The bot's messages in ``chat_id`` in their current (edited) state, oldest first."""
        state = self._chats.get(chat_id)
        if state is None:
            return []
        return [
            message
            for _, message in sorted(state.bot_messages.items())
            if include_deleted or not message.deleted
        ]

    def message(self, chat_id: int, message_id: int) -> BotMessage:
        """One of the bot's messages."""
        return self._chats[chat_id].bot_messages[message_id]

    def callback_answer(self, query_id: str) -> JSON | None:
        """The parameters the bot answered callback query ``query_id`` with (or ``None``)."""
        query = self._callbacks.get(query_id)
        return query.answer if query else None

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """The commands set for ``scope`` / ``language_code``."""
        return list(self._commands.get(commands_key(scope, language_code), []))

    def file_content(self, file_id: str) -> bytes:
        """The bytes behind a file id (uploaded by the bot or injected by a test)."""
        return self._files[file_id].content

    async def wait_for(
        self,
        predicate: CallPredicate | None = None,
        *,
        method: str | None = None,
        chat_id: int | str | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - the natural API for tests
    ) -> Call:
        """The first call (already recorded or arriving later) matching all given filters."""

        def check() -> Call | None:
            for call in self.recorder.calls:
                if _call_matches(call, method, chat_id) and (predicate is None or predicate(call)):
                    return call
            return None

        what = f"a call (method={method}, chat_id={chat_id}, predicate={predicate})"
        result: Call = await self.recorder.wait_until(check, timeout, what)
        return result

    async def wait_for_arrival(
        self,
        method: str,
        chat_id: int | str | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - the natural API for tests
    ) -> Call:
        """The first request of ``method`` that has arrived, answered or still held back."""

        def check() -> Call | None:
            return next(
                (c for c in self.recorder.arrivals if _call_matches(c, method, chat_id)), None
            )

        result: Call = await self.recorder.wait_until(check, timeout, f"{method} to arrive")
        return result

    async def wait_for_messages(
        self,
        chat_id: int,
        count: int,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - the natural API for tests
    ) -> list[BotMessage]:
        """Wait until the bot has at least ``count`` live messages in ``chat_id``; return them."""

        def check() -> list[BotMessage] | None:
            messages = self.sent_messages(chat_id)
            return messages if len(messages) >= count else None

        result: list[BotMessage] = await self.recorder.wait_until(
            check, timeout, f"{count} message(s) in chat {chat_id}"
        )
        return result

    # ------------------------------------------------------------------------------------
    # injection internals (used by handles)
    # ------------------------------------------------------------------------------------

    def _register_chat(self, chat: JSON) -> ChatState:
        state = self._chats.get(chat["id"])
        if state is None:
            state = self._chats[chat["id"]] = ChatState(chat=chat)
        return state

    def _learn(self, update: JSON) -> None:
        """Register chats and messages found in a raw update."""
        payload = update.get(update_kind(update))
        if not isinstance(payload, dict):
            return
        message = payload.get("message") if "chat" not in payload else payload
        if isinstance(message, dict) and isinstance(message.get("chat"), dict):
            state = self._register_chat(message["chat"])
            if "message_id" in message:
                message_id = int(message["message_id"])
                state.messages.setdefault(message_id, message)
                state.next_message_id = max(state.next_message_id, message_id + 1)

    def _enqueue(self, kind: str, payload: JSON) -> JSON:
        update = update_json(next(self._update_ids), kind, payload)
        self._queue.append(QueuedUpdate(update))
        self._wake_poller()
        return update

    def _inject_message(self, chat: JSON, sender: JSON, fields: JSON) -> JSON:
        state = self._register_chat(chat)
        message = {
            "message_id": state.allocate_message_id(),
            "from": sender,
            "chat": state.chat,
            "date": now(),
            **fields,
        }
        state.messages[message["message_id"]] = message
        return self._enqueue("message", message)

    def _inject_edit(self, chat: JSON, sender: JSON, message_id: int, text: str) -> JSON:
        state = self._register_chat(chat)
        original = state.messages.get(message_id)
        if original is None or original.get("from", {}).get("id") != sender["id"]:
            raise ValueError(f"{sender['first_name']} sent no message {message_id} in {chat['id']}")
        edited = {**original, "text": text, "edit_date": now()}
        edited.pop("entities", None)
        state.messages[message_id] = edited
        return self._enqueue("edited_message", edited)

    def _inject_callback(
        self, chat: JSON, sender: JSON, message: MessageRef, data: str, strict: bool
    ) -> JSON:
        state = self._register_chat(chat)
        if isinstance(message, dict):
            message_id = int(message["message_id"])
        elif isinstance(message, int):
            message_id = message
        else:  # BotMessage or PTB's telegram.Message
            message_id = int(message.message_id)
        bot_message = state.bot_messages.get(message_id)
        if bot_message is None:
            raise ValueError(f"the bot sent no message {message_id} in chat {chat['id']}")
        if strict and data not in bot_message.callback_data:
            raise ValueError(
                f"message {message_id} has no button with callback_data {data!r}; "
                f"it has {bot_message.callback_data} (pass strict=False to press anyway)"
            )
        query_id = str(next(self._query_ids))
        self._callbacks[query_id] = CallbackQueryState(
            query_id, time.monotonic(), int(chat["id"]), message_id, data
        )
        return self._enqueue(
            "callback_query",
            {
                "id": query_id,
                "from": sender,
                "message": bot_message.to_json(self.bot_user),
                "chat_instance": str(abs(hash((chat["id"], self.bot_user["id"])))),
                "data": data,
            },
        )

    def _wake_poller(self) -> None:
        if self._poll is not None:
            self._poll.waker.set()

    # ------------------------------------------------------------------------------------
    # HTTP
    # ------------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        token, name = request.match_info["token"], request.match_info["method"]
        if token != self.token:
            status = 401 if _TOKEN_SHAPE.match(token) else 404
            description = "Unauthorized" if status == 401 else "Not Found"
            return web.json_response(
                {"ok": False, "error_code": status, "description": description}, status=status
            )
        arrived = time.monotonic()
        params = await self._read_params(request)
        canonical, handler = self._methods.get(name.lower(), (name, None))
        call = Call(canonical, params.values, arrived, files=params.files)
        await self.recorder.arrived(call)

        fault = self._take_fault(name)
        if fault is not None:
            await asyncio.sleep(fault.delay)
            if fault.status != 200:
                call.status, call.response = fault.status, fault.body()
                await self.recorder.add(call)
                return fault.response()

        try:
            if handler is None:
                raise ApiError(404, "Not Found", "unknown_method")
            result = await handler(params)
        except ApiError as error:
            call.status, call.response = error.status, error.body()
            if error.kind not in _NOT_VIOLATIONS:
                description = error.description
                if error.kind == "unknown_method":
                    description = (
                        f"Not Found: {name} is a Bot API method FakeBotAPI does not implement"
                        if hasattr(telegram.Bot, name)  # PTB has camelCase aliases for all
                        else f"Not Found: {name} is not a Bot API method"
                    )
                self.recorder.violations.append(
                    Violation(error.kind, canonical, description, params.values)
                )
        except Exception as error:  # a bug in the fake must fail the test, not look like a 5xx
            call.status = 500
            call.response = {"ok": False, "error_code": 500, "description": repr(error)}
            self.recorder.violations.append(
                Violation("fake_error", canonical, f"FakeBotAPI crashed: {error!r}", params.values)
            )
            await self.recorder.add(call)
            raise
        else:
            call.response = {"ok": True, "result": result}
        await self.recorder.add(call)
        return web.json_response(call.response, status=call.status)

    async def _read_params(self, request: web.Request) -> Params:
        raw: dict[str, Any] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        if request.content_type == "multipart/form-data":
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader) or part.name is None:
                    continue
                if part.filename is not None:
                    files[part.name] = UploadedFile(
                        part.name,
                        part.filename,
                        bytes(await part.read(decode=False)),
                        part.headers.get("Content-Type"),
                    )
                else:
                    raw[part.name] = await part.text()
        elif request.content_type == "application/json" and request.can_read_body:
            body = await request.json()
            if isinstance(body, dict):
                raw.update(body)
        elif request.can_read_body:
            raw.update(await request.post())
        values = {key: decode_param(key, value) for key, value in raw.items()}
        return Params(values, files, request)

    def _take_fault(self, name: str) -> Fault | None:
        for key in (name.lower(), "*"):
            queue = self._faults.get(key)
            if queue:
                return queue.popleft()
        return None

    async def _download(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.Response(status=404, text="Not Found")
        path = request.match_info["path"]
        for stored in self._files.values():
            if stored.file_path == path:
                return web.Response(body=stored.content, content_type="application/octet-stream")
        return web.Response(status=404, text="Not Found")


def _call_matches(call: Call, method: str | None, chat_id: int | str | None) -> bool:
    if method is not None and call.method.lower() != method.lower():
        return False
    if chat_id is not None:
        try:
            return chat_key(call.params.get("chat_id")) == chat_id
        except ApiError:
            return False
    return True
