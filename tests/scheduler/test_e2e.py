"""End to end: the real Application on the fake Bot API gets one 07:00 reminder a day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.app import reminder_scheduler
from bot.storage.models import DeliveryRow, DeliveryStatus, Runner
from bot.storage.schedule import reschedule
from tests.bot.harness import FakeClock, running_bot, settings_for, sqlite_url
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 6060


async def test_a_runner_gets_one_reminder_with_buttons_when_the_clock_passes_0700(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 12, 1, 5, 0, tzinfo=UTC))
    fake_api.enforce_rate_limits = True
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as (application, services):
        handle = fake_api.user(RUNNER, first_name="Ana")
        await handle.send_text("/remind 07:00")
        await fake_api.wait_for_messages(RUNNER, 1)
        sessions = services.coach.sessions
        async with sessions() as session, session.begin():
            runner = (await session.scalars(select(Runner))).one()
            await reschedule(session, runner, clock.now)  # what /remind will call
        scheduler = reminder_scheduler(
            settings_for(fake_api, sqlite_url(tmp_path)), services, application.bot
        )
        before = len(fake_api.sent_messages(RUNNER))
        clock.now = datetime(2026, 12, 1, 6, 59, 50, tzinfo=UTC)
        await scheduler.run_once()
        assert len(fake_api.sent_messages(RUNNER)) == before
        for _ in range(3):
            clock.advance(seconds=20)
            await scheduler.run_once()
        messages = fake_api.sent_messages(RUNNER)[before:]
        assert len(messages) == 1
        (reminder,) = messages
        assert "Good morning, Ana!" in reminder.plain_text
        buttons = [button["text"] for row in reminder.inline_keyboard for button in row]
        assert buttons == ["✅ Done", "⏭ Skip", "⏰ In 1 hour", "🌆 This evening"]
        async with sessions() as session:
            (row,) = await session.scalars(select(DeliveryRow))
        assert (row.status, row.message_id) == (DeliveryStatus.SENT, reminder.message_id)

        done = next(data for data in reminder.callback_data if data.startswith("v1|dn|"))
        await handle.press(reminder.message_id, done)
        await fake_api.wait_for(lambda call: call.method == "editMessageText")
        clock.advance(days=1)
        await scheduler.run_once()
        assert len(fake_api.sent_messages(RUNNER)) == before + 1 + 1  # the next morning's


async def test_a_502_then_success_sends_one_reminder(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 12, 1, 5, 0, tzinfo=UTC))
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as (application, services):
        handle = fake_api.user(RUNNER, first_name="Ana")
        await handle.send_text("/remind 07:00")
        await fake_api.wait_for_messages(RUNNER, 1)
        sessions = services.coach.sessions
        async with sessions() as session, session.begin():
            await reschedule(session, (await session.scalars(select(Runner))).one(), clock.now)
        scheduler = reminder_scheduler(
            settings_for(fake_api, sqlite_url(tmp_path)), services, application.bot
        )
        before = len(fake_api.sent_messages(RUNNER))
        fake_api.fail_next("sendMessage", status=502)
        clock.now = datetime(2026, 12, 1, 7, 0, 5, tzinfo=UTC)
        await scheduler.run_once()
        assert len(fake_api.sent_messages(RUNNER)) == before
        clock.advance(seconds=30)
        await scheduler.run_once()
        clock.advance(seconds=30)
        await scheduler.run_once()
        assert len(fake_api.sent_messages(RUNNER)) == before + 1
        assert [c.status for c in fake_api.calls("sendMessage", chat_id=RUNNER)][-2:] == [502, 200]


async def test_a_blocked_runner_is_marked_inactive(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 12, 1, 5, 0, tzinfo=UTC))
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as (application, services):
        handle = fake_api.user(RUNNER, first_name="Ana")
        await handle.send_text("/remind 07:00")
        await fake_api.wait_for_messages(RUNNER, 1)
        sessions = services.coach.sessions
        async with sessions() as session, session.begin():
            await reschedule(session, (await session.scalars(select(Runner))).one(), clock.now)
        scheduler = reminder_scheduler(
            settings_for(fake_api, sqlite_url(tmp_path)), services, application.bot
        )
        fake_api.block(RUNNER)
        clock.now += timedelta(hours=2, seconds=5)
        await scheduler.run_once()
        async with sessions() as session:
            runner = (await session.scalars(select(Runner))).one()
            (row,) = await session.scalars(select(DeliveryRow))
        assert runner.active is False
        assert row.status is DeliveryStatus.FAILED
