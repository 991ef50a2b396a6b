"""The composition root: the one place that wires settings, database, content and Telegram."""

from __future__ import annotations

import gc
import logging
import os
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot, BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, Defaults, TypeHandler

from bot.core.content import load_content
from bot.core.places import load_atlas
from bot.core.planner import Planner
from bot.metrics import Metrics
from bot.presentation.commands import menu_commands
from bot.service.coach import Clock, Coach, utc_clock
from bot.service.outbox import Outbox
from bot.settings import Settings
from bot.storage.engine import check_database, make_engine, make_session_factory
from bot.storage.migrate import upgrade
from bot.telegram.delivery import outbox_sender
from bot.telegram.failures import FailedUpdates
from bot.telegram.handlers import COACH_KEY, on_error, on_update
from bot.telegram.ordering import ChatLocks, ChatOrderedUpdates
from bot.telegram.pacing import PacedRateLimiter
from bot.telegram.sender import reminder_pacing, telegram_sender
from bot.telegram.transport import AiohttpRequest
from scheduler.service import ReminderScheduler, default_instance

__all__ = [
    "Services",
    "build_application",
    "build_services",
    "instance_name",
    "prepare_database",
    "reminder_scheduler",
    "settle_heap",
]

log = logging.getLogger(__name__)
#: Updates of different chats handled at once (one chat's still one at a time, in order):
#: while one reply travels to Telegram, the next runner's update is being worked on.
CONCURRENT_UPDATES = 16
os.environ.setdefault("PTB_TIMEDELTA", "1")  # durations as timedelta (PTB 22's future default)


@dataclass(frozen=True, slots=True)
class Services:
    """What the bot runs on: the database engine and the coach, and what the Telegram
    edge shares between polling and the webhook server (metrics, per-chat order, the
    updates that failed)."""

    engine: AsyncEngine
    coach: Coach
    metrics: Metrics = field(default_factory=Metrics)
    locks: ChatLocks = field(default_factory=ChatLocks)
    failures: FailedUpdates = field(default_factory=FailedUpdates)


def build_services(settings: Settings, clock: Clock = utc_clock) -> Services:
    """Engine, session factory, content and planner, wired into a coach."""
    engine = make_engine(settings.database_url)
    planner = Planner(load_content())
    load_atlas()  # the city index, built before any runner's message needs it
    sessions = make_session_factory(engine)
    outbox = Outbox(sessions, clock, instance=instance_name(settings))
    return Services(engine, Coach(sessions, planner, clock, outbox))


async def prepare_database(settings: Settings, engine: AsyncEngine) -> None:
    """Check the database answers, then apply migrations (raises DatabaseUnavailable)."""
    await check_database(engine)
    await upgrade(settings.database_url)


def instance_name(settings: Settings) -> str:
    """How this process signs its reminder claims: ``INSTANCE_NAME``, else host[:port]."""
    port = settings.webhook_port if settings.webhook_url else None
    return settings.instance_name or default_instance(port)


def settle_heap() -> None:
    """Take what start-up built (libraries, content, the planner's tables) out of the
    garbage collector's sight: it lives as long as the process, and every full collection
    would walk it again (a pause of about 0.1 s, and some 5% of an update's CPU, in
    ``bench/bench_bot.py``). Garbage is collected first, so none of it is kept."""
    gc.collect()
    gc.freeze()


def file_url(base_url: str) -> str:
    """The file download base URL that goes with a Bot API base URL."""
    head, bot = base_url.rstrip("/"), "bot"
    return f"{head[: -len(bot)]}file/bot" if head.endswith(bot) else f"{head}/file/bot"


def reminder_scheduler(settings: Settings, services: Services, bot: Bot) -> ReminderScheduler:
    """The reminder scheduler on ``bot``: its sends paced in the bot's window (each
    reminder's place reserved before the runner is checked), claims signed by this
    instance, old rows pruned as the settings say."""
    return ReminderScheduler(
        services.coach.sessions,
        telegram_sender(bot),
        services.coach.planner,
        clock=services.coach.clock,
        interval=settings.scheduler_interval_seconds,
        grace=timedelta(hours=settings.reminder_grace_hours),
        instance=instance_name(settings),
        retention=timedelta(hours=settings.retention_hours),
        count_takeovers=services.metrics.takeovers.inc,
        reserve=reminder_pacing(bot),
    )


def build_application(settings: Settings, services: Services) -> Application:  # type: ignore[type-arg]
    """The python-telegram-bot Application with one entry handler and the error handler."""

    reminders: list[ReminderScheduler] = []

    async def post_init(application: Application) -> None:  # type: ignore[type-arg]
        commands = [BotCommand(name, text) for name, text in menu_commands()]
        try:
            await application.bot.set_my_commands(commands)
        except TelegramError as error:
            log.warning("could not set the command menu: %s", error)
        services.coach.outbox.start(outbox_sender(application.bot))
        if settings.scheduler_enabled:
            scheduler = reminder_scheduler(settings, services, application.bot)
            scheduler.start()
            reminders.append(scheduler)
        settle_heap()

    async def post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
        await services.coach.outbox.stop()
        for scheduler in reminders:
            await scheduler.shutdown()
        await services.engine.dispose()
        await application.bot.shutdown()  # after a failed start PTB leaves its sessions open

    application = (
        ApplicationBuilder()
        .token(settings.token())
        .base_url(settings.telegram_api_base_url)
        .base_file_url(file_url(settings.telegram_api_base_url))
        .concurrent_updates(ChatOrderedUpdates(CONCURRENT_UPDATES, services.locks))
        .request(AiohttpRequest())
        .get_updates_request(AiohttpRequest(connection_pool_size=1))
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .rate_limiter(PacedRateLimiter())  # replies and reminders share one window
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    application.bot_data[COACH_KEY] = services.coach
    application.add_handler(TypeHandler(Update, on_update))
    application.add_error_handler(on_error)
    application.add_error_handler(services.failures)
    return application
