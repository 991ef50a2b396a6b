""" "I'm back on the 20th" is a break until the 19th, never a return today."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand

TODAY = date(2026, 12, 4)  # a Friday


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("I'm back on the 20th", date(2026, 12, 19)),
        ("back on the 20th", date(2026, 12, 19)),
        ("back on monday", date(2026, 12, 6)),
    ],
)
def test_a_day_back_ahead_is_a_break_until_the_day_before(text: str, until: date) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.PAUSE
    assert intent.pause_until == until


@pytest.mark.parametrize("text", ["I'm back!", "im back", "back from holiday"])
def test_back_without_a_day_ahead_is_a_return(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.RESUME


def test_a_sore_back_is_still_a_report() -> None:
    assert understand("my back is sore", TODAY).kind is IntentKind.BODY_REPORT
