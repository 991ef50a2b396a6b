"""A phase change told after the day it began (the runner was away) says when it began."""

from __future__ import annotations

from datetime import date

from bot.core.phases import as_of


def test_a_change_told_later_says_when_it_began() -> None:
    said = as_of(
        "Your base phase is done: your first dynamic block starts today.",
        date(2026, 12, 15),
        date(2026, 12, 22),
    )
    assert said == "Your base phase is done: your first dynamic block began on Tue 15 Dec 2026."


def test_a_change_told_on_its_day_is_unchanged() -> None:
    reason = "Your first dynamic block starts today."
    assert as_of(reason, date(2026, 12, 15), date(2026, 12, 15)) == reason
