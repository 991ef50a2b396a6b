"""/settings shows a break on now or planned, with the command that changes it."""

from __future__ import annotations

from datetime import date, time

from bot.core.records import RunnerProfile
from bot.core.vocabulary import Equipment, Level, Phase
from bot.presentation.settings import settings_message

PROFILE = RunnerProfile(Level.BEGINNER, False, frozenset({Equipment.BAND}))
TODAY = date(2026, 12, 17)


def _settings(
    phase: Phase,
    paused_until: date | None = None,
    planned_break: tuple[date, date | None] | None = None,
) -> str:
    return settings_message(
        PROFILE,
        phase,
        None,
        time(7),
        "Europe/London",
        today=TODAY,
        paused_until=paused_until,
        planned_break=planned_break,
    )


def test_no_break_no_line() -> None:
    assert "Break" not in _settings(Phase.BASE)


def test_a_break_on_now_says_until_when_and_how_to_come_back() -> None:
    text = _settings(Phase.PAUSED, paused_until=date(2026, 12, 28))
    assert "Break: on now, until Mon 28 Dec 2026 (/resume to come back early)" in text


def test_an_open_break_says_so() -> None:
    assert "until you're back" in _settings(Phase.PAUSED)


def test_a_planned_break_shows_its_days() -> None:
    text = _settings(Phase.BASE, planned_break=(date(2026, 12, 23), date(2026, 12, 28)))
    assert "Break planned: from Wed 23 Dec 2026 to Mon 28 Dec 2026 (/resume to call it off)" in text
