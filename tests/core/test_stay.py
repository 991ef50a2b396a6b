"""A stay said to be for a while ("in new york this week for work") against a move or a
zone said plainly; home again ("back home now") against home said otherwise. Our own
phrasings."""

from __future__ import annotations

import pytest

from bot.core.understanding.stay import says_back_home, stay_is_temporary


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


@pytest.mark.parametrize(
    "text",
    [
        "back home now",
        "home again",
        "im home",
        "I’m home!",
        "I am back home",
        "back home",
        "just got home",
        "finally back home 🏠",
        "we're home",
        "home at last",
        "ok, made it home safe",
        "home from the trip",
    ],
)
def test_home_again_is_said(text: str) -> None:
    assert says_back_home(text)


@pytest.mark.parametrize(
    "text",
    [
        "home",
        "at home",
        "im at home today",
        "back home on friday",
        "back home tomorrow",
        "back home in leeds",
        "im home all week",
        "working from home",
        "did it at home",
        "home workout done",
        "im back",
        "",
    ],
)
def test_home_said_otherwise_is_not(text: str) -> None:
    assert not says_back_home(text)
