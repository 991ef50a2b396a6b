"""A city name several well-known places bear, said in a sentence, is asked about with
buttons, never guessed (round u8)."""

from __future__ import annotations

import pytest

from tests.service.conftest import Chat


@pytest.mark.parametrize(
    "text",
    [
        "I'm in Springfield this week",
        "just landed in Columbia, here for a few days",
        "moving to Aurora tomorrow",
    ],
)
async def test_an_ambiguous_city_in_a_sentence_is_asked_about(chat: Chat, text: str) -> None:
    await chat.command("/timezone Europe/Berlin")
    (ask,) = await chat.say(text)
    assert "more than one" in ask.text, ask.text
    assert ask.keyboard
    assert (await chat.runner()).timezone == "Europe/Berlin"
