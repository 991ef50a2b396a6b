"""End to end through the fake Bot API: a stay away from home survives a restart of the
bot, and "back home now" then returns the runner to the zone before it; the 🏠 button
does the same (a new-user trial: "back home now", "home again", "im home" were not
understood)."""

from __future__ import annotations

from pathlib import Path

from tests.bot.harness import FakeClock, runner_row, running_bot, say_until, sqlite_url
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 8181


async def _in_new_york_from_london(api: FakeBotAPI) -> None:
    for text, marker in (
        ("/timezone Europe/London", "London"),
        ("/remind 07:00", "07:00"),
        ("i'm in new york this week for work", "until you change it back"),
    ):
        await say_until(api, RUNNER, text, marker, first_name="Ana")


async def test_back_home_in_words_after_a_restart(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    url, clock = sqlite_url(tmp_path), FakeClock()
    async with running_bot(fake_api, url, clock):
        await _in_new_york_from_london(fake_api)
    async with running_bot(fake_api, url, clock) as (_, services):  # a restart
        said = await say_until(fake_api, RUNNER, "back home now", "Welcome home", first_name="Ana")
        assert "07:00 London time" in said[-1]
        runner = await runner_row(services, RUNNER)
        assert (runner.timezone, runner.home_timezone) == ("Europe/London", None)


async def test_the_home_button_says_welcome_home(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, sqlite_url(tmp_path), FakeClock()) as (_, services):
        await _in_new_york_from_london(fake_api)
        trip = fake_api.sent_messages(RUNNER)[-1]
        home = next(d for d in trip.callback_data if d.startswith("v1|tz|"))
        await fake_api.user(RUNNER, first_name="Ana").press(trip.message_id, home)
        call = await fake_api.wait_for(
            lambda call: (
                call.method in ("sendMessage", "editMessageText")
                and "Welcome home" in str(call.params.get("text"))
            )
        )
        assert "07:00 London time" in str(call.params["text"])
        runner = await runner_row(services, RUNNER)
        assert (runner.timezone, runner.home_timezone) == ("Europe/London", None)
