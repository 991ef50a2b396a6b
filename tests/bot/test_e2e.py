"""End to end: the real Application polling the fake Bot API, backed by a SQLite file."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from telegram.ext import Application

from bot.app import Services
from bot.presentation.commands import COMMANDS, menu_commands
from tests.bot.harness import FakeClock, running_bot, sqlite_url
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 4242


async def say(api: FakeBotAPI, text: str, *, user: int = RUNNER, expect: int = 1) -> list[str]:
    """Send a message and wait for ``expect`` new bot messages; return their plain texts."""
    handle = api.user(user, first_name="Ana")
    before = len(api.sent_messages(user))
    await handle.send_text(text)
    messages = await api.wait_for_messages(user, before + expect)
    return [m.plain_text for m in messages[before:]]


async def test_start_walks_through_onboarding_with_skips(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    replies = await say(fake_api, "/start", expect=2)
    assert "hip coach" in replies[0]
    assert "1/9" in replies[1]
    handle = fake_api.user(RUNNER, first_name="Ana")
    for step in ["2/9", "3/9", "4/9", "5/9", "6/9", "7/9", "8/9", "9/9", "All set"]:
        question = fake_api.sent_messages(RUNNER)[-1]
        skip = next(data for data in question.callback_data if data.startswith("v1|os|"))
        await handle.press(question.message_id, skip)
        await fake_api.wait_for(
            lambda call, s=step: call.method == "editMessageText" and s in str(call.params["text"])
        )
    assert "All set" in fake_api.sent_messages(RUNNER)[-1].plain_text


async def test_todays_session_then_done_and_effort(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    session = (await say(fake_api, "what's today's session?"))[-1]
    assert "min" in session
    message = fake_api.sent_messages(RUNNER)[-1]
    done = next(data for data in message.callback_data if data.startswith("v1|dn|"))
    handle = fake_api.user(RUNNER, first_name="Ana")
    await handle.press(message.message_id, done)
    await fake_api.wait_for(lambda call: call.method == "editMessageText")
    edited = fake_api.sent_messages(RUNNER)[-1]
    assert "Logged as done" in edited.plain_text
    effort = next(data for data in edited.callback_data if data.startswith("v1|ef|"))
    await handle.press(edited.message_id, effort)
    await fake_api.wait_for(
        lambda call: call.method == "editMessageText" and "effort" in str(call.params.get("text"))
    )
    again = await say(fake_api, "/today")
    assert "Logged: done, effort" in again[0]


async def test_body_report_is_logged_and_answered(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await say(fake_api, "/today")
    (reply,) = await say(fake_api, "left calf sore 6/10")
    assert "calf" in reply
    (flagged,) = await say(fake_api, "sharp pain in my right hip, it wakes me at night")
    assert "physio" in flagged.lower() or "doctor" in flagged.lower()
    (phase,) = await say(fake_api, "/phase")
    assert "recovery hold" in phase.lower()


async def test_export_sends_the_documented_json(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await say(fake_api, "/today")
    await say(fake_api, "done, felt easy")
    await say(fake_api, "hammies tight")
    handle = fake_api.user(RUNNER, first_name="Ana")
    await handle.send_text("/export")
    call = await fake_api.wait_for(lambda call: call.method == "sendDocument")
    assert call.files
    data = json.loads(next(iter(call.files.values())).content)
    assert data["format"] == "hipcoach-export/1"
    assert data["user"]["telegram_id"] == RUNNER
    assert data["completions"][0]["status"] == "done"
    assert data["body_reports"][0]["area"] == "hamstrings"
    assert data["phase_history"]


async def test_names_are_escaped_and_unknown_text_gets_an_answer(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    handle = fake_api.user(RUNNER, first_name="<b>Bob</b> & co")
    await handle.send_text("hello")
    (message,) = await fake_api.wait_for_messages(RUNNER, 1)
    assert "<b>Bob</b> & co" in message.plain_text
    (reply,) = await say(fake_api, "buy bitcoin now")
    assert reply


async def test_a_duplicate_update_is_answered_once(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    handle = fake_api.user(RUNNER, first_name="Ana")
    sent = await handle.send_text("hi")
    await fake_api.wait_for_messages(RUNNER, 1)
    await fake_api.push_duplicate(sent["update_id"])
    await say(fake_api, "thanks")
    assert len(fake_api.sent_messages(RUNNER)) == 2


async def test_groups_stickers_and_blocked_runners(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    group = fake_api.group(-100123, "Club")
    await group.member(RUNNER).send_text("hi coach")
    call = await fake_api.wait_for(lambda call: call.method == "sendMessage")
    assert "private" in str(call.params.get("text"))
    handle = fake_api.user(RUNNER, first_name="Ana")
    await handle.send_sticker()
    (hint,) = await fake_api.wait_for_messages(RUNNER, 1)
    assert "text" in hint.plain_text
    fake_api.block(RUNNER)
    await handle.send_text("/today")
    await fake_api.wait_for(lambda call: call.method == "sendMessage" and call.status == 403)


async def test_an_edited_message_is_not_logged_twice(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    handle = fake_api.user(RUNNER, first_name="Ana")
    await say(fake_api, "/today")
    sent = await handle.send_text("done, felt easy")
    await fake_api.wait_for_messages(RUNNER, 2)
    await handle.edit_text(sent["message"]["message_id"], "done, felt hard")
    (reply,) = await say(fake_api, "/history")
    assert reply.count("✅") == 1
    assert "effort 3/10" in reply


async def test_a_shared_location_sets_the_time_zone(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    handle = fake_api.user(RUNNER, first_name="Ana")
    await handle.send_location(52.52, 13.405)
    (reply,) = await fake_api.wait_for_messages(RUNNER, 1)
    assert "Europe/Berlin" in reply.plain_text


async def test_progress_sends_a_chart_with_its_summary(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    (empty,) = await say(fake_api, "/progress")
    assert "Nothing logged" in empty
    await say(fake_api, "/today")
    await say(fake_api, "done, felt easy")
    await fake_api.user(RUNNER, first_name="Ana").send_text("how am I doing?")
    call = await fake_api.wait_for(lambda call: call.method == "sendPhoto", timeout=15)
    assert call.status == 200
    assert call.files
    assert next(iter(call.files.values())).content.startswith(b"\x89PNG")
    assert "12 weeks" in str(call.params.get("caption"))


async def test_start_up_is_taken_out_of_the_collectors_sight(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    gc.unfreeze()
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()):
        assert gc.get_freeze_count() > 10_000  # libraries, content, planner tables
        await fake_api.user(5, first_name="Ana").send_text("hi")
        (reply,) = await fake_api.wait_for_messages(5, 1)
        assert "Hi Ana" in reply.plain_text


async def test_the_command_menu_and_help_come_from_the_command_table(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    (text,) = await say(fake_api, "/help")
    assert [line.split(" — ")[0] for line in text.splitlines() if line.startswith("/")] == [
        f"/{command.name}" for command in COMMANDS
    ]
    menu = [(c["command"], c["description"]) for c in fake_api.commands()]
    assert menu == menu_commands()


async def test_a_command_by_another_name_runs_and_a_mistyped_one_is_named(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await say(fake_api, "/start", expect=2)
    for _ in range(9):  # set-up skipped through, each Skip typed
        await say(fake_api, "skip")
    (week,) = await say(fake_api, "/week")  # runners' name for /plan
    assert "Your next 7 days" in week
    (typo,) = await say(fake_api, "/remidn")
    assert "Did you mean /remind?" in typo
    (unknown,) = await say(fake_api, "/xyzzy")
    assert unknown.startswith("I don't know /xyzzy.")
    assert "/help" in unknown
