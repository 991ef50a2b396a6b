"""The aiohttp transport: what it sends, how it fails, and that the token never shows."""

from __future__ import annotations

import asyncio
import json
import traceback
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import Forbidden, NetworkError, TimedOut

from bot.app import build_application, build_services
from bot.telegram.transport import AiohttpRequest
from tests.bot.harness import settings_for, sqlite_url
from tests.fakebotapi.server import FakeBotAPI
from tests.ops.processes import free_port

TOKEN = "123456:SECRET-token_part"
MESSAGE = {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"}}


@asynccontextmanager
async def server(handler: Any) -> AsyncIterator[str]:
    """A local HTTP server answering every path with ``handler``; yields a method's URL."""

    async def get_me(_: web.Request) -> web.Response:
        bot = {"id": 123456, "is_bot": True, "first_name": "Coach", "username": "coach_bot"}
        return web.json_response({"ok": True, "result": bot})

    app = web.Application()
    app.router.add_route("*", f"/bot{TOKEN}/getMe", get_me)
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}/bot{TOKEN}/sendMessage"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def transport(**options: Any) -> AsyncIterator[AiohttpRequest]:
    request = AiohttpRequest(**options)
    await request.initialize()
    try:
        yield request
    finally:
        await request.shutdown()


@asynccontextmanager
async def bot_at(url: str) -> AsyncIterator[Bot]:
    """A PTB Bot on two AiohttpRequests, talking to the server at ``url``."""
    base = url.split(TOKEN, maxsplit=1)[0]
    bot = Bot(TOKEN, base_url=base, request=AiohttpRequest(), get_updates_request=AiohttpRequest())
    async with bot:
        yield bot


async def test_fields_are_sent_as_json_and_the_answer_comes_back_as_is() -> None:
    seen: dict[str, Any] = {}

    async def echo(request: web.Request) -> web.Response:
        seen["type"] = request.content_type
        seen["agent"] = request.headers["User-Agent"]
        seen["body"] = await request.json()
        return web.json_response({"ok": True, "result": MESSAGE | {"text": "Hi"}})

    markup = InlineKeyboardMarkup([[InlineKeyboardButton("✅", callback_data="v1|x")]])
    async with server(echo) as url, bot_at(url) as bot:
        sent = await bot.send_message(5, "<b>Hi</b> & 👟", reply_markup=markup)
    assert (sent.message_id, sent.text) == (1, "Hi")
    assert seen["type"] == "application/json"
    assert "python-telegram-bot" in seen["agent"]
    assert seen["body"]["text"] == "<b>Hi</b> & 👟"
    assert json.loads(seen["body"]["reply_markup"]) == markup.to_dict()  # a JSON string


async def test_files_go_as_multipart_with_their_names_and_types() -> None:
    seen: dict[str, Any] = {}

    async def upload(request: web.Request) -> web.Response:
        seen["type"] = request.content_type
        form = await request.post()
        seen["chat_id"] = form["chat_id"]
        document = form["document"]
        assert isinstance(document, web.FileField)
        seen["file"] = (document.filename, document.content_type, document.file.read())
        return web.json_response({"ok": True, "result": MESSAGE})

    async with server(upload) as url, bot_at(url) as bot:
        await bot.send_document(5, b'{"format": 1}', filename="hipcoach-export.json")
    assert seen["type"] == "multipart/form-data"
    assert seen["chat_id"] == "5"
    assert seen["file"] == ("hipcoach-export.json", "application/json", b'{"format": 1}')


async def test_error_statuses_reach_python_telegram_bot_as_its_errors() -> None:
    async def refuse(_: web.Request) -> web.Response:
        body = {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked"}
        return web.json_response(body, status=403)

    async with server(refuse) as url, bot_at(url) as bot:
        with pytest.raises(Forbidden, match="blocked"):
            await bot.send_message(5, "hi")


async def test_a_slow_answer_times_out_without_showing_the_token() -> None:
    async def slow(_: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.json_response({"ok": True, "result": True})

    async with server(slow) as url, transport(read_timeout=0.2) as request:
        with pytest.raises(TimedOut) as caught:
            await request.do_request(url, "POST")
        with pytest.raises(TimedOut):  # a timeout named by the call wins over the default
            await request.do_request(url, "POST", read_timeout=0.1)
    assert TOKEN not in str(caught.value)


def shown(error: BaseException) -> str:
    """The error as a traceback prints it, causes and contexts included."""
    return "".join(traceback.format_exception(error))


async def test_no_free_connection_in_time_is_a_timeout_with_no_trace_of_the_token() -> None:
    """aiohttp's "Connection timeout to host <URL>" is neither shown nor chained."""

    async def slow(_: web.Request) -> web.Response:
        await asyncio.sleep(1)
        return web.json_response({"ok": True, "result": True})

    options = {"connection_pool_size": 1, "connect_timeout": 0.1, "pool_timeout": 0.1}
    async with server(slow) as url, transport(**options) as request:
        holding = asyncio.create_task(request.do_request(url, "POST"))
        await asyncio.sleep(0.05)  # the one connection is taken
        with pytest.raises(TimedOut) as caught:
            await request.do_request(url, "POST")
        await holding
    assert "Connection timeout to host <Bot API URL>" in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None
    assert TOKEN not in shown(caught.value)


async def test_an_unreachable_api_is_a_network_error_without_the_token() -> None:
    url = f"http://127.0.0.1:{free_port()}/bot{TOKEN}/getMe"
    async with transport() as request:
        with pytest.raises(NetworkError) as caught:
            await request.do_request(url, "POST")
    assert "aiohttp." in str(caught.value)
    assert TOKEN not in shown(caught.value)


async def test_a_bad_url_is_a_network_error_without_the_token() -> None:
    async with transport() as request:
        with pytest.raises(NetworkError) as caught:
            await request.do_request(f"http://[bad/bot{TOKEN}/getMe", "POST")
    assert TOKEN not in shown(caught.value)


async def test_it_must_be_initialized_and_can_be_again_after_a_shutdown() -> None:
    async def fine(_: web.Request) -> web.Response:
        return web.json_response({"ok": True, "result": True})

    request = AiohttpRequest(read_timeout=3.0)
    assert request.read_timeout == 3.0
    assert request.closed
    async with server(fine) as url:
        with pytest.raises(RuntimeError, match="not initialized"):
            await request.do_request(url, "POST")
        for _ in range(2):
            await request.initialize()
            assert (await request.do_request(url, "POST"))[0] == 200
            assert not request.closed
            await request.shutdown()
            assert request.closed
        await request.shutdown()  # twice is harmless
        with pytest.raises(RuntimeError, match="not initialized"):
            await request.do_request(url, "POST")


def test_a_pool_needs_a_connection() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        AiohttpRequest(connection_pool_size=0)


async def test_the_bot_talks_to_the_api_through_it(fake_api: FakeBotAPI, tmp_path: Any) -> None:
    settings = settings_for(fake_api, sqlite_url(tmp_path))
    application = build_application(settings, build_services(settings))
    bot: Bot = application.bot
    polling, replies = bot._request  # which transport each path got
    assert isinstance(polling, AiohttpRequest)
    assert isinstance(replies, AiohttpRequest)
    async with bot:
        assert (await bot.get_me()).id == fake_api.bot_user["id"]
