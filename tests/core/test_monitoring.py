"""Pain monitoring over days (docs/coaching.md, "Pain that still allows loading an area" and
"Following a report up"): worse the next morning, week-on-week rises, follow-ups that keep a
report counting until it settles."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.followup import areas_to_ask_about
from bot.core.monitoring import (
    FOLLOW_UP_DAYS,
    REPORT_MEMORY_DAYS,
    active_reports,
    needs_follow_up,
    worsened,
)
from bot.core.phases import PhaseState
from bot.core.records import BodyReport, RunnerProfile
from bot.core.restrictions import restrictions_for
from bot.core.understanding import IntentKind, understand
from bot.core.vocabulary import Area, Equipment, Level, Phase, ReportKind, Side

from .conftest import shipped_content
from .test_planner_loads import SHARED

DAY = date(2026, 3, 10)


def felt(
    days_ago: int,
    kind: ReportKind = ReportKind.SORENESS,
    severity: int | None = None,
    *,
    area: Area = Area.ACHILLES,
    worse: bool = False,
) -> BodyReport:
    return BodyReport(DAY - timedelta(days=days_ago), area, kind, Side.LEFT, severity, worse=worse)


# --- understanding: "worse the next morning" is a report modifier ---------------------------


@pytest.mark.parametrize(
    ("text", "area", "kind"),
    [
        ("achilles pain 4/10, worse next morning", Area.ACHILLES, ReportKind.PAIN),
        ("calf was fine yesterday but stiffer and sorer this morning", Area.CALVES, None),
        ("my left calf is worse this morning", Area.CALVES, ReportKind.SORENESS),
        ("hip flexors stiffer in the morning", Area.HIP_FLEXORS, ReportKind.TIGHTNESS),
        ("shin hurts more than yesterday", Area.SHINS, ReportKind.PAIN),
        ("achilles 5/10 and worse the next morning", Area.ACHILLES, ReportKind.SORENESS),
        ("woke up with a stiffer right hamstring", Area.HAMSTRINGS, ReportKind.TIGHTNESS),
        ("knee sore after the hops, even sorer the next morning", Area.KNEE, ReportKind.SORENESS),
        ("my achilles felt more painful this morning than after the run", Area.ACHILLES, None),
        ("glutes achier this morning", Area.GLUTES, ReportKind.SORENESS),
    ],
)
def test_worse_by_the_morning_marks_the_report(
    text: str, area: Area, kind: ReportKind | None
) -> None:
    intent = understand(text, DAY)
    assert intent.report is not None, text
    assert intent.report.area is area
    assert intent.report.worse, text
    if kind is not None:
        assert intent.report.kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "achilles pain 4/10",
        "knee isn't worse this morning, 3/10",
        "calf no stiffer this morning, 2/10",
        "calves tight 3/10 this morning",
        "hamstring sore, was worse yesterday",
        "done 6/10, calves tight",
    ],
)
def test_no_worse_without_the_runner_saying_so(text: str) -> None:
    intent = understand(text, DAY)
    assert intent.report is None or not intent.report.worse, text


def test_worse_with_no_feeling_word_is_still_a_report() -> None:
    intent = understand("left calf worse this morning", DAY)
    assert intent.kind is IntentKind.BODY_REPORT
    assert intent.report is not None
    assert intent.report.worse


def test_a_run_that_builds_pain_is_still_a_warning_sign_not_worse_by_morning() -> None:
    intent = understand("shin pain builds during my run", DAY)
    assert intent.report is not None
    assert intent.report.red_flags
    assert not intent.report.worse


# --- which report counts, and which is worse -------------------------------------------------


def test_a_report_said_worse_is_worse() -> None:
    assert worsened(felt(0, worse=True), [])


@pytest.mark.parametrize(
    ("before", "now", "rise"),
    [
        (3, 5, True),
        (2, 3, True),
        (1, 2, False),  # inside the safe zone (0-2/10)
        (5, 5, False),
        (6, 4, False),
    ],
)
def test_a_rise_on_the_week_before_is_worse(before: int, now: int, rise: bool) -> None:
    earlier = felt(7, severity=before)
    assert worsened(felt(0, severity=now), [earlier]) is rise


def test_only_about_a_week_before_is_compared() -> None:
    assert not worsened(felt(0, severity=5), [felt(3, severity=2)])
    assert not worsened(felt(0, severity=5), [felt(10, severity=2)])
    assert not worsened(felt(0, severity=5), [felt(7, severity=2, area=Area.CALVES)])
    assert worsened(felt(0, severity=5), [felt(6, severity=2), felt(8, severity=7)])


def test_a_followed_up_report_counts_a_week_a_mild_one_three_days() -> None:
    pain = felt(0, ReportKind.PAIN, 4)
    mild = felt(0, ReportKind.TIGHTNESS, area=Area.CALVES)
    assert needs_follow_up(pain)
    assert not needs_follow_up(mild)
    for offset in range(10):
        day = DAY + timedelta(days=offset)
        active = active_reports([pain, mild], day)
        assert (Area.ACHILLES in active) is (offset < FOLLOW_UP_DAYS)
        assert (Area.CALVES in active) is (offset < REPORT_MEMORY_DAYS)


def test_a_settling_report_ends_the_follow_up_and_the_restriction() -> None:
    reports = [felt(3, ReportKind.PAIN, 6), felt(1, severity=2)]
    assert not areas_to_ask_about(reports, DAY)
    assert Area.ACHILLES not in restrictions_for(reports, frozenset(), DAY).no_load


def test_unsettled_pain_is_asked_about_every_morning_for_a_week() -> None:
    reports = [felt(0, ReportKind.PAIN, 4)]
    asked = [bool(areas_to_ask_about(reports, DAY + timedelta(days=offset))) for offset in range(9)]
    assert asked == [False, True, True, True, True, True, True, False, False]


def test_worse_stiffness_unloads_the_area() -> None:
    stiff = felt(0, ReportKind.TIGHTNESS, worse=True)
    limits = restrictions_for([stiff], frozenset(), DAY)
    assert Area.ACHILLES in limits.no_load
    assert Area.ACHILLES not in limits.tight
    assert any("worse than before" in reason for reason in limits.reasons)


def test_a_week_on_week_rise_unloads_the_area() -> None:
    reports = [felt(7, severity=2), felt(0, severity=4)]
    assert Area.ACHILLES in restrictions_for(reports, frozenset(), DAY).no_load
    steady = [felt(7, severity=4), felt(0, severity=4)]
    limits = restrictions_for(steady, frozenset(), DAY)
    assert Area.ACHILLES not in limits.no_load
    assert Area.ACHILLES in limits.caution


def test_worse_stays_unloaded_the_next_day_even_after_fine() -> None:
    worse = felt(1, ReportKind.PAIN, 4, worse=True)
    fine = felt(0, severity=0)
    assert Area.ACHILLES in restrictions_for([worse, fine], frozenset(), DAY).no_load
    later = DAY + timedelta(days=1)
    assert Area.ACHILLES not in restrictions_for([worse, fine], frozenset(), later).no_load


# --- property: a worse report never leaves its area loaded that day or the next -----------

other_reports = st.lists(
    st.builds(
        BodyReport,
        on=st.integers(-10, 1).map(lambda d: DAY + timedelta(days=d)),
        area=st.sampled_from(Area),
        kind=st.sampled_from(ReportKind),
        side=st.just(Side.LEFT),
        severity=st.none() | st.integers(0, 10),
        worse=st.booleans(),
    ),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(
    worse=st.builds(
        BodyReport,
        on=st.just(DAY),
        area=st.sampled_from([a for a in Area if a is not Area.LEG]),
        kind=st.sampled_from(ReportKind),
        side=st.just(Side.LEFT),
        severity=st.none() | st.integers(0, 10),
        worse=st.just(True),
    ),
    others=other_reports,
    profile=st.builds(
        RunnerProfile,
        level=st.sampled_from(Level),
        equipment=st.frozensets(st.sampled_from([e for e in Equipment if e is not Equipment.NONE])),
    ),
    state=st.builds(
        PhaseState,
        phase=st.sampled_from([Phase.BASE, Phase.DYNAMIC_BLOCK, Phase.REST_PHASE]),
        started_on=st.integers(0, 60).map(lambda d: DAY - timedelta(days=d)),
        newcomer=st.just(False),
    ),
    settled=st.none() | st.integers(0, 3),
)
def test_a_worse_report_never_leaves_its_area_loaded_that_day_or_the_next(
    worse: BodyReport,
    others: list[BodyReport],
    profile: RunnerProfile,
    state: PhaseState,
    settled: int | None,
) -> None:
    content = shipped_content()
    said = [worse, *others]
    if settled is not None:  # "it's fine now" the next morning does not load it yet
        said.append(
            BodyReport(DAY + timedelta(days=1), worse.area, ReportKind.SORENESS, severity=settled)
        )
    reports = sorted(said, key=lambda r: r.on)
    for offset in (0, 1):
        day = DAY + timedelta(days=offset)
        plan = SHARED.plan_for(profile, state, [], [r for r in reports if r.on <= day], day)
        for planned in plan.exercises:
            loads = content.exercises[planned.exercise_id].loads
            assert worse.area not in loads, (day, planned.exercise_id, worse.area)
