"""Pacing against a Bot API that enforces 30 messages in any rolling second, 1/s per chat.

Every 429 such a fake answers is a violation (the fixture fails the test on it), so these
tests show the bot's own sends never cause one: 429s come only from Telegram's side.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.storage.models import DeliveryStatus
from bot.telegram.sender import telegram_sender
from scheduler.service import ReminderScheduler
from tests.bot.harness import FakeClock, running_bot, sqlite_url
from tests.fakebotapi.server import FakeBotAPI
from tests.scheduler.helpers import add_runner, deliveries_of

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
        scheduler = ReminderScheduler(
            sessions, telegram_sender(application.bot), services.coach.planner, clock=clock
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
        scheduler = ReminderScheduler(
            sessions, telegram_sender(application.bot), services.coach.planner, clock=clock
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
