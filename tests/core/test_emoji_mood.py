"""A message of emoji alone read as a mood."""

from __future__ import annotations

import pytest

from bot.core.understanding.emoji import Mood, emoji_mood


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("😭", Mood.LOW),
        ("👍🔥", Mood.GOOD),
        ("💪🏽", Mood.GOOD),  # a skin tone is part of the emoji
        ("😭👍", Mood.LOW),  # a low one wins
        ("🦵", None),
        ("sore 😭", None),
        ("", None),
    ],
)
def test_emoji_alone_is_read_as_a_mood(text: str, mood: Mood | None) -> None:
    assert emoji_mood(text) is mood
