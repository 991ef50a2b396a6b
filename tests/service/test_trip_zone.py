"""A time zone said for a trip ("i'm in new york this week for work"): set, with what it
does to the reminder, and a way back home (a fresh-eyes trial: the trip city became the
runner's zone for good and nothing said the reminder moved with it)."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.service.messages import Location
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
