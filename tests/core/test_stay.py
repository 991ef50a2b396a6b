"""A stay said to be for a while ("in new york this week for work") against a move or a
zone said plainly. Our own phrasings."""

from __future__ import annotations

import pytest

from bot.core.understanding.stay import stay_is_temporary


@pytest.mark.parametrize(
    "text",
    [
        "i'm in new york this week for work",
        "in new york for work",
        "I'm in Lisbon till friday",
        "on holiday in crete, reminders on greek time please",
        "in sydney for 10 days",
        "visiting my parents in toronto",
        "over in chicago for a conference",
        "I'm in Paris at the moment",
        "work trip to singapore",
        "here in denver for the next few days",
    ],
)
def test_a_stay_for_a_while_is_temporary(text: str) -> None:
    assert stay_is_temporary(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm in Tokyo now",
        "moved to berlin for work",
        "we live in Lisbon now this year",
        "timezone is Europe/Madrid",
        "back home in london",
        "Berlin",
        "",
    ],
)
def test_a_move_or_a_plain_zone_is_not(text: str) -> None:
    assert not stay_is_temporary(text)
