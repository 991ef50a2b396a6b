"""A sore area at 4-5/10 gets no jumps and no strength aimed at it (docs/coaching.md, "Loads"
and "Pain that still allows loading an area").

Trial finding: "calves 5/10" kept the single-leg calf raises in the next strength session,
with only a note about jump work. The rule is general: every area, by the exercises'
``targets`` (strength) and ``loads`` (jumps); mobility stays.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings

from bot.core.content import Content, Part
from bot.core.phases import DayPassed, PhaseState, transition
from bot.core.planner import DailyPlan, Planner
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.triage import NEIGHBOURS
from bot.core.vocabulary import Area, Category, Phase, ReportKind, Side

from .test_planner_loads import RUNNER_IDS, RUNNERS, SHARED, Day, Life, latest_reports, live, lives

MODERATE = (4, 5)  # above ACCEPTABLE_SORENESS (3), not above WARNING_SORENESS (5)


def sore(day: Day) -> set[Area]:
    """Areas whose latest report of the last few days is soreness at 4-5/10 or with no
    number, worked out from the rulebook, not from the planner ("leg": all of it)."""
    areas: set[Area] = set()
    for area, report in latest_reports(day.reports, day.today).items():
        moderate = report.severity is None or report.severity in MODERATE
        if report.kind is ReportKind.SORENESS and not report.red_flags and moderate:
            areas |= {area} | (NEIGHBOURS[Area.LEG] if area is Area.LEG else set())
    return areas


@settings(max_examples=120, deadline=None)
@given(lives)
def test_no_jump_nor_strength_works_a_sore_area(life: Life) -> None:
    content = SHARED.content
    for day in live(life, SHARED):
        spared = sore(day)
        for planned in day.plan.exercises:
            exercise = content.exercises[planned.exercise_id]
            if exercise.category is Category.STATIC:
                assert not spared & set(exercise.targets), (day.today, exercise.id, spared)
            if exercise.category is Category.DYNAMIC:
                assert not spared & set(exercise.loads), (day.today, exercise.id, spared)


# --- scenarios --------------------------------------------------------------------------------

START = date(2026, 11, 2)  # a Monday
BASE = PhaseState(Phase.BASE, started_on=START, block_number=1, newcomer=False)
#: An area, and the strength work aimed at it that a careful physio would not give it sore.
AIMED_AT = {
    Area.CALVES: {"single-leg-calf-raise", "calf-raise", "weighted-calf-raise"},
    Area.HAMSTRINGS: {"single-leg-glute-bridge", "nordic-hamstring-curl", "single-leg-rdl"},
    Area.GROIN: {"copenhagen-plank-short", "copenhagen-plank-long", "side-lying-adductor-lift"},
}


@dataclass(frozen=True)
class Found:
    """A strength day whose session works an area, and what led up to it."""

    state: PhaseState
    history: tuple[Completion, ...]
    plan: DailyPlan

    def with_report(self, planner: Planner, runner: RunnerProfile, said: BodyReport) -> DailyPlan:
        """The same day's plan once ``said`` is reported."""
        return planner.plan_for(runner, self.state, self.history, [said], self.plan.on)


def strength_day_working(
    planner: Planner, content: Content, runner: RunnerProfile, area: Area
) -> Found:
    """The first strength day from the start of a base phase whose session works ``area``,
    every session before it done."""
    state, history = BASE, list[Completion]()
    for offset in range(56):
        on = START + timedelta(days=offset)
        if offset:
            state = transition(state, DayPassed(), on).state
        plan = planner.plan_for(runner, state, history, [], on)
        if plan.category is Category.STATIC and any(
            area in content.exercises[e.exercise_id].targets for e in plan.exercises
        ):
            return Found(state, tuple(history), plan)
        if plan.category is not None and plan.session_id is not None:
            history.append(Completion(on, plan.category, plan.session_id))
    raise AssertionError(f"no strength day works the {area.label}")


def report(area: Area, on: date, severity: int | None) -> BodyReport:
    return BodyReport(on, area, ReportKind.SORENESS, Side.LEFT, severity)


