"""A typed answer to "which Springfield?" sets the one it names ("the one in massachusetts",
"MA"); anything else drops the question and is read as usual, and the zone stays."""

from __future__ import annotations

import pytest

from tests.service.conftest import Chat


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("the one in massachusetts", "America/New_York"),
        ("MA", "America/New_York"),
        ("oh sorry, illinois", "America/Chicago"),
        ("i mean Oregon", "America/Los_Angeles"),
    ],
)
async def test_a_typed_pick_sets_that_place(chat: Chat, typed: str, zone: str) -> None:
    await chat.command("/timezone Europe/Berlin")
    (ask,) = await chat.say("I'm in Springfield now")
    assert ask.keyboard
    replies = await chat.say(typed)
    assert (await chat.runner()).timezone == zone
    assert "reminder" in " ".join(r.text for r in replies).lower()


async def test_something_else_drops_the_question(chat: Chat) -> None:
    await chat.command("/timezone Europe/Berlin")
    await chat.say("I'm in Springfield now")
    replies = await chat.say("what's today's session?")
    assert (await chat.runner()).timezone == "Europe/Berlin"
    assert replies
    again = await chat.say("massachusetts")  # the question was dropped: no pick any more
    assert (await chat.runner()).timezone == "Europe/Berlin"
    assert again


async def test_the_button_still_picks(chat: Chat) -> None:
    await chat.command("/timezone Europe/Berlin")
    (ask,) = await chat.say("I'm in Springfield now")
    buttons = {label: data for row in ask.keyboard for label, data in row}
    label = next(text for text in buttons if "Massachusetts" in text)
    await chat.press(buttons[label])
    assert (await chat.runner()).timezone == "America/New_York"
    await chat.say("oregon")  # the question is over once picked
    assert (await chat.runner()).timezone == "America/New_York"
