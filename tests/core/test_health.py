"""The health screen's rules: what each answer changes in the plan (bot/core/health.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.content import CONTACT_RANGES, Content
from bot.core.health import (
    Health,
    ImpactLimit,
    asks_about_bone_pain,
    impact_limit,
    impact_returns_on,
    low_impact_volume,
)
from bot.core.phases import PhaseState
from bot.core.planner import DailyPlan, Planner
from bot.core.records import Completion, RunnerProfile
from bot.core.vocabulary import Category, Level, Phase

from .conftest import shipped_content
from .test_planner_properties import profiles, reports, simulate

DAY = date(2026, 12, 1)  # a Tuesday
_CONTACTS = re.compile(r"(\d+) foot contacts( each side)?")


def _block(started: date, block: int = 1) -> PhaseState:
    return PhaseState(Phase.DYNAMIC_BLOCK, started_on=started, block_number=block, newcomer=False)


def _impact(plan: DailyPlan, content: Content) -> list[str]:
    return [e.exercise_id for e in plan.exercises if content.exercises[e.exercise_id].impact]


def _contacts(plan: DailyPlan) -> int:
    total = 0
    for exercise in plan.exercises:
        if (found := _CONTACTS.fullmatch(exercise.dose)) is not None:
            total += int(found.group(1)) * (2 if found.group(2) else 1)
    return total


# ---------------------------------------------------------------- the pure rules


def test_nothing_said_changes_nothing() -> None:
    health = Health()
    assert impact_limit(health, DAY) is None
    assert not low_impact_volume(health)
    assert impact_returns_on(health) is None


def test_pregnancy_keeps_impact_out_until_ended() -> None:
    assert impact_limit(Health(pregnant=True), date(2040, 1, 1)) is ImpactLimit.PREGNANT


def test_a_birth_keeps_impact_out_for_twelve_weeks_even_when_ended() -> None:
    born = date(2026, 10, 1)
    ended = Health(birth_on=born)  # the runner ended it in /settings
    assert impact_returns_on(ended) == born + timedelta(weeks=12)
    assert impact_limit(ended, born + timedelta(weeks=12, days=-1)) is ImpactLimit.POSTPARTUM
    assert impact_limit(ended, born + timedelta(weeks=12)) is None
    still = Health(postpartum=True, birth_on=born)  # not ended: stays out after 12 weeks
    assert impact_limit(still, born + timedelta(weeks=30)) is ImpactLimit.POSTPARTUM


def test_a_birth_near_the_end_of_the_calendar_does_not_overflow() -> None:
    assert impact_returns_on(Health(birth_on=date.max)) == date.max


def test_the_bone_pain_question_comes_once_a_week_on_a_dynamic_day() -> None:
    health = Health(past_bone_stress=True)
    assert asks_about_bone_pain(health, Category.DYNAMIC, [], DAY)
    assert not asks_about_bone_pain(health, Category.MOBILITY, [], DAY)
    assert not asks_about_bone_pain(Health(), Category.DYNAMIC, [], DAY)
    monday = Completion(DAY - timedelta(days=1), Category.DYNAMIC, "s")
    assert not asks_about_bone_pain(health, Category.DYNAMIC, [monday], DAY)
    last_week = Completion(DAY - timedelta(days=3), Category.DYNAMIC, "s")
    assert asks_about_bone_pain(health, Category.DYNAMIC, [last_week], DAY)


# ---------------------------------------------------------------- the planner


@pytest.mark.parametrize("level", list(Level))
def test_a_past_stress_fracture_keeps_jump_work_at_the_low_end(
    planner: Planner, content: Content, level: Level
) -> None:
    low, _ = CONTACT_RANGES[level]
    profile = RunnerProfile(level=level, health=Health(past_bone_stress=True))
    found = 0
    for offset in range(35):
        day = DAY + timedelta(days=offset)
        plan = planner.plan_for(profile, _block(DAY - timedelta(days=21), 3), [], [], day)
        usual = planner.plan_for(
            replace(profile, health=Health()), _block(DAY - timedelta(days=21), 3), [], [], day
        )
        if plan.category is Category.DYNAMIC:
            found += 1
            assert 0 < _contacts(plan) <= low
            assert _contacts(plan) <= _contacts(usual)
            assert any("stress fracture" in line for line in plan.adjustments)
    assert found


@pytest.mark.parametrize(
    "health", [Health(pregnant=True), Health(postpartum=True), Health(birth_on=DAY)]
)
def test_pregnancy_or_a_recent_birth_means_no_impact_and_says_why(
    planner: Planner, content: Content, health: Health
) -> None:
    profile = RunnerProfile(level=Level.ADVANCED, health=health)
    for offset in range(14):
        day = DAY + timedelta(days=offset)
        plan = planner.plan_for(profile, _block(DAY - timedelta(days=7)), [], [], day)
        assert not _impact(plan, content)
        if not plan.is_rest:
            assert plan.advice is not None
            assert "clinician's go-ahead" in plan.advice


healths = st.one_of(
    st.builds(Health, pregnant=st.just(True), past_bone_stress=st.booleans()),
    st.builds(
        Health,
        postpartum=st.just(True),
        birth_on=st.none() | st.dates(date(2023, 1, 1), date(2031, 12, 31)),
    ),
)


@settings(max_examples=60, deadline=None)
@given(
    profiles,
    healths,
    st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    st.dictionaries(st.integers(0, 89), reports, max_size=4),
)
def test_pregnant_or_postpartum_runners_never_get_impact_work(
    profile: RunnerProfile, health: Health, start: date, felt: dict[int, object]
) -> None:
    content = shipped_content()
    run = simulate(replace(profile, health=health), start, 90, report_days=felt)  # type: ignore[arg-type]
    for _, _, plan in run.days:
        assert not _impact(plan, content), plan


@settings(max_examples=60, deadline=None)
@given(
    profiles,
    st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    st.integers(0, 83),
    st.integers(0, 200),
)
def test_under_twelve_weeks_after_a_birth_no_impact_on_any_date(
    profile: RunnerProfile, born: date, days_after: int, block_started_before: int
) -> None:
    """Even with the setting ended, a known birth keeps impact out for 12 weeks."""
    content = shipped_content()
    planner = Planner(content)
    day = born + timedelta(days=days_after)
    state = _block(day - timedelta(days=block_started_before % 42), 1 + block_started_before % 3)
    plan = planner.plan_for(replace(profile, health=Health(birth_on=born)), state, [], [], day)
    assert not _impact(plan, content)
