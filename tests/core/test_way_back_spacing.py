"""On the way back, strength days keep a day between them: stage 2 ("strength without
impact") alternates strength and mobility instead of strength every day."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from bot.core.phases import PhaseState
from bot.core.planner import Planner
from bot.core.records import Completion, CompletionStatus, RunnerProfile
from bot.core.vocabulary import Category, Equipment, Level, Phase

MONDAY = date(2026, 12, 28)


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize("offset", range(7))
@pytest.mark.parametrize("stage", [2, 3])
def test_no_two_strength_days_running_on_the_way_back(
    planner: Planner, level: Level, offset: int, stage: int
) -> None:
    today = MONDAY + timedelta(days=offset)
    profile = RunnerProfile(level, True, frozenset({Equipment.BAND}))
    state = PhaseState(
        Phase.DYNAMIC_BLOCK,
        started_on=today,
        block_number=1,
        way_back_stage=stage,
        way_back_since=today,
    )
    history = [
        Completion(
            today - timedelta(days=8),
            Category.MOBILITY,
            "beginner-gentle-mobility",
            CompletionStatus.DONE,
            5,
            None,
        )
    ]
    week = planner.week_ahead(profile, state, history, [], today, days=14)
    kinds = [plan.category for plan in week]
    assert Category.STATIC in kinds
    for before, after in pairwise(kinds):
        assert not (before is Category.STATIC and after is Category.STATIC), kinds
