"""Telegram's limits and faults, end to end: 429, 403, late answers, stale buttons, restarts."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.storage.models import Runner
from tests.bot.harness import FakeClock, running_bot, sqlite_url
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 777


async def test_a_429_is_waited_out_and_the_reply_still_arrives(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()):
        fake_api.fail_next("sendMessage", status=429, retry_after=1)
        await fake_api.user(RUNNER, first_name="Ana").send_text("hi")
        (reply,) = await fake_api.wait_for_messages(RUNNER, 1, timeout=10)
        assert "Hi Ana" in reply.plain_text
        statuses = [call.status for call in fake_api.calls("sendMessage", chat_id=RUNNER)]
        assert statuses == [429, 200]


async def test_a_runner_who_blocked_the_bot_is_marked_inactive(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()) as (_, services):
        handle = fake_api.user(RUNNER, first_name="Ana")
        await handle.send_text("hi")
        await fake_api.wait_for_messages(RUNNER, 1)
        fake_api.block(RUNNER)
        await handle.send_text("what's today's session?")
        await fake_api.wait_for(lambda call: call.status == 403)
        for _ in range(100):
            async with services.coach.sessions() as session:
                active = (await session.scalars(select(Runner.active))).one()
            if not active:
                break
            await asyncio.sleep(0.02)
        assert active is False


@pytest.mark.fakebotapi_violations("query is too old")
async def test_late_button_answers_do_not_stop_the_edit(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()):
        handle = fake_api.user(RUNNER, first_name="Ana")
        await handle.send_text("/today")
        messages = await fake_api.wait_for_messages(RUNNER, 1)
        session = messages[-1]
        done = next(d for d in session.callback_data if d.startswith("v1|dn|"))
        fake_api.callback_answer_deadline = 0
        await handle.press(session.message_id, done)
        await fake_api.wait_for(lambda call: call.method == "editMessageText")
        assert "Logged as done" in fake_api.sent_messages(RUNNER)[-1].plain_text


async def test_pressing_done_twice_never_sends_an_unchanged_edit(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()):
        handle = fake_api.user(RUNNER, first_name="Ana")
        await handle.send_text("/today")
        session = (await fake_api.wait_for_messages(RUNNER, 1))[-1]
        done = next(d for d in session.callback_data if d.startswith("v1|dn|"))
        await handle.press(session.message_id, done)
        await fake_api.wait_for(lambda call: call.method == "editMessageText")
        await handle.press(session.message_id, done, strict=False)
        answer = await fake_api.wait_for(
            lambda call: call.method == "answerCallbackQuery" and "Already" in str(call.params)
        )
        assert answer.status == 200
        assert len(fake_api.calls("editMessageText")) == 1


@pytest.mark.parametrize("data", ["v0|dn|261201|x", "v1|zz", "garbage", "v1|dn|991301|nope"])
async def test_stale_or_forged_buttons_get_a_polite_answer(
    fake_api: FakeBotAPI, tmp_path: Path, data: str
) -> None:
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()):
        handle = fake_api.user(RUNNER, first_name="Ana")
        await handle.send_text("/today")
        session = (await fake_api.wait_for_messages(RUNNER, 1))[-1]
        await handle.press(session.message_id, data, strict=False)
        answer = await fake_api.wait_for(lambda call: call.method == "answerCallbackQuery")
        assert "out of date" in str(answer.params.get("text"))


async def test_a_burst_is_answered_in_order(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()):
        handle = fake_api.user(RUNNER, first_name="Ana")
        for command in ("/help", "/settings", "/phase", "/help"):
            await handle.send_text(command)
        replies = await fake_api.wait_for_messages(RUNNER, 4)
        assert "/today" in replies[0].plain_text
        assert "Your settings" in replies[1].plain_text
        assert "phase" in replies[2].plain_text.lower()
        assert replies[3].plain_text == replies[0].plain_text


async def test_runners_are_answered_at_once_each_in_their_own_order(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    """While one runner's reply is slow, the others are answered; theirs stay in order."""
    slow = 0.5
    runners = [fake_api.user(RUNNER + offset, first_name=f"R{offset}") for offset in range(3)]
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()) as (_, services):
        fake_api.delay_next("sendMessage", slow)
        await runners[0].send_text("/remind 07:00")  # the first reply: held back
        for minute in range(1, 10):
            for handle in runners:
                await handle.send_text(f"/remind 07:{minute:02d}")
        for handle, first in zip(runners, (0, 1, 1), strict=True):
            replies = await fake_api.wait_for_messages(handle.chat_id, 10 - first, timeout=10)
            said = [reply.plain_text for reply in replies]
            assert [f"07:{minute:02d}" in text for minute, text in enumerate(said, first)] == [
                True
            ] * len(said), said
        held, *after = fake_api.calls("sendMessage", chat_id=runners[0].chat_id)
        assert all(call.at >= held.at + slow * 0.9 for call in after)  # waited for 07:00
        others = fake_api.calls("sendMessage", chat_id=runners[1].chat_id)
        assert any(call.at < held.at + slow * 0.9 for call in others)  # not held up by it
        async with services.coach.sessions() as session:
            times = (await session.scalars(select(Runner.reminder_time))).all()
        assert {at.strftime("%H:%M") for at in times if at} == {"07:09"}


