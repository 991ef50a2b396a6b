"""A number the runner says back as the session's effort, not a body rating."""

from __future__ import annotations

import pytest

from bot.core.understanding.later import effort_not_severity


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("the 8 was how hard it felt not my hip", 8),
        ("sorry that 7 was the effort, not my calf", 7),
        ("no the 8 was for the session, legs are fine", 8),
        ("8/10 was the rpe", 8),
        ("i meant effort 6 not pain", 6),
        ("the 10 is how tough the workout was", 10),
    ],
)
def test_the_number_said_back_as_the_effort(text: str, effort: int) -> None:
    assert effort_not_severity(text) == effort


@pytest.mark.parametrize(
    "text",
    [
        "hips 8/10 today",
        "the 5k was how hard?",
        "did the session, 7",
        "my 3 kids were how I spent the weekend",
        "how hard should the session be",
    ],
)
def test_other_messages_say_no_effort_back(text: str) -> None:
    assert effort_not_severity(text) is None
