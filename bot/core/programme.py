"""A new runner's programme, day by day, without a database: what ``hipcoach plan`` prints.

The runner finishes onboarding on ``start`` (with their race and its distance set, if any;
their running week is the profile's) and then does
every session the planner gives them, with no reports: the plan a coach or reviewer reads
to judge the programme's design.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.core.phases import OnboardingFinished, RaceDateSet, new_runner, transition
from bot.core.planner import DailyPlan, Planner
from bot.core.records import RunnerProfile
from bot.core.vocabulary import Level

__all__ = ["MAX_WEEKS", "programme"]

MAX_WEEKS = 104


def programme(
    planner: Planner,
    profile: RunnerProfile,
    start: date,
    weeks: int,
    race: date | None = None,
) -> list[DailyPlan]:
    """Every day's plan from ``start`` for ``weeks`` weeks, each session assumed done."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be 1-{MAX_WEEKS}")
    state = replace(new_runner(start), race_distance=profile.race_distance)
    if race is not None:
        state = transition(state, RaceDateSet(race), start).state
    newcomer = profile.level is Level.BEGINNER
    state = transition(state, OnboardingFinished(newcomer=newcomer), start).state
    return planner.week_ahead(profile, state, [], [], start, days=weeks * 7)
