"""A message of emoji alone, read as a mood: a low moment ("😭") or a good one ("👍")."""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import Final

__all__ = ["Mood", "emoji_mood"]


class Mood(StrEnum):
    """What a message of emoji alone says."""

    LOW = "low"
    GOOD = "good"


#: Lone emoji read as a low moment or as a good one (variation selectors dropped).
_LOW_EMOJI: Final = frozenset("😭😢😞😔☹🙁😩😫😣😖😿💔🥲🥺😓😥😕😟😰😪🤕🤒😵")
_GOOD_EMOJI: Final = frozenset("👍🙂😊😀😃😄😁💪🔥🎉❤👌✅🙌😎🥳🤩😍🏃⭐")


def emoji_mood(text: str) -> Mood | None:
    """The mood of a message of emoji alone: low if any emoji is a low one, good if every
    one is good (skin tones allowed); None when the text has a letter or digit, or holds no
    emoji read either way."""
    symbols = [c for c in text if not c.isspace() and unicodedata.category(c) not in ("Mn", "Cf")]
    symbols = [c for c in symbols if c != "\ufe0f"]
    if not symbols or any(c.isalnum() for c in symbols):
        return None
    if any(c in _LOW_EMOJI for c in symbols):
        return Mood.LOW
    if all(c in _GOOD_EMOJI or unicodedata.category(c) == "Sk" for c in symbols):
        return Mood.GOOD
    return None
