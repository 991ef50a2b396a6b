"""A fake Telegram Bot API server for end-to-end tests of the real PTB stack.

Usage::

    async with FakeBotAPI() as api:
        app = (
            ApplicationBuilder()
            .token(api.token)
            .base_url(api.base_url)
            .base_file_url(api.base_file_url)
            .build()
        )
        alice = api.user(1001, "Alice")
        await alice.send_command("/start")
        await api.wait_for_messages(alice.chat_id, 1)

See ``tests/fakebotapi/fixtures.py`` for the ``fake_api`` pytest fixture.
"""

from tests.fakebotapi.handles import ChatSender, GroupHandle, UserHandle
from tests.fakebotapi.limits import ApiError, RateLimits, parse_html, utf16_len
from tests.fakebotapi.recorder import Call, UploadedFile, Violation
from tests.fakebotapi.server import DEFAULT_TOKEN, FakeBotAPI, Fault
from tests.fakebotapi.state import BotMessage

__all__ = [
    "DEFAULT_TOKEN",
    "ApiError",
    "BotMessage",
    "Call",
    "ChatSender",
    "FakeBotAPI",
    "Fault",
    "GroupHandle",
    "RateLimits",
    "UploadedFile",
    "UserHandle",
    "Violation",
    "parse_html",
    "utf16_len",
]
