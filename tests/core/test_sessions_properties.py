"""Rules every session keeps, whatever the runner's kit, level, ratings and week (issue 12).

Property tests (hypothesis) over simulated runners with random effort ratings, plus the
block-to-block progression rules of ``block_start_step``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.content import CONTACT_RANGES, Part
from bot.core.health import Health
from bot.core.phases import DayPassed, PhaseState, transition
from bot.core.planner import (
    LANDING_TIP,
    DailyPlan,
    Planner,
    _Day,
    block_start_step,
    contact_cap,
    intensity_ceiling,
)
from bot.core.records import Completion, RunnerProfile
from bot.core.restrictions import Restrictions
from bot.core.vocabulary import INTENSITY_RANK, Category, Equipment, Intensity, Level, Phase

from .conftest import shipped_content

PLANNER = Planner(shipped_content())

profiles = st.builds(
    RunnerProfile,
    level=st.sampled_from(Level),
    desk_job=st.booleans(),
    equipment=st.frozensets(st.sampled_from([e for e in Equipment if e is not Equipment.NONE])),
    dynamic_days=st.sampled_from([1, 2]),
)
starts = st.dates(date(2025, 1, 1), date(2029, 12, 31))
ratings = st.lists(st.none() | st.integers(0, 10), min_size=1, max_size=30)


@dataclass
class Run:
    """One simulated runner: each day's state and plan."""

    days: list[tuple[date, PhaseState, DailyPlan]] = field(default_factory=list)
    history: list[Completion] = field(default_factory=list)


def simulate(profile: RunnerProfile, start: date, days: int, rpes: list[int | None]) -> Run:
    """Walk a runner from a base phase, doing every session and rating the dynamic ones in
    turn from ``rpes`` (cycled)."""
    state = PhaseState(Phase.BASE, started_on=start, newcomer=False)
    run = Run()
    rated = 0
    for offset in range(days):
        today = start + timedelta(days=offset)
        if offset:
            state = transition(state, DayPassed(), today).state
        plan = PLANNER.plan_for(profile, state, run.history, [], today)
        run.days.append((today, state, plan))
        if plan.category is not None and plan.session_id is not None:
            rpe = None
            if plan.category is Category.DYNAMIC:
                rpe, rated = rpes[rated % len(rpes)], rated + 1
            run.history.append(Completion(today, plan.category, plan.session_id, rpe=rpe))
    return run


@settings(max_examples=40, deadline=None)
@given(profiles, starts, ratings)
def test_no_session_passes_its_levels_contact_cap(
    profile: RunnerProfile, start: date, rpes: list[int | None]
) -> None:
    run = simulate(profile, start, 120, rpes)
    for _, _, plan in run.days:
        assert plan.contacts <= contact_cap(profile) <= CONTACT_RANGES[profile.level][1]
        for item in plan.exercises:  # every landing counts: impact work is dosed in contacts
            if item.impact:
                assert item.amount is not None
                assert item.amount.contacts is not None


@settings(max_examples=40, deadline=None)
@given(profiles.map(lambda p: replace(p, level=Level.BEGINNER)), starts, ratings)
def test_beginners_never_land_at_high_intensity(
    profile: RunnerProfile, start: date, rpes: list[int | None]
) -> None:
    run = simulate(profile, start, 120, rpes)
    for _, _, plan in run.days:
        assert all(item.intensity is not Intensity.HIGH for item in plan.exercises)


@settings(max_examples=40, deadline=None)
@given(profiles, starts, ratings)
def test_landings_stay_under_the_weeks_intensity_ceiling(
    profile: RunnerProfile, start: date, rpes: list[int | None]
) -> None:
    run = simulate(profile, start, 120, rpes)
    for _, state, plan in run.days:
        ceiling = INTENSITY_RANK[intensity_ceiling(profile.level, state, plan.week)]
        for item in plan.exercises:
            if item.intensity is not None:
                assert INTENSITY_RANK[item.intensity] <= ceiling


@settings(max_examples=40, deadline=None)
@given(profiles, starts, ratings)
def test_every_dynamic_session_starts_with_a_warm_up_and_the_first_says_where_to_land(
    profile: RunnerProfile, start: date, rpes: list[int | None]
) -> None:
    run = simulate(profile, start, 120, rpes)
    seen_blocks: set[date] = set()
    for _, state, plan in run.days:
        if plan.category is not Category.DYNAMIC:
            assert not plan.tips
            continue
        assert plan.exercises[0].part is Part.WARM_UP
        first = state.started_on not in seen_blocks
        seen_blocks.add(state.started_on)
        assert (LANDING_TIP in plan.tips) is first


