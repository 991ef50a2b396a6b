"""From the tenth session's fresh-eyes trial: a trip told beside a question stores no
break, and a break "till after christmas" runs through it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand_all

TODAY = date(2026, 12, 15)  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "flying to new york on thursday for a conference, back sunday, will i still get the "
        "reminder at the right time over there",
        "off to madrid thursday, back on the 21st, do the reminders follow me?",
    ],
)
def test_a_trip_told_beside_a_question_stores_no_break(text: str) -> None:
    assert all(i.kind is not IntentKind.PAUSE for i in understand_all(text, TODAY))


@pytest.mark.parametrize(
    "text",
    ["flying to new york on thursday, back sunday", "away from the 20th, back on the 28th"],
)
def test_a_trip_told_alone_still_pauses(text: str) -> None:
    assert any(i.kind is IntentKind.PAUSE for i in understand_all(text, TODAY))


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("ok can you just pause it till after christmas so", date(2026, 12, 26)),
        ("pause until after xmas please", date(2026, 12, 26)),
        ("pause me till after new year", date(2027, 1, 1)),
    ],
)
def test_a_break_till_after_a_holiday_runs_through_it(text: str, until: date) -> None:
    (intent,) = understand_all(text, TODAY)
    assert intent.kind is IntentKind.PAUSE
    assert intent.pause_until == until


def test_running_till_after_christmas_is_no_break() -> None:
    assert all(
        i.kind is not IntentKind.PAUSE
        for i in understand_all("i ran till after christmas last year", TODAY)
    )


def test_a_number_read_as_the_effort_is_no_soreness_score() -> None:
    """Trial: "did the jumps one, ... my legs were already cooked so an 8 probably" logged
    effort 8 and stored leg soreness 8/10 (today became a rest day): one number, one use."""
    text = (
        "ok so last night after club intervals i did the jumps one, the power skips were "
        "tough and my legs were already cooked so an 8 probably"
    )
    (done,) = understand_all(text, TODAY)
    assert done.kind is IntentKind.DONE
    assert done.effort == 8
    assert done.report is None or done.report.severity is None
