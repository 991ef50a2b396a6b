"""Session twenty, in my own words here: a clinician's advice said with "says", "wants",
"tells" or "reckons" asks no return, as "said" did; the runner's own "I want to carry on"
still does."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import IntentKind, understand
from bot.core.understanding.clock import parse_time

TODAY = date(2032, 8, 11)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "the physio says my IT band is just tight and to carry on with the plan",
        "my physio wants me to carry on with the plan",
        "coach reckons I should carry on with the plan",
        "physio tells me to get back on the plan",
    ],
)
def test_someone_elses_carry_on_is_no_return(text: str) -> None:
    assert understand(text, TODAY).kind is not IntentKind.RESUME


@pytest.mark.parametrize("text", ["I want to carry on with the plan", "im back, carry on"])
def test_the_runners_own_carry_on_is_a_return(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.RESUME


def test_the_fuller_reading_of_a_spoken_time_wins() -> None:
    """Two readings at one place ("at five" and "five forty five") beside a reason: the
    fuller one, whatever the hash seed (they were a set)."""
    text = "can you remind me at five forty five instead of six because of the school run"
    assert parse_time(text) == time(5, 45)
