"""Pacing against a Bot API that enforces 30 messages in any rolling second, 1/s per chat.

Every 429 such a fake answers is a violation (the fixture fails the test on it), so these
tests show the bot's own sends never cause one: 429s come only from Telegram's side.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import reminder_scheduler
from bot.storage.deliveries import LEASE_NOTE
from bot.storage.models import DeliveryStatus
from bot.storage.privacy import delete_runner
from bot.telegram.pacing import PacedRateLimiter
from tests.bot.harness import FakeClock, running_bot, settings_for, sqlite_url
from tests.fakebotapi.server import FakeBotAPI
from tests.scheduler.helpers import add_runner, deliveries_of, rows_of_runner

RUNNERS = 200
RUNNER = 777
FIRST = 910_000
BEFORE_SEVEN = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)  # 06:00 in Berlin
AFTER_SEVEN = datetime(2026, 12, 1, 6, 0, 5, tzinfo=UTC)


async def test_a_200_runner_fan_out_meets_no_429(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    fake_api.enforce_rolling_limits(overall=30, per_chat=1)
    clock = FakeClock(BEFORE_SEVEN)
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as (application, services):
        sessions = services.coach.sessions
        async with sessions() as session, session.begin():
            for telegram_id in range(FIRST, FIRST + RUNNERS):
                fake_api.user(telegram_id, first_name="Ana")
                await add_runner(session, telegram_id, now=BEFORE_SEVEN)
        scheduler = reminder_scheduler(
            settings_for(fake_api, sqlite_url(tmp_path)), services, application.bot
        )
        clock.now = AFTER_SEVEN
        tick = await scheduler.run_once()
        statuses = {row.status for row in await deliveries_of(sessions)}
    calls = fake_api.calls("sendMessage")
    assert [call.status for call in calls if call.status != 200] == []
    assert (tick.claimed, tick.sent.sent) == (RUNNERS, RUNNERS)
    assert statuses == {DeliveryStatus.SENT}
    assert len({call.params["chat_id"] for call in calls}) == RUNNERS


async def test_replies_share_the_budget_and_go_before_the_fan_out(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    fake_api.enforce_rolling_limits(overall=30, per_chat=1)
    clock = FakeClock(BEFORE_SEVEN)
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as (application, services):
        sessions = services.coach.sessions
        async with sessions() as session, session.begin():
            for telegram_id in range(FIRST, FIRST + RUNNERS // 2):
                fake_api.user(telegram_id, first_name="Ana")
                await add_runner(session, telegram_id, now=BEFORE_SEVEN)
        scheduler = reminder_scheduler(
            settings_for(fake_api, sqlite_url(tmp_path)), services, application.bot
        )
        clock.now = AFTER_SEVEN
        fan_out = asyncio.create_task(scheduler.run_once())
        await fake_api.wait_for(lambda call: call.method == "sendMessage")
        await fake_api.user(RUNNER, first_name="Bea").send_text("hi")
        await fake_api.wait_for_messages(RUNNER, 1, timeout=10)
        tick = await fan_out
    calls = fake_api.calls("sendMessage")
    assert [call.status for call in calls if call.status != 200] == []
    assert tick.sent.sent == RUNNERS // 2
    reply = next(i for i, call in enumerate(calls) if call.params["chat_id"] == RUNNER)
    assert reply < len(calls) - 1  # it did not wait for the broadcast to end


async def _until_leased(sessions: async_sessionmaker[AsyncSession], claims: int) -> None:
    """Wait until the pass leased its ``claims`` (and went on to pace their sends)."""
    async with asyncio.timeout(10):
        while True:
            rows = await deliveries_of(sessions)
            if len(rows) == claims and all(row.last_error == LEASE_NOTE for row in rows):
                return
            await asyncio.sleep(0.01)


async def test_a_reminder_waiting_for_its_place_is_not_sent_once_the_runner_erased(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    """The window holds every send back for a second; the runner erases their data in that
    second; their reminder, which was still waiting for its place, never goes out."""
    clock = FakeClock(BEFORE_SEVEN)
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as (application, services):
        sessions = services.coach.sessions
        async with sessions() as session, session.begin():
            for telegram_id in (FIRST, FIRST + 1):
                fake_api.user(telegram_id, first_name="Ana")
            leaving_id = (await add_runner(session, FIRST, now=BEFORE_SEVEN)).id
            await add_runner(session, FIRST + 1, now=BEFORE_SEVEN)
        bot = application.bot
        scheduler = reminder_scheduler(settings_for(fake_api, sqlite_url(tmp_path)), services, bot)
        assert isinstance(bot.rate_limiter, PacedRateLimiter)
        bot.rate_limiter.window.pause(1.0)  # no place in the window for a second
        clock.now = AFTER_SEVEN
        fan_out = asyncio.create_task(scheduler.run_once())
        await _until_leased(sessions, 2)
        async with sessions() as session, session.begin():
            assert await delete_runner(session, leaving_id)
        assert fake_api.calls("sendMessage") == []  # the erasure came while they waited
        tick = await fan_out
        left = await rows_of_runner(sessions, leaving_id)
    assert [call.params["chat_id"] for call in fake_api.calls("sendMessage")] == [FIRST + 1]
    assert (tick.claimed, tick.sent.sent, tick.sent.skipped) == (2, 1, 1)
    assert left == 0