@pytest.mark.parametrize("runner", RUNNERS, ids=RUNNER_IDS)
@pytest.mark.parametrize("area", list(AIMED_AT))
@pytest.mark.parametrize("severity", [4, 5, None])
def test_strength_aimed_at_a_sore_area_is_swapped_or_left_out(
    planner: Planner, content: Content, runner: RunnerProfile, area: Area, severity: int | None
) -> None:
    found = strength_day_working(planner, content, runner, area)
    after = found.with_report(planner, runner, report(area, found.plan.on, severity))
    for planned in after.exercises:
        exercise = content.exercises[planned.exercise_id]
        if exercise.category is not Category.MOBILITY:
            assert area not in exercise.targets, (planned.exercise_id, after.on)
        assert planned.exercise_id not in AIMED_AT[area]
    said = f"{area.label} sore{'' if severity is None else f' at {severity}/10'}"
    assert f"{said}: no jumps or strength work aimed at {area.it}" in after.adjustments
    if after.category is Category.STATIC:  # what was swapped says why
        swapped = [e.note for e in after.exercises if e.note and "instead of" in e.note]
        assert all(f"spares your {area.label}" in note for note in swapped if area.label in note)


@pytest.mark.parametrize("severity", [3, 6])
def test_the_rule_is_for_4_to_5_only(planner: Planner, content: Content, severity: int) -> None:
    """3/10 is fine to train on (nothing changes); above 5 nothing loads it at all."""
    runner = RUNNERS[0]
    found = strength_day_working(planner, content, runner, Area.CALVES)
    after = found.with_report(planner, runner, report(Area.CALVES, found.plan.on, severity))
    if severity == 3:
        assert [e.exercise_id for e in after.exercises] == [
            e.exercise_id for e in found.plan.exercises
        ]
    else:
        loaded = {a for e in after.exercises for a in content.exercises[e.exercise_id].loads}
        assert Area.CALVES not in loaded


def test_mobility_for_a_sore_area_stays(planner: Planner, content: Content) -> None:
    """Gentle mobility is fine at 4-5/10: a calf stretch planned for the day stays."""
    for runner in RUNNERS:
        week = planner.week_ahead(runner, BASE, [], [], START, days=14)
        day = next(
            plan
            for plan in week
            if plan.category is Category.MOBILITY
            and any(_stretches(content, e.exercise_id, Area.CALVES) for e in plan.exercises)
        )
        history = [
            Completion(p.on, p.category, p.session_id)
            for p in week
            if p.on < day.on and p.category is not None and p.session_id is not None
        ]
        state = replace(BASE)
        for offset in range(1, (day.on - START).days + 1):
            state = transition(state, DayPassed(), START + timedelta(days=offset)).state
        after = planner.plan_for(runner, state, history, [report(Area.CALVES, day.on, 5)], day.on)
        assert [e.exercise_id for e in after.exercises] == [e.exercise_id for e in day.exercises]


def _stretches(content: Content, exercise_id: str, area: Area) -> bool:
    exercise = content.exercises[exercise_id]
    return exercise.category is Category.MOBILITY and area in exercise.targets


def test_a_strength_day_sore_legs_empty_becomes_mobility(
    planner: Planner, content: Content
) -> None:
    """ "Legs sore 4/10": every lower-limb area is spared, so no strength day is left; the
    day is mobility, and says why."""
    for runner in RUNNERS:
        found = strength_day_working(planner, content, runner, Area.CALVES)
        after = found.with_report(planner, runner, report(Area.LEG, found.plan.on, 4))
        assert after.category is Category.MOBILITY
        assert after.why.startswith("Mobility instead of strength today")
        assert any(e.part is Part.MAIN for e in after.exercises)


def test_a_sore_area_during_a_block_keeps_the_same_rule(planner: Planner, content: Content) -> None:
    block = replace(BASE, phase=Phase.DYNAMIC_BLOCK, block_number=2)
    for runner in RUNNERS:
        for offset in range(14):
            on = START + timedelta(days=offset)
            plan = planner.plan_for(runner, block, [], [report(Area.HAMSTRINGS, on, 5)], on)
            for planned in plan.exercises:
                exercise = content.exercises[planned.exercise_id]
                if exercise.category is Category.STATIC:
                    assert Area.HAMSTRINGS not in exercise.targets, (on, exercise.id)
                if exercise.category is Category.DYNAMIC:
                    assert Area.HAMSTRINGS not in exercise.loads, (on, exercise.id)
