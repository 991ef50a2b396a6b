"""Webhook mode: one aiohttp server on the bot's event loop for Telegram, /healthz, /metrics.

An update is acknowledged (HTTP 200) only after ``process_update`` returned, so after the
coach committed and replied; a failure answers 500 and Telegram delivers it again (the
handled-update claim makes that safe). Updates of one chat are handled one at a time, in
the order they arrived. Stopping closes the port, waits for the updates in flight, then
stops the bot. The webhook is left registered: other instances may still serve it.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeAlias, TypeVar

from aiohttp import web
from telegram import Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

from bot.app import Services
from bot.metrics import CONTENT_TYPE_LATEST
from bot.settings import Settings, SettingsError
from bot.storage.engine import DatabaseUnavailable, check_database
from bot.telegram.ordering import chat_of

__all__ = [
    "ALLOWED_UPDATES",
    "SECRET_HEADER",
    "Retry",
    "WebhookServer",
    "WebhookUnavailable",
    "serve_webhook",
    "start_webhook",
]

log = logging.getLogger(__name__)
App: TypeAlias = "Application[Any, Any, Any, Any, Any, Any]"
T = TypeVar("T")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
#: How long a stop waits for the updates in flight before cancelling them.
DRAIN_TIMEOUT_SECONDS = 25.0


class WebhookUnavailable(Exception):
    """The webhook cannot be served (Bot API unreachable or refusing, port taken): one line."""


@dataclass(frozen=True, slots=True)
class Retry:
    """Attempts at the Bot API during start-up, the delay doubling after each failure."""

    attempts: int = 5
    first_delay: float = 1.0


def _web_app(
    settings: Settings, services: Services, application: App, secret: str
) -> web.Application:
    """The routes: POST <webhook path>, GET /healthz, GET /metrics."""
    metrics, locks, failures = services.metrics, services.locks, services.failures
    expected = secret.encode()

    async def webhook(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            metrics.rejected.inc()
            log.warning("webhook request refused: wrong or missing secret token")
            return web.Response(status=403)
        try:
            update = Update.de_json(await request.json(), application.bot)
        except Exception:  # not an update: Telegram never sends that
            update = None
        if not isinstance(update, Update):
            return web.Response(status=400)
        started = time.perf_counter()
        async with locks.hold(chat_of(update)):
            ok = await failures.run(update, application.process_update)
        metrics.record_update(ok=ok, seconds=time.perf_counter() - started)
        return web.Response(status=200 if ok else 500)

    async def healthz(_: web.Request) -> web.Response:
        try:
            await check_database(services.engine)
        except DatabaseUnavailable as error:
            log.warning("health check: %s", error)
            return web.json_response({"status": "error", "database": "unavailable"}, status=503)
        return web.json_response({"status": "ok", "database": "ok"})

    async def metrics_text(_: web.Request) -> web.Response:
        body = await metrics.render(services.engine)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_post(settings.webhook_path, webhook)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_text)
    return app


async def _with_retry(call: Callable[[], Awaitable[T]], what: str, retry: Retry) -> T:
    """``call()``, retried with backoff while the Bot API is unreachable or busy."""
    delay, reason = retry.first_delay, "no attempt"
    for attempt in range(1, retry.attempts + 1):
        try:
            return await call()
        except RetryAfter as error:
            wait = error.retry_after
            pause = wait if isinstance(wait, int | float) else wait.total_seconds()
            reason = f"asked to wait {pause:g} s"
        except BadRequest as error:
            raise WebhookUnavailable(f"Telegram refused to {what}: {error.message}") from None
        except NetworkError as error:
            pause, reason = delay, error.message
        except TelegramError as error:  # InvalidToken, Forbidden: retrying will not help
            raise WebhookUnavailable(f"Telegram refused to {what}: {error.message}") from None
        if attempt == retry.attempts:
            break
        log.warning("cannot %s (%s); trying again in %g s", what, reason, pause)
        await asyncio.sleep(pause)
        delay *= 2
    raise WebhookUnavailable(
        f"cannot reach the Telegram Bot API to {what} after {retry.attempts} attempts: {reason}"
    )


@dataclass
class WebhookServer:
    """A started webhook server; ``stop`` drains the updates in flight, then stops the bot."""

    application: App
    runner: web.AppRunner
    port: int

    async def stop(self) -> None:
        """Stop listening, wait for the requests in flight, stop the bot, run post_shutdown."""
        await self.runner.cleanup()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        if self.application.post_shutdown:
            await self.application.post_shutdown(self.application)


async def start_webhook(
    settings: Settings,
    services: Services,
    application: App,
    *,
    retry: Retry = Retry(),
    drain_timeout: float = DRAIN_TIMEOUT_SECONDS,
) -> WebhookServer:
    """Start the bot, listen, register the webhook; raises WebhookUnavailable, SettingsError."""
    if settings.webhook_url is None:
        raise SettingsError("WEBHOOK_URL is not set")
    url, secret = settings.webhook_url, settings.webhook_secret_token()
    await _with_retry(application.initialize, "connect (getMe)", retry)
    if application.post_init:
        await application.post_init(application)
    await application.start()
    runner = web.AppRunner(
        _web_app(settings, services, application, secret),
        access_log=None,
        shutdown_timeout=drain_timeout,
    )
    await runner.setup()
    server = WebhookServer(application, runner, 0)
    try:
        site = web.TCPSite(runner, settings.webhook_listen, settings.webhook_port)
        try:
            await site.start()
        except OSError as error:
            where = f"{settings.webhook_listen}:{settings.webhook_port}"
            raise WebhookUnavailable(f"cannot listen on {where}: {error.strerror}") from None
        server.port = int(runner.addresses[0][1])

        async def register() -> bool:
            done: bool = await application.bot.set_webhook(
                url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
            )
            return done

        await _with_retry(register, "set the webhook", retry)
    except BaseException:
        await server.stop()
        raise
    log.info("serving the webhook on port %s for %s", server.port, url)
    return server


async def serve_webhook(settings: Settings, services: Services, application: App) -> None:
    """Webhook mode until SIGTERM or SIGINT, then drain and stop."""
    server = await start_webhook(settings, services, application)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopping.set)
    try:
        await stopping.wait()
        log.info("stopping: finishing the updates in flight")
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        await server.stop()