async def test_a_conversation_survives_a_restart(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    handle = fake_api.user(RUNNER, first_name="Ana")
    async with running_bot(fake_api, url, FakeClock()):
        await handle.send_text("/start")
        await fake_api.wait_for_messages(RUNNER, 2)
    question = fake_api.sent_messages(RUNNER)[-1]
    advanced = next(d for d in question.callback_data if d.startswith("v1|ol|advanced"))
    async with running_bot(fake_api, url, FakeClock()):
        await handle.press(question.message_id, advanced)
        await fake_api.wait_for(
            lambda call: call.method == "editMessageText" and "2/9" in str(call.params["text"])
        )
        await handle.send_text("yes")
        await fake_api.wait_for(lambda call: "3/9" in str(call.params.get("text")))
        await handle.send_text("/settings")
        settings = await fake_api.wait_for(lambda call: "Your settings" in str(call.params))
        assert "advanced" in str(settings.params["text"])
        assert "Desk job: yes" in str(settings.params["text"])


async def test_an_unexpected_fault_is_logged_and_the_runner_told(
    fake_api: FakeBotAPI,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()) as (_, services):

        async def broken(*_: object, **__: object) -> list[object]:
            raise RuntimeError("database on fire")

        monkeypatch.setattr(services.coach, "handle_queued", broken)
        await fake_api.user(RUNNER, first_name="Ana").send_text("hi")
        (reply,) = await fake_api.wait_for_messages(RUNNER, 1)
        assert "went wrong" in reply.plain_text
        assert "try again" in reply.plain_text
    assert any("update failed" in record.getMessage() for record in caplog.records)


async def test_a_reply_lost_after_commit_is_apologised_for_as_saved(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()):
        handle = fake_api.user(RUNNER, first_name="Ana")
        await handle.send_text("/remind 06:30")
        await fake_api.wait_for_messages(RUNNER, 1)
        fake_api.fail_next("sendMessage", status=400, description="Bad Request: test fault")
        await handle.send_text("/remind 07:15")
        apology = (await fake_api.wait_for_messages(RUNNER, 2))[-1]
        assert "went wrong" in apology.plain_text
        assert "saved" in apology.plain_text
        assert "wasn't saved" not in apology.plain_text
        await handle.send_text("/settings")
        settings = (await fake_api.wait_for_messages(RUNNER, 3))[-1]
    assert "07:15" in settings.plain_text  # the change was kept


async def test_the_bot_runs_even_when_the_command_menu_cannot_be_set(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    fake_api.fail_next("setMyCommands", status=502)
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()):
        await fake_api.user(RUNNER, first_name="Ana").send_text("hi")
        (reply,) = await fake_api.wait_for_messages(RUNNER, 1)
        assert "Hi Ana" in reply.plain_text
    assert not fake_api.commands()
