"""The outbox end to end: the real bot (polling and webhook) against the fake Bot API."""

from __future__ import annotations

import asyncio
from typing import cast

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.app import Services
from bot.service.outbox import BACKOFF
from bot.storage.models import OutboxRow, Runner
from bot.telegram.delivery import outbox_sender
from tests.bot.harness import FakeClock, running_bot
from tests.fakebotapi.server import FakeBotAPI
from tests.test_webhook import Served, start_served, webhook_settings

RUNNER = 515


async def rows_waiting(services: Services, *, free: bool = False) -> int:
    """Rows in the outbox (``free``: only those nobody is sending)."""
    query = select(func.count()).select_from(OutboxRow)
    if free:
        query = query.where(OutboxRow.leased_until.is_(None))
    async with services.coach.sessions() as session:
        return int(await session.scalar(query) or 0)


async def until_waiting(services: Services, count: int, *, free: bool = False) -> None:
    """Wait (up to 10 s) until the outbox holds ``count`` rows (``free`` ones)."""
    for _ in range(500):
        if await rows_waiting(services, free=free) == count:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"the outbox never held {count} rows")


def texts(api: FakeBotAPI) -> list[str]:
    return [message.plain_text for message in api.sent_messages(RUNNER)]


async def test_a_reply_lost_after_commit_arrives_later_in_order_polling(
    fake_api: FakeBotAPI, db_url: str
) -> None:
    clock = FakeClock()
    async with running_bot(fake_api, db_url, clock) as (application, services):
        user = fake_api.user(RUNNER, first_name="Ana")
        fake_api.fail_next("sendMessage", 502)
        await user.send_text("/help")
        await fake_api.wait_for(lambda call: call.status == 502)
        await user.send_text("/settings")
        await until_waiting(services, 2, free=True)
        assert texts(fake_api) == []  # the later reply did not overtake the lost one
        clock.advance(seconds=BACKOFF[0].total_seconds())
        await services.coach.outbox.drain(outbox_sender(application.bot))
        replies = await fake_api.wait_for_messages(RUNNER, 2)
        assert "/today" in replies[0].plain_text
        assert "Your settings" in replies[1].plain_text
        assert await rows_waiting(services) == 0


async def test_a_reply_lost_after_commit_arrives_later_in_order_webhook(
    fake_api: FakeBotAPI, db_url: str
) -> None:
    server, services = await start_served(fake_api, webhook_settings(fake_api, db_url))
    clock = cast(FakeClock, services.coach.clock)
    try:
        async with aiohttp.ClientSession() as http:
            served = Served(fake_api, server, http)
            user = fake_api.user(RUNNER, "Ana")
            fake_api.fail_next("sendMessage", 502)
            assert await served.post(await user.send_text("/help")) == 200
            assert await served.post(await user.send_text("/settings")) == 200
            assert texts(fake_api) == []
            assert await rows_waiting(services) == 2
            clock.advance(seconds=BACKOFF[0].total_seconds())
            await services.coach.outbox.drain(outbox_sender(server.application.bot))
            replies = texts(fake_api)
            assert len(replies) == 2
            assert "/today" in replies[0]
            assert "Your settings" in replies[1]
            # a redelivery of either update sends nothing more
            assert await served.post(await user.send_text("/phase")) == 200
            assert len(texts(fake_api)) == 3
    finally:
        await server.stop()
        await services.engine.dispose()


async def test_a_runner_who_blocked_the_bot_leaves_no_rows_webhook(
    fake_api: FakeBotAPI, db_url: str
) -> None:
    server, services = await start_served(fake_api, webhook_settings(fake_api, db_url))
    try:
        async with aiohttp.ClientSession() as http:
            served = Served(fake_api, server, http)
            user = fake_api.user(RUNNER, "Ana")
            assert await served.post(await user.send_text("hi")) == 200
            fake_api.block(RUNNER)
            assert await served.post(await user.send_text("/help")) == 200
            assert await rows_waiting(services) == 0
            async with services.coach.sessions() as session:
                assert await session.scalar(select(Runner.active)) is False
    finally:
        await server.stop()
        await services.engine.dispose()


async def test_replies_committed_before_a_crash_go_out_on_restart(
    fake_api: FakeBotAPI, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    async with running_bot(fake_api, db_url, clock) as (_, services):

        async def dies_before_sending(*_: object) -> int:
            return 0

        monkeypatch.setattr(services.coach.outbox, "deliver", dies_before_sending)
        await fake_api.user(RUNNER, first_name="Ana").send_text("/help")
        await until_waiting(services, 1)
    assert texts(fake_api) == []
    async with running_bot(fake_api, db_url, clock) as (_, services):
        (reply,) = await fake_api.wait_for_messages(RUNNER, 1)  # the drain's first pass
        assert "/today" in reply.plain_text
        await until_waiting(services, 0)
    assert len(fake_api.calls("sendMessage", chat_id=RUNNER)) == 1


async def test_a_tap_is_answered_at_once_and_its_edit_retried(
    fake_api: FakeBotAPI, db_url: str
) -> None:
    clock = FakeClock()
    async with running_bot(fake_api, db_url, clock) as (application, services):
        user = fake_api.user(RUNNER, first_name="Ana")
        await user.send_text("/today")
        session = (await fake_api.wait_for_messages(RUNNER, 1))[-1]
        done = next(data for data in session.callback_data if data.startswith("v1|dn|"))
        fake_api.fail_next("editMessageText", 502)
        await user.press(session.message_id, done)
        await fake_api.wait_for(lambda call: call.method == "answerCallbackQuery")
        await fake_api.wait_for(lambda call: call.status == 502)
        await until_waiting(services, 1, free=True)  # the failed edit, waiting to retry
        clock.advance(seconds=BACKOFF[0].total_seconds())
        await services.coach.outbox.drain(outbox_sender(application.bot))
        edits = [call for call in fake_api.calls("editMessageText") if call.status == 200]
        assert len(edits) == 1
        assert "Logged as done" in fake_api.sent_messages(RUNNER)[-1].plain_text
