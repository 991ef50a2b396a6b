"""A parkrun the runner races is a hard day: no jumps nor strength the day before
(docs/coaching.md, "Programme: placement"; ``bot.core.raced``).

Trial finding: a jump day landed the day before a Saturday parkrun. A parkrun is an easy
run unless the runner says they race it; raced, it is a key session.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.raced import PARKRUN_DAY, mentions_parkrun, raced_days, with_raced
from bot.core.records import RunnerProfile
from bot.core.vocabulary import Category

from .test_placement import block_plans, runner_weeks, starts

DAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SAT = PARKRUN_DAY


@pytest.mark.parametrize(
    ("said", "raced"),
    [
        ("parkrun flat out on saturday", {SAT}),
        ("I race parkrun on saturdays", {SAT}),
        ("parkrun saturday, I race it", {SAT}),
        ("saturday parkrun (racing it)", {SAT}),
        ("race parkrun sat", {SAT}),
        ("i race parkrun", {SAT}),  # parkrun's day when none is named
        ("saturday parkrun PB attempts", {SAT}),
        ("parkrun sat as a tempo", {SAT}),
        ("parkrun on sunday, all out", {6}),
        ("long run sunday, parkrun saturday flat out, intervals tuesday", {SAT}),
        ("I do parkrun every saturday and race it", {SAT}),
        ("I race most saturdays", {SAT}),
        # said with doubt: raced (the cautious reading)
        ("parkrun sat, usually easy, sometimes race it", {SAT}),
        # easy, or not said to be raced
        ("sat parkrun, long run sunday", set()),
        ("easy parkrun saturday", set()),
        ("parkrun saturday but I don't race it", set()),
        ("parkrun saturday, never race it", set()),
        ("parkrun saturday, not flat out", set()),
        ("intervals tuesday hard, parkrun saturday", set()),
        # another run or race named: not the parkrun's
        ("long run sunday, I race it", set()),
        ("parkrun saturday, I race a half in april", set()),
        ("I race a half marathon", set()),
        # one date, not a weekly habit: a race date, read elsewhere
        ("racing parkrun this saturday", set()),
        ("race on 12 april", set()),
    ],
)
def test_which_runs_are_raced(said: str, raced: set[int]) -> None:
    assert raced_days(said) == raced


@settings(max_examples=200, deadline=None)
@given(
    day=st.integers(0, 6),
    effort=st.sampled_from(["race it", "flat out", "all out", "go for a PB", "race"]),
    denied=st.sampled_from(["", "don't", "never", "not"]),
    order=st.booleans(),
)
def test_a_parkrun_said_raced_is_its_day_unless_denied(
    day: int, effort: str, denied: str, order: bool
) -> None:
    parkrun = f"parkrun {DAY_WORDS[day]}" if order else f"{DAY_WORDS[day]} parkrun"
    said = f"{parkrun}, {denied} {effort}".replace("  ", " ")
    assert raced_days(said) == (frozenset() if denied else frozenset({day})), said
    assert mentions_parkrun(said)


@settings(max_examples=200, deadline=None)
@given(runner_weeks(), st.frozensets(st.integers(0, 6)))
def test_raced_days_join_the_hard_days(profile: RunnerProfile, raced: frozenset[int]) -> None:
    after = with_raced(profile, raced)
    assert after.hard_days == profile.hard_days | (raced - {profile.long_run_day})
    assert after.long_run_day not in after.hard_days
    assert raced <= after.key_days  # the long run's day is key already
    assert with_raced(after, raced) == after
    assert replace(after, hard_days=profile.hard_days) == profile  # nothing else changes


@settings(max_examples=40, deadline=None)
@given(runner_weeks(), starts, st.integers(0, 6))
def test_no_jumps_nor_strength_the_day_before_a_raced_parkrun(
    profile: RunnerProfile, start: date, parkrun: int
) -> None:
    raced = with_raced(
        replace(profile, run_days=profile.run_days | {parkrun}), frozenset({parkrun})
    )
    for plan in block_plans(raced, start, 2):
        if (plan.on + timedelta(days=1)).weekday() == parkrun:
            assert plan.category not in (Category.DYNAMIC, Category.STATIC), plan
