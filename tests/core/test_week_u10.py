"""A session length said for one day or supposed is no setting (round-10 trial: "what if i
only have 10 mins today" set every session to 10 minutes)."""

from __future__ import annotations

import pytest

from bot.core.understanding.replies import parse_reminder_time
from bot.core.understanding.week import running_week


@pytest.mark.parametrize(
    "text", ["what if i only have 10 mins today", "only got 20 mins tonight", "if i have 30 min"]
)
def test_a_one_off_length_is_no_setting(text: str) -> None:
    said = running_week(text)
    assert said is None or said.minutes is None


@pytest.mark.parametrize(
    ("text", "minutes"), [("sessions of 10 mins please", 10), ("20 min sessions", 20)]
)
def test_a_length_asked_for_is_set(text: str, minutes: int) -> None:
    said = running_week(text)
    assert said is not None
    assert said.minutes == minutes


@pytest.mark.parametrize(
    ("text", "long_run", "hard"),
    [
        ("long run sunday intervals tuesday", 6, {1}),
        ("intervals tuesday long run sunday", 6, {1}),
        ("sunday long run", 6, set()),
    ],
)
def test_days_and_kinds_typed_without_commas(text: str, long_run: int, hard: set[int]) -> None:
    said = running_week(text)
    assert said is not None
    assert said.long_run_day == long_run
    assert said.hard_days == frozenset(hard)


@pytest.mark.parametrize(
    ("text", "at"), [("615 pls", "06:15"), ("0630", "06:30"), ("730pm", "19:30"), ("1930", "19:30")]
)
def test_a_time_answered_as_run_together_digits(text: str, at: str) -> None:
    found = parse_reminder_time(text)
    assert found is not None
    assert f"{found:%H:%M}" == at


@pytest.mark.parametrize("text", ["2400", "960", "615 tomorrow"])
def test_run_together_digits_that_are_no_time(text: str) -> None:
    assert parse_reminder_time(text) is None
