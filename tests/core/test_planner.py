"""Hand-worked cases for the daily planner."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from bot.core.content import Content, Part
from bot.core.phases import PhaseState
from bot.core.planner import DailyPlan, Planner
from bot.core.records import BodyReport, Completion, CompletionStatus, RunnerProfile
from bot.core.vocabulary import (
    Area,
    Category,
    Equipment,
    Level,
    Phase,
    RedFlag,
    ReportKind,
    Side,
    listed,
)

TUESDAY = date(2026, 12, 1)
BLOCK = PhaseState(Phase.DYNAMIC_BLOCK, started_on=TUESDAY - timedelta(days=15), block_number=1)
RUNNER = RunnerProfile(level=Level.INTERMEDIATE)
THURSDAY = TUESDAY + timedelta(days=2)


def loaded_areas(plan: DailyPlan, content: Content) -> set[Area]:
    return {area for e in plan.exercises for area in content.exercises[e.exercise_id].loads}


def categories(plan: DailyPlan, content: Content) -> set[Category]:
    return {content.exercises[e.exercise_id].category for e in plan.exercises}


def test_thursday_in_a_dynamic_block_is_a_dynamic_day(planner: Planner) -> None:
    # Unlogged days count as done as planned: Mon 30 Nov had jumps, the next are Thursday's.
    plan = planner.plan_for(RUNNER, BLOCK, [], [], THURSDAY)
    assert plan.category is Category.DYNAMIC
    assert plan.why == "Jumps today, 3 days after the last ones, week 3 of 7 in your dynamic block."
    assert 10 <= plan.minutes <= 30
    assert plan.exercises
    assert all(e.dose and e.cue for e in plan.exercises)


def test_no_dynamic_day_after_a_dynamic_day(planner: Planner) -> None:
    tuesday = planner.plan_for(RUNNER, BLOCK, [], [], TUESDAY)
    assert tuesday.session_id is not None
    history = [Completion(TUESDAY, Category.DYNAMIC, tuesday.session_id)]
    for offset in (1, 2):
        day = TUESDAY + timedelta(days=offset)
        assert planner.plan_for(RUNNER, BLOCK, history, [], day).category is not Category.DYNAMIC


def test_a_skipped_dynamic_day_moves_to_the_next_day(planner: Planner) -> None:
    history = [Completion(THURSDAY, Category.DYNAMIC, "x", CompletionStatus.SKIPPED)]
    friday = THURSDAY + timedelta(days=1)
    assert planner.plan_for(RUNNER, BLOCK, history, [], friday).category is Category.DYNAMIC


def test_beginners_ease_in_with_one_dynamic_day_a_week(planner: Planner) -> None:
    beginner = RunnerProfile(level=Level.BEGINNER)
    start = replace(BLOCK, started_on=TUESDAY)
    plans = planner.week_ahead(beginner, start, [], [], TUESDAY - timedelta(days=1))
    assert sum(p.category is Category.DYNAMIC for p in plans) == 1


def test_same_inputs_give_the_same_plan_even_after_logging_it(planner: Planner) -> None:
    first = planner.plan_for(RUNNER, BLOCK, [], [], TUESDAY)
    assert first.session_id is not None
    logged = [Completion(TUESDAY, Category.DYNAMIC, first.session_id, rpe=6)]
    assert planner.plan_for(RUNNER, BLOCK, logged, [], TUESDAY) == first


def test_race_season_has_no_dynamic_work(planner: Planner) -> None:
    race = replace(BLOCK, phase=Phase.RACE_SEASON, race_date=TUESDAY + timedelta(days=10))
    plans = planner.week_ahead(RUNNER, race, [], [], TUESDAY)
    assert all(p.category is not Category.DYNAMIC for p in plans)
    assert any(p.category is Category.STATIC for p in plans)
    assert "to go: no jump work now" in plans[0].why


def test_race_day_is_a_rest_day(planner: Planner) -> None:
    race = replace(BLOCK, phase=Phase.RACE_SEASON, race_date=TUESDAY)
    assert planner.plan_for(RUNNER, race, [], [], TUESDAY).is_rest


def test_paused_runners_and_rest_days_get_no_session(planner: Planner) -> None:
    paused = replace(BLOCK, phase=Phase.PAUSED, paused_until=TUESDAY + timedelta(days=3))
    plan = planner.plan_for(RUNNER, paused, [], [], TUESDAY)
    assert plan.is_rest
    assert "Fri 04 Dec" in plan.why
    resting = replace(RUNNER, rest_days=frozenset({TUESDAY.weekday()}))
    assert planner.plan_for(resting, BLOCK, [], [], TUESDAY).is_rest


def report(area: Area, kind: ReportKind, severity: int | None, *flags: RedFlag) -> BodyReport:
    return BodyReport(TUESDAY, area, kind, Side.LEFT, severity, frozenset(flags))


def test_mild_soreness_changes_nothing(planner: Planner) -> None:
    plain = planner.plan_for(RUNNER, BLOCK, [], [], TUESDAY)
    mild = planner.plan_for(
        RUNNER, BLOCK, [], [report(Area.CALVES, ReportKind.SORENESS, 3)], TUESDAY
    )
    assert mild == plain


def test_warning_soreness_spares_the_area_in_jump_work(planner: Planner, content: Content) -> None:
    sore = [report(Area.CALVES, ReportKind.SORENESS, 5)]
    plan = planner.plan_for(RUNNER, BLOCK, [], sore, TUESDAY)
    for exercise in plan.exercises:
        spec = content.exercises[exercise.exercise_id]
        if spec.category is Category.DYNAMIC:
            assert Area.CALVES not in spec.loads
    assert any("calves sore at 5/10" in line for line in plan.adjustments)


@pytest.mark.parametrize(
    "sore",
    [
        report(Area.CALVES, ReportKind.SORENESS, 6),
        report(Area.CALVES, ReportKind.PAIN, 2),
        report(Area.KNEE, ReportKind.PAIN, None),
        report(Area.HAMSTRINGS, ReportKind.SORENESS, 9),
    ],
)
def test_high_soreness_or_pain_loads_nothing_there(
    planner: Planner, content: Content, sore: BodyReport
) -> None:
    for offset in range(7):
        day = TUESDAY + timedelta(days=offset)
        plan = planner.plan_for(RUNNER, BLOCK, [], [replace(sore, on=day)], day)
        assert sore.area not in loaded_areas(plan, content)


def test_mild_reports_fade_after_three_days(planner: Planner) -> None:
    old = report(Area.CALVES, ReportKind.TIGHTNESS, None)
    later = TUESDAY + timedelta(days=3)
    assert planner.plan_for(RUNNER, BLOCK, [], [old], later) == planner.plan_for(
        RUNNER, BLOCK, [], [], later
    )


def test_unsettled_pain_counts_until_followed_up_for_a_week(
    planner: Planner, content: Content
) -> None:
    # Changed on purpose (issue 11): pain no longer expires silently after three days.
    old = report(Area.CALVES, ReportKind.PAIN, 7)
    for offset in range(3, 7):
        day = TUESDAY + timedelta(days=offset)
        assert Area.CALVES not in loaded_areas(
            planner.plan_for(RUNNER, BLOCK, [], [old], day), content
        )
    week_on = TUESDAY + timedelta(days=7)
    assert planner.plan_for(RUNNER, BLOCK, [], [old], week_on) == planner.plan_for(
        RUNNER, BLOCK, [], [], week_on
    )


def test_a_red_flag_stops_jumps_and_points_to_a_physio(planner: Planner, content: Content) -> None:
    # (A hip flag with night pain is a suspected bone stress injury: tests/core/test_triage.py.)
    flagged = [report(Area.KNEE, ReportKind.PAIN, 4, RedFlag.SWELLING)]
    plan = planner.plan_for(RUNNER, BLOCK, [], flagged, TUESDAY)
    assert Category.DYNAMIC not in categories(plan, content)
    assert plan.category is not Category.DYNAMIC
    assert Area.KNEE not in loaded_areas(plan, content)
    assert plan.advice is not None
    assert "physiotherapist or doctor" in plan.advice
    assert "swelling" in plan.advice


def test_a_recovery_hold_spares_the_held_area(planner: Planner, content: Content) -> None:
    hold = PhaseState(
        Phase.RECOVERY_HOLD,
        started_on=TUESDAY,
        held_areas=frozenset({Area.ACHILLES}),
        resume_phase=Phase.DYNAMIC_BLOCK,
        resume_started_on=BLOCK.started_on,
    )
    for plan in planner.week_ahead(RUNNER, hold, [], [], TUESDAY):
        assert plan.category is not Category.DYNAMIC
        assert Area.ACHILLES not in loaded_areas(plan, content)
        assert plan.advice is not None


def test_tightness_adds_mobility_for_the_area(planner: Planner, content: Content) -> None:
    tight = [report(Area.HAMSTRINGS, ReportKind.TIGHTNESS, 4)]
    plan = planner.plan_for(RUNNER, BLOCK, [], tight, TUESDAY)
    extra = [e for e in plan.exercises if e.note == "extra for your tight hamstrings"]
    assert extra
    assert Area.HAMSTRINGS in content.exercises[extra[0].exercise_id].targets


def test_desk_workers_get_extra_hip_flexor_work(planner: Planner, content: Content) -> None:
    desk = replace(RUNNER, desk_job=True)
    for plan in planner.week_ahead(desk, BLOCK, [], [], TUESDAY):
        if plan.is_rest:
            continue
        stretches = [
            e
            for e in plan.exercises
            if content.exercises[e.exercise_id].category is Category.MOBILITY
            and e.part is not Part.WARM_UP
            and Area.HIP_FLEXORS in content.exercises[e.exercise_id].targets
        ]
        extra = [e for e in plan.exercises if "desk hours" in (e.note or "")]
        assert len(extra) == 1  # every day stretches the hip flexors for the desk hours once
        assert extra[0] in stretches


@pytest.mark.parametrize("kit", [frozenset(), frozenset({Equipment.BAND}), frozenset(Equipment)])
def test_kit_the_runner_lacks_is_never_prescribed(
    planner: Planner, content: Content, kit: frozenset[Equipment]
) -> None:
    runner = replace(RUNNER, equipment=kit)
    for level in Level:
        for phase in (Phase.BASE, Phase.DYNAMIC_BLOCK, Phase.REST_PHASE):
            state = replace(BLOCK, phase=phase)
            for plan in planner.week_ahead(replace(runner, level=level), state, [], [], TUESDAY):
                for exercise in plan.exercises:
                    assert content.exercises[exercise.exercise_id].needs <= kit


def test_check_in_question_in_weeks_four_to_six_only(planner: Planner) -> None:
    questions = {}
    for week in range(1, 9):
        state = replace(BLOCK, started_on=TUESDAY - timedelta(weeks=week - 1))
        questions[week] = planner.plan_for(RUNNER, state, [], [], TUESDAY).check_in
    assert [w for w, q in questions.items() if q] == [4, 5, 6]
    assert "push-off" in (questions[4] or "")


def test_no_check_in_question_on_the_way_back(planner: Planner) -> None:
    state = replace(BLOCK, started_on=TUESDAY - timedelta(weeks=3), way_back_stage=1)
    assert planner.plan_for(RUNNER, state, [], [], TUESDAY).check_in is None


def test_later_blocks_start_where_the_responses_put_them_not_at_the_block_count(
    planner: Planner,
) -> None:
    # issue 12: without effort ratings a block neither steps up nor back
    first = planner.plan_for(RUNNER, BLOCK, [], [], THURSDAY)
    third = planner.plan_for(RUNNER, replace(BLOCK, block_number=3), [], [], THURSDAY)
    assert [e.exercise_id for e in first.exercises] == [e.exercise_id for e in third.exercises]


def test_base_phase_has_static_strength_twice_a_week(planner: Planner) -> None:
    base = PhaseState(Phase.BASE, started_on=TUESDAY)
    plans = planner.week_ahead(RUNNER, base, [], [], TUESDAY)
    assert sum(p.category is Category.STATIC for p in plans) >= 2
    assert all(p.category is not Category.DYNAMIC for p in plans)
    assert plans[0].why == "Mobility day, week 1 of your base phase."


def test_exercises_left_out_are_named_in_one_line(planner: Planner) -> None:
    knee = [report(Area.KNEE, ReportKind.PAIN, None)]
    for offset in range(7):
        plan = planner.plan_for(RUNNER, BLOCK, [], knee, TUESDAY + timedelta(days=offset))
        assert (
            sum(line.startswith("Left out") and "harder" not in line for line in plan.adjustments)
            <= 1
        )


@pytest.mark.parametrize(
    ("names", "said"),
    [(["cat-cow"], "cat-cow"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_listed_names_read_as_a_sentence(names: list[str], said: str) -> None:
    assert listed(names) == said


def test_sore_legs_all_over_make_a_rest_day_not_an_empty_session(planner: Planner) -> None:
    legs = [report(Area.LEG, ReportKind.SORENESS, 6)]
    plan = planner.plan_for(RUNNER, BLOCK, [], legs, TUESDAY)
    assert plan.is_rest
    assert plan.exercises == ()


def test_a_painful_knee_takes_no_single_leg_weight(planner: Planner, content: Content) -> None:
    knee = [report(Area.KNEE, ReportKind.PAIN, None)]
    for offset in range(7):
        plan = planner.plan_for(RUNNER, BLOCK, [], knee, TUESDAY + timedelta(days=offset))
        ids = {e.exercise_id for e in plan.exercises}
        assert not ids & {"a-march", "single-leg-calf-raise", "hip-cars", "leg-swings-side"}
