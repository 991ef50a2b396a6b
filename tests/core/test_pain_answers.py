"""Typed answers to the Done flow's pain question and to the way back's morning check."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.comeback import Feel
from bot.core.understanding.answers import morning_feel, pain_score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no pain", 0),
        ("No pain at all!", 0),
        ("pain free", 0),
        ("none", 0),
        ("0", 0),
        ("2", 2),
        ("2/10", 2),
        ("a little, maybe 3/10", 3),
        ("about 2 out of 10", 2),
        ("pain 4", 4),
        ("maybe a 1", 1),
        ("two", 2),
        ("10/10", 10),
        ("2-3", 3),  # a range: the higher, to be careful
        ("3 or 4", 4),
        ("slight, 1", 1),
        ("hurt a bit, 5/10", 5),
        # unclear: off the scale, more than a rating, or no number at all
        ("11", None),
        ("-2", None),
        ("12/10", None),
        ("twelve", None),
        ("a little", None),
        ("done 7", None),
        ("calf 3/10", None),
        ("what do you mean?", None),
        ("2 and 7", None),
        ("no pain, 4/10", None),
        ("", None),
    ],
)
def test_pain_score(text: str, expected: int | None) -> None:
    assert pain_score(text) == expected


@given(st.text(max_size=60))
def test_pain_score_is_on_the_scale_or_unclear(text: str) -> None:
    score = pain_score(text)
    assert score is None or 0 <= score <= 10


@given(st.integers(-100, 100))
def test_a_bare_number_is_taken_only_on_the_scale(value: int) -> None:
    assert pain_score(str(value)) == (value if 0 <= value <= 10 else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("settled", Feel.BETTER),
        ("Settled!", Feel.BETTER),
        ("fine", Feel.BETTER),
        ("all good", Feel.BETTER),
        ("feels good this morning", Feel.BETTER),
        ("back to normal", Feel.BETTER),
        ("better", Feel.BETTER),
        ("no pain", Feel.BETTER),
        ("about the same", Feel.SAME),
        ("same as yesterday", Feel.SAME),
        ("no change", Feel.SAME),
        ("not settled yet", Feel.SAME),
        ("not quite fine", Feel.SAME),
        ("still a bit sore", Feel.SAME),
        ("fine but a little achy", Feel.SAME),
        ("no worse", Feel.SAME),
        ("a bit worse", Feel.WORSE),
        ("stiffer than yesterday", Feel.WORSE),
        ("fine but stiffer", Feel.WORSE),
        ("more sore than before", Feel.WORSE),
        ("it hurts more today", Feel.WORSE),
        ("hmm", None),
        ("what's for today?", None),
        ("", None),
    ],
)
def test_morning_feel(text: str, expected: Feel | None) -> None:
    assert morning_feel(text) is expected


@given(st.text(max_size=80))
def test_morning_feel_never_raises(text: str) -> None:
    assert morning_feel(text) in (None, *Feel)
