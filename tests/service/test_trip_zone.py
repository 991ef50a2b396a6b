"""A time zone said for a trip ("i'm in new york this week for work"): set, with what it
does to the reminder, and a way back home (a fresh-eyes trial: the trip city became the
runner's zone for good and nothing said the reminder moved with it)."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.planner import Planner
from bot.core.vocabulary import Phase
from bot.service.coach import Coach
from bot.service.messages import Location
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, button, buttons, texts


async def _at_home_in_london(chat: Chat) -> None:
    await chat.command("/timezone Europe/London")
    await chat.command("/remind 07:00")
    runner = await chat.runner()
    assert (runner.timezone, runner.reminder_time) == ("Europe/London", time(7))


async def test_a_trip_moves_the_zone_says_the_reminder_moves_and_offers_the_way_home(
    chat: Chat,
) -> None:
    await _at_home_in_london(chat)
    replies = await chat.say("i'm in new york this week for work")
    said = texts(replies)
    assert "07:00 New York time" in said  # what it does to the reminder
    assert "until you change it back" in said
    assert "/timezone Europe/London" in said
    runner = await chat.runner()
    assert runner.timezone == "America/New_York"
    # the clock stands at 07:00 UTC, 02:00 in New York: the next reminder is 07:00 there
    assert runner.next_reminder_at == datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

    home = await chat.press(button(replies, "v1|tz|"))
    assert "07:00 London time" in texts(home)
    runner = await chat.runner()
    assert runner.timezone == "Europe/London"
    assert runner.next_reminder_at == datetime(2026, 12, 2, 7, 0, tzinfo=UTC)  # London, tomorrow


@pytest.mark.parametrize(
    "text", ["I'm in Tokyo now", "moved to tokyo for work", "/timezone Asia/Tokyo"]
)
async def test_a_move_says_the_reminder_moves_and_offers_no_way_back(chat: Chat, text: str) -> None:
    await _at_home_in_london(chat)
    replies = await (chat.command(text) if text.startswith("/") else chat.say(text))
    assert "07:00 Tokyo time" in texts(replies)
    assert not [data for data in buttons(replies) if data.startswith("v1|tz|")]
    assert (await chat.runner()).timezone == "Asia/Tokyo"


async def test_a_shared_location_says_the_reminder_moves(chat: Chat) -> None:
    await _at_home_in_london(chat)
    said = texts(await chat.send(Location(40.71, -74.0)))
    assert "07:00 New York time" in said
    assert (await chat.runner()).timezone == "America/New_York"


async def test_with_reminders_off_the_reply_says_none_moves(chat: Chat) -> None:
    await _at_home_in_london(chat)
    await chat.command("/remind off")
    said = texts(await chat.say("i'm in new york this week for work"))
    assert "Reminders are off" in said
    runner = await chat.runner()
    assert (runner.timezone, runner.reminder_time) == ("America/New_York", None)


# ---------------------------------------------------------------- home again, in words
# (a new-user trial: "back home now", "home again", "im home" after a stay were not
# understood; the zone before the stay is kept on the runner, so a restart keeps it too)


@pytest.mark.parametrize("text", ["back home now", "home again", "im home"])
async def test_home_again_in_words_goes_back_to_the_zone_before_the_stay(
    chat: Chat, text: str
) -> None:
    await _at_home_in_london(chat)
    await chat.say("i'm in new york this week for work")
    assert (await chat.runner()).home_timezone == "Europe/London"
    said = texts(await chat.say(text))
    assert "Welcome home" in said
    assert "07:00 London time" in said  # where the reminder falls now
    runner = await chat.runner()
    assert (runner.timezone, runner.home_timezone) == ("Europe/London", None)
    assert runner.next_reminder_at == datetime(2026, 12, 2, 7, 0, tzinfo=UTC)


async def test_the_stay_on_record_survives_a_restart(
    chat: Chat, sessions: async_sessionmaker[AsyncSession], planner: Planner, clock: FakeClock
) -> None:
    await _at_home_in_london(chat)
    await chat.say("in new york this week for work")
    restarted = Chat(Coach(sessions, planner, clock), sessions, chat.sender, update_id=5000)
    said = texts(await restarted.say("back home now"))
    assert "07:00 London time" in said
    assert (await restarted.runner()).timezone == "Europe/London"


async def test_stays_in_a_row_go_home_to_the_zone_before_the_first(chat: Chat) -> None:
    await _at_home_in_london(chat)
    await chat.say("in new york this week for work")
    replies = await chat.say("in chicago till friday")
    assert "/timezone Europe/London" in texts(replies)  # home is still London
    assert button(replies, "v1|tz|") == "v1|tz|Europe/London"
    await chat.say("home again")
    assert (await chat.runner()).timezone == "Europe/London"


async def test_the_home_button_ends_the_stay_on_record(chat: Chat) -> None:
    await _at_home_in_london(chat)
    replies = await chat.say("in new york this week for work")
    home = await chat.press(button(replies, "v1|tz|"))
    assert "Welcome home" in texts(home)
    assert (await chat.runner()).home_timezone is None
    asked = texts(await chat.say("back home now"))  # home already: no stay on record
    assert "Which city" in asked


async def test_a_move_for_good_ends_the_stay(chat: Chat) -> None:
    await _at_home_in_london(chat)
    await chat.say("in new york this week for work")
    await chat.say("moved to tokyo for work")
    assert (await chat.runner()).home_timezone is None
    await chat.say("back home now")
    assert (await chat.runner()).timezone == "Asia/Tokyo"


async def test_with_no_stay_on_record_the_city_is_asked_and_a_typed_one_answers(
    chat: Chat,
) -> None:
    await _at_home_in_london(chat)
    (asked,) = await chat.say("back home now")
    assert "Which city" in asked.text
    assert asked.request_location
    assert (await chat.runner()).timezone == "Europe/London"  # nothing guessed
    said = texts(await chat.say("Berlin"))
    assert "07:00 Berlin time" in said
    assert (await chat.runner()).timezone == "Europe/Berlin"
    assert await chat.conversation() is None


async def test_a_message_that_names_no_city_drops_the_question(chat: Chat) -> None:
    await _at_home_in_london(chat)
    await chat.say("im home")
    replies = await chat.say("what's today's session?")
    assert "min" in texts(replies)  # read as usual
    assert (await chat.runner()).timezone == "Europe/London"
    assert await chat.conversation() is None


async def test_im_home_after_a_break_without_a_stay_resumes_as_before(chat: Chat) -> None:
    await _at_home_in_london(chat)
    await chat.command("/today")
    await chat.command("/pause")
    said = texts(await chat.say("im home"))
    assert "Which city" not in said
    assert (await chat.state()).phase is not Phase.PAUSED


async def test_home_again_after_a_break_and_a_stay_does_both(chat: Chat) -> None:
    await _at_home_in_london(chat)
    await chat.command("/today")
    await chat.say("in new york this week for work")
    await chat.command("/pause")
    said = texts(await chat.say("im home"))
    assert "07:00 London time" in said
    assert (await chat.runner()).timezone == "Europe/London"
    assert (await chat.state()).phase is not Phase.PAUSED


async def test_a_shared_location_answers_which_city_is_home(chat: Chat) -> None:
    await _at_home_in_london(chat)
    await chat.say("back home now")
    said = texts(await chat.send(Location(52.52, 13.40)))
    assert "07:00 Berlin time" in said
    assert (await chat.runner()).timezone == "Europe/Berlin"
    assert await chat.conversation() is None
