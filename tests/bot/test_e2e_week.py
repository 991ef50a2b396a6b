"""End to end: onboarding's running-week question and /plan, through the fake Bot API."""

from __future__ import annotations

from telegram.ext import Application

from bot.app import Services
from bot.storage.models import Runner
from tests.bot.harness import FakeClock, runner_row
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 4545


def _said(call: object, marker: str) -> bool:
    params = getattr(call, "params", {})
    return marker in str(params.get("text", ""))


async def _press(api: FakeBotAPI, data: str, marker: str) -> None:
    handle = api.user(RUNNER, first_name="Cy")
    message = next(m for m in reversed(api.sent_messages(RUNNER)) if data in m.callback_data)
    await handle.press(message.message_id, data)
    await api.wait_for(lambda call: _said(call, marker))


async def _say(api: FakeBotAPI, text: str, marker: str, *, expect: int = 1) -> str:
    """Send ``text``; wait for ``expect`` new messages, the last with ``marker``."""
    before = len(api.sent_messages(RUNNER))
    await api.user(RUNNER, first_name="Cy").send_text(text)
    messages = await api.wait_for_messages(RUNNER, before + expect)
    said = "\n".join(m.plain_text for m in messages[before:])
    assert marker in said
    return said


async def _runner(services: Services) -> Runner:
    return await runner_row(services, RUNNER)


async def test_the_running_week_question_takes_a_button(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "/start", "1/9", expect=2)
    for step, marker in [("level", "2/9"), ("desk", "3/9"), ("equipment", "4/9")]:
        await _press(fake_api, f"v1|os|{step}", marker)
    await _press(fake_api, "v1|os|race", "5/9")
    question = fake_api.sent_messages(RUNNER)[-1]
    assert "long run" in question.plain_text
    assert {f"v1|ow|{day}" for day in range(7)} <= set(question.callback_data)
    await _press(fake_api, "v1|ow|6", "6/9")
    for step, marker in [("reminder", "7/9"), ("timezone", "8/9"), ("health", "9/9")]:
        await _press(fake_api, f"v1|os|{step}", marker)
    await _press(fake_api, "v1|os|pregnancy", "All set")
    assert "Long run: Sunday" in fake_api.sent_messages(RUNNER)[-1].plain_text
    assert (await _runner(bot[1])).long_run_day == 6


async def test_the_running_week_question_takes_words_and_a_skip_keeps_no_week(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "/start", "1/9", expect=2)
    for step, marker in [("level", "2/9"), ("desk", "3/9"), ("equipment", "4/9")]:
        await _press(fake_api, f"v1|os|{step}", marker)
    await _say(fake_api, "2027-05-02, marathon", "5/9")
    await _say(fake_api, "long run saturday, intervals wednesday", "6/9")
    runner = await _runner(bot[1])
    assert (runner.long_run_day, runner.hard_days) == (5, [2])
    assert runner.race_distance is not None
    assert runner.race_distance.value == "marathon"


async def test_plan_shows_seven_days_and_the_block(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await _say(fake_api, "/today", "")
    await _say(fake_api, "long run is Sunday", "Got it")
    week = await _say(fake_api, "/plan", "Your next 7 days")
    assert "✅ done" not in week
    await _say(fake_api, "done", "Logged")
    week = await _say(fake_api, "/plan", "Your next 7 days")
    assert week.count("✅ done") == 1
    clock.advance(days=14)
    block = await _say(fake_api, "/plan block", "week by week")
    assert "Dynamic block, week 1" in block
    assert "Sun jumps" not in block
    assert "Sat jumps" not in block


async def test_a_parkrun_in_the_running_week_answer_is_a_run_not_a_race(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    """A new runner's trial: "sat parkrun" at the running-week question saved a race a
    week away over their half marathon and ended set-up there."""
    await _say(fake_api, "/start", "1/9", expect=2)
    for step, marker in [("level", "2/9"), ("desk", "3/9"), ("equipment", "4/9")]:
        await _press(fake_api, f"v1|os|{step}", marker)
    await _say(fake_api, "2027-03-21, half marathon", "5/9")
    await _say(
        fake_api,
        "I run 4 days a week - tues intervals, thurs easy, sat parkrun and long run sunday",
        "6/9",
    )
    runner = await _runner(bot[1])
    assert (runner.long_run_day, runner.hard_days) == (6, [1])
    assert sorted(runner.run_days) == [3, 5]
    assert runner.race_date is not None
    assert runner.race_date.isoformat() == "2027-03-21"