@settings(max_examples=40, deadline=None)
@given(profiles.map(lambda p: replace(p, desk_job=False)), starts)
def test_a_runner_who_does_not_sit_gets_no_desk_day_sessions(
    profile: RunnerProfile, start: date
) -> None:
    run = simulate(profile, start, 70, [None])
    content = shipped_content()
    for _, _, plan in run.days:
        if plan.session_id is not None:
            assert not content.sessions[plan.session_id].desk
            assert "desk" not in plan.title.lower()


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(shipped_content().exercises)),
    st.frozensets(st.sampled_from([e for e in Equipment if e is not Equipment.NONE])),
    st.sampled_from(Level),
    st.sampled_from(Intensity),
)
def test_a_stand_in_is_never_harder_than_what_it_replaces(
    exercise_id: str, kit: frozenset[Equipment], level: Level, ceiling: Intensity
) -> None:
    exercise = shipped_content().exercises[exercise_id]
    profile = RunnerProfile(level=level, equipment=kit)
    chosen, _ = PLANNER._fit(exercise, profile, Restrictions(), set(), ceiling=ceiling)
    if chosen is not None and chosen is not exercise:
        assert not PLANNER.harder_than(chosen, exercise)
        if chosen.intensity is not None and exercise.intensity is not None:
            assert INTENSITY_RANK[chosen.intensity] <= INTENSITY_RANK[exercise.intensity]


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(Level),
    st.frozensets(st.sampled_from([e for e in Equipment if e is not Equipment.NONE])),
    st.integers(6, 8),
    st.integers(0, 1),
    starts,
)
def test_the_last_week_of_a_block_has_fewer_contacts_than_the_week_before(
    level: Level, kit: frozenset[Equipment], weeks: int, turn: int, day: date
) -> None:
    profile = RunnerProfile(level=level, equipment=kit)
    templates = shipped_content().templates(level, Phase.DYNAMIC_BLOCK, Category.DYNAMIC)
    template = templates[turn % len(templates)]
    last_day = day + timedelta(weeks=weeks - 1)
    state = PhaseState(Phase.DYNAMIC_BLOCK, started_on=day, block_number=1, block_weeks=weeks)

    def contacts(on: date, week: int) -> int:
        today = _Day(profile, state, Restrictions(), on, week)
        return PLANNER._compose(today, template, "Dynamic day")[0].contacts

    assert contacts(last_day, weeks) < contacts(last_day - timedelta(weeks=1), weeks - 1)


# --- the next block starts where the runner's responses put them ---------------------------


def block(first: date, rpes: list[int | None], *, every: int = 3) -> list[Completion]:
    """Dynamic sessions from ``first``, ``every`` days apart, rated ``rpes``."""
    return [
        Completion(first + timedelta(days=every * i), Category.DYNAMIC, "x", rpe=rpe)
        for i, rpe in enumerate(rpes)
    ]


START = date(2027, 3, 1)


def state_on(day: date) -> PhaseState:
    return PhaseState(Phase.DYNAMIC_BLOCK, started_on=day, block_number=2)


@given(st.lists(st.none() | st.integers(5, 8), min_size=1, max_size=12))
def test_without_telling_ratings_a_block_neither_steps_up_nor_back(
    rpes: list[int | None],
) -> None:
    history = block(START, rpes)
    begun = history[-1].on + timedelta(days=20)
    assert block_start_step(history, state_on(begun), begun) == 0


def test_a_block_rated_easy_starts_the_next_a_step_up_and_a_very_hard_one_a_step_back() -> None:
    easy = block(START, [5, 4, 3, 4])
    begun = easy[-1].on + timedelta(days=20)
    assert block_start_step(easy, state_on(begun), begun) == 1
    hard_after = block(begun, [4, 4, 9], every=3)
    later = hard_after[-1].on + timedelta(days=20)
    assert block_start_step(easy + hard_after, state_on(later), later) == 0


@given(
    st.lists(st.integers(0, 4), min_size=3, max_size=8),
    st.lists(st.none() | st.integers(0, 10), min_size=1, max_size=8),
    st.integers(36, 200),
)
def test_after_race_season_or_a_long_break_a_block_restarts_no_higher(
    first: list[int], second: list[int | None], gap: int
) -> None:
    one = block(START, list(first))
    two_starts = one[-1].on + timedelta(days=20)
    two = block(two_starts, second)
    before = block_start_step(one, state_on(two_starts), two_starts)
    begun = two[-1].on + timedelta(days=gap)
    assert block_start_step(one + two, state_on(begun), begun) <= before


@settings(max_examples=30, deadline=None)
@given(profiles.map(lambda p: replace(p, equipment=frozenset())), starts)
def test_a_block_sees_every_static_template_the_runner_can_do(
    profile: RunnerProfile, start: date
) -> None:
    run = simulate(profile, start, 120, [None])
    content = shipped_content()
    blocks: dict[date, set[str]] = {}
    for _, state, plan in run.days:
        if state.phase is Phase.DYNAMIC_BLOCK and plan.category is Category.STATIC:
            assert plan.session_id is not None
            blocks.setdefault(state.started_on, set()).add(plan.session_id)
    usable = {
        t.id
        for t in content.templates(profile.level, Phase.DYNAMIC_BLOCK, Category.STATIC)
        if PLANNER._kit_fits(t, profile)
    }
    finished = list(blocks.values())[:-1]  # the last block may be cut short by the run
    for seen in finished:
        assert seen == usable


@settings(max_examples=20, deadline=None)
@given(profiles, starts)
def test_with_impact_out_jump_days_become_strength_without_landing_tips(
    profile: RunnerProfile, start: date
) -> None:
    pregnant = replace(profile, health=Health(pregnant=True))
    run = simulate(pregnant, start, 70, [None])
    dynamic = [plan for _, _, plan in run.days if plan.category is Category.DYNAMIC]
    for plan in dynamic:
        assert plan.contacts == 0
        assert not plan.tips  # no landing advice without landings
        assert any(item.part is Part.MAIN for item in plan.exercises)


@settings(max_examples=30, deadline=None)
@given(profiles, st.sampled_from([10, 20, 30]), starts)
def test_sessions_fit_the_chosen_length_and_keep_the_warm_up(
    profile: RunnerProfile, minutes: int, start: date
) -> None:
    """Every session runs about the chosen length (at most 5 minutes over); a jump day
    always keeps its general warm-up and drills, however short the session."""
    profile = replace(profile, minutes=minutes)
    run = simulate(profile, start, 70, [5])
    for _, _, plan in run.days:
        if plan.category is None:
            continue
        assert plan.minutes <= minutes + 5, (minutes, plan.title, plan.minutes)
        if plan.category is Category.DYNAMIC and any(e.impact for e in plan.exercises):
            warm_up = [e for e in plan.exercises if e.part is Part.WARM_UP]
            assert len(warm_up) >= 2, plan.title
