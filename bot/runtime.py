"""What the ``hipcoach run``, ``chat`` and ``db upgrade`` commands do, with one-line errors."""

from __future__ import annotations

import asyncio
import getpass
import logging
import sys
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.error import InvalidToken, TelegramError

from bot.app import Services, build_application, build_services, prepare_database
from bot.logs import RedactToken, configure_logging
from bot.service.messages import Sender, clean_name
from bot.settings import Settings, SettingsError, load_settings
from bot.storage.engine import DatabaseUnavailable, check_database, make_engine
from bot.storage.migrate import upgrade
from bot.terminal import TerminalChat, read_stdin
from bot.webhook import ALLOWED_UPDATES, WebhookUnavailable, serve_webhook

__all__ = ["run_bot", "run_chat", "upgrade_database"]

#: A webhook secret shorter than this is not redacted (it would blank out ordinary words).
_REDACT_MIN = 8
#: Polling start-up tries the Bot API again this many times, PTB waiting 1, 1.5, 2.25... s.
POLLING_START_RETRIES = 5


def _fail(message: str) -> int:
    print(f"hipcoach: {message}", file=sys.stderr)
    return 1


def _settings() -> Settings:
    settings = load_settings()
    configure_logging(
        settings.log_level,
        as_json=settings.log_json,
        secret=_secret(settings),
        telegram_requests=settings.log_telegram_requests,
    )
    webhook_secret = settings.webhook_secret
    if webhook_secret and len(webhook_secret.get_secret_value()) >= _REDACT_MIN:
        for handler in logging.getLogger().handlers:
            handler.addFilter(RedactToken(webhook_secret.get_secret_value()))
    return settings


def _secret(settings: Settings) -> str | None:
    token = settings.telegram_bot_token
    return token.get_secret_value() if token else None


def run_bot() -> int:
    """Migrate, then poll Telegram (or serve the webhook, when WEBHOOK_URL is set) until stopped."""
    try:
        settings = _settings()
        settings.token()
        if settings.webhook_url:
            settings.webhook_secret_token()
        services = build_services(settings)
        if settings.webhook_url:
            asyncio.run(_webhook(settings, services))
            return 0
        asyncio.run(prepare_database(settings, services.engine))
        application = build_application(settings, services)
    except (SettingsError, DatabaseUnavailable, WebhookUnavailable) as error:
        return _fail(str(error))
    try:
        application.run_polling(
            allowed_updates=ALLOWED_UPDATES, bootstrap_retries=POLLING_START_RETRIES
        )
    except InvalidToken:  # its message holds the token
        return _fail("Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather")
    except TelegramError as error:  # still unreachable (or refusing) after the retries
        return _fail(f"cannot start polling the Telegram Bot API: {error.message}")
    return 0


async def _webhook(settings: Settings, services: Services) -> None:
    """Webhook mode on one event loop: migrate, serve until SIGTERM, release the engine."""
    try:
        await prepare_database(settings, services.engine)
        await serve_webhook(settings, services, build_application(settings, services))
    finally:
        await services.engine.dispose()


def run_chat(user_id: int = 1, name: str | None = None, files: Path | None = None) -> int:
    """The terminal chat as a local runner; charts and exports go to ``files`` (default: here)."""
    try:
        settings = _settings()
    except SettingsError as error:
        return _fail(str(error))
    name = name or getpass.getuser().capitalize()
    return asyncio.run(_chat(settings, user_id, name, files or Path.cwd()))


async def _chat(settings: Settings, user_id: int, name: str, files: Path) -> int:
    services = build_services(settings)
    try:
        await prepare_database(settings, services.engine)
        sender = Sender(telegram_id=user_id, chat_id=user_id, first_name=clean_name(name))
        await TerminalChat(services.coach, sender, read_stdin, print, files).run()
    except DatabaseUnavailable as error:
        return _fail(str(error))
    finally:
        await services.engine.dispose()
    return 0


def upgrade_database() -> int:
    """Apply migrations to DATABASE_URL."""
    try:
        settings = _settings()
        engine = make_engine(settings.database_url)
        asyncio.run(_upgrade(settings.database_url, engine))
    except (SettingsError, DatabaseUnavailable) as error:
        return _fail(str(error))
    print("database is up to date")
    return 0


async def _upgrade(url: str, engine: AsyncEngine) -> None:
    try:
        await check_database(engine)
        await upgrade(url)
    finally:
        await engine.dispose()
