"""End to end through the fake Bot API: a session said done "on the weekend" is asked
about with a button for each weekend day that had one, and the tap logs it on that day
with the effort said. The harness clock's day is Tuesday 1 December 2026."""

from __future__ import annotations

from datetime import date

from telegram.ext import Application

from bot.app import Services
from bot.core.records import Completion
from bot.storage import make_session_factory, recent_completions
from tests.bot.harness import FakeClock, begin_a_week_ago, runner_row, say_until
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 5252
Bot = tuple[Application, Services]  # type: ignore[type-arg]
WEEKEND = {"261128": date(2026, 11, 28), "261129": date(2026, 11, 29)}


async def _logs(services: Services) -> dict[date, Completion]:
    runner = await runner_row(services, RUNNER)
    async with make_session_factory(services.engine)() as session:
        logs = await recent_completions(session, runner.id, date(2026, 11, 1))
    return {log.on: log for log in logs}


async def test_a_weekend_log_is_asked_with_a_button_a_day_and_logged_where_tapped(
    bot: Bot, fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await begin_a_week_ago(fake_api, clock, RUNNER, "Jo")
    said = await say_until(
        fake_api, RUNNER, "did it on the weekend, about a 7", "Tap it below", first_name="Jo"
    )
    assert "Nothing is logged" in said[-1]
    assert await _logs(bot[1]) == {}  # nothing stored until the tap

    question = fake_api.sent_messages(RUNNER)[-1]
    buttons = [d for d in question.callback_data if d.startswith("v1|ef|")]
    assert buttons, question.callback_data
    assert {data.split("|")[2] for data in buttons} <= set(WEEKEND)
    assert all(data.endswith("|7") for data in buttons)  # the effort said goes with it

    tapped = buttons[-1]
    await fake_api.user(RUNNER, first_name="Jo").press(question.message_id, tapped)
    await fake_api.wait_for(lambda call: "7/10" in str(call.params.get("text", "")))
    logs = await _logs(bot[1])
    day = WEEKEND[tapped.split("|")[2]]
    assert list(logs) == [day]
    assert logs[day].done
    assert logs[day].rpe == 7


async def test_a_weekend_skip_offers_skip_buttons(
    bot: Bot, fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await begin_a_week_ago(fake_api, clock, RUNNER, "Jo")
    await say_until(
        fake_api, RUNNER, "missed it on the weekend, family stuff", "Tap it below", first_name="Jo"
    )
    question = fake_api.sent_messages(RUNNER)[-1]
    assert question.callback_data
    assert all(d.startswith("v1|sk|") for d in question.callback_data)
    assert await _logs(bot[1]) == {}
