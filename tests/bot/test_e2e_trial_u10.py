"""End to end through the fake Bot API (a fresh-eyes trial's two findings): a log of two
days asks one day's questions at a time, and each typed answer is stored on its own day's
log; a time zone said for a trip moves the reminder, says so, and a button goes home.
The harness clock's day is Tuesday 1 December 2026, 07:00 UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from telegram.ext import Application

from bot.app import Services
from bot.core.records import Completion
from bot.storage import make_session_factory, recent_completions
from tests.bot.harness import FakeClock, runner_row, say_until
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 5151
Bot = tuple[Application, Services]  # type: ignore[type-arg]
MONDAY, TUESDAY = date(2026, 11, 30), date(2026, 12, 1)


async def _say(api: FakeBotAPI, text: str, marker: str) -> str:
    return "\n".join(await say_until(api, RUNNER, text, marker, first_name="Kit"))


async def _logs(services: Services) -> dict[date, Completion]:
    runner = await runner_row(services, RUNNER)
    async with make_session_factory(services.engine)() as session:
        logs = await recent_completions(session, runner.id, date(2026, 11, 1))
    return {log.on: log for log in logs}


def _buttons_for(api: FakeBotAPI, prefix: str) -> set[str]:
    """The days (yymmdd) of every ``prefix`` button the bot has sent."""
    return {
        data.split("|")[2]
        for message in api.sent_messages(RUNNER)
        for data in message.callback_data
        if data.startswith(prefix)
    }


async def test_two_days_logged_get_their_pain_and_effort_stored_each_on_its_own_day(
    bot: Bot, fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    clock.advance(days=-7)
    await _say(fake_api, "what's today's session?", "min")
    clock.advance(days=6)
    await _say(fake_api, "hip flexors a bit sore, 3/10", "hip flexors")
    clock.advance(days=1)

    said = await _say(fake_api, "did monday and tuesday", "questions are answered")
    assert _buttons_for(fake_api, "v1|pn|") == {"261130"}  # one day's pain question
    assert "Any pain during" in said
    await _say(fake_api, "no pain", "how hard did it feel")
    await _say(fake_api, "4", "Next, today's")
    assert _buttons_for(fake_api, "v1|pn|") == {"261130", "261201"}
    await _say(fake_api, "a little, maybe 2/10", "Pain 2/10")
    await _say(fake_api, "6", "effort 6/10")

    logs = await _logs(bot[1])
    assert (logs[MONDAY].pain, logs[MONDAY].rpe) == (0, 4)
    assert (logs[TUESDAY].pain, logs[TUESDAY].rpe) == (2, 6)


async def test_a_trip_city_moves_the_reminder_with_a_button_back_home(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "/timezone Europe/London", "London")
    await _say(fake_api, "/remind 07:00", "07:00")
    said = await _say(fake_api, "i'm in new york this week for work", "New York time")
    assert "Your 07:00 reminder now comes at 07:00 New York time" in said
    assert "when you're home" in said
    runner = await runner_row(bot[1], RUNNER)
    assert (runner.timezone, runner.reminder_time) == ("America/New_York", time(7))
    assert runner.next_reminder_at == datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

    message = next(
        m
        for m in reversed(fake_api.sent_messages(RUNNER))
        if any(d.startswith("v1|tz|") for d in m.callback_data)
    )
    (home,) = message.callback_data
    await fake_api.user(RUNNER, first_name="Kit").press(message.message_id, home)
    await fake_api.wait_for(lambda call: "London time" in str(call.params.get("text", "")))
    runner = await runner_row(bot[1], RUNNER)
    assert runner.timezone == "Europe/London"
    assert runner.next_reminder_at == datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
