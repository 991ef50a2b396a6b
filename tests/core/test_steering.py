"""Effort ratings and worse-than-before pain steer the next dynamic session
(docs/coaching.md, "Steering the next dynamic session")."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.content import CONTACT_RANGES
from bot.core.phases import PhaseState
from bot.core.planner import DailyPlan, Planner
from bot.core.records import BodyReport, Completion, CompletionStatus, RunnerProfile
from bot.core.steering import Step, steer
from bot.core.vocabulary import Area, Category, Equipment, Level, Phase, ReportKind, Side

from .test_planner_loads import SHARED

TUESDAY = date(2026, 12, 1)
BLOCK = PhaseState(Phase.DYNAMIC_BLOCK, started_on=TUESDAY - timedelta(days=15), block_number=1)


def jumps(*ratings: int | None, last: int = 4) -> list[Completion]:
    """Dynamic sessions done every third day, the last ``last`` days before Tuesday."""
    first = TUESDAY - timedelta(days=last + 3 * (len(ratings) - 1))
    return [
        Completion(first + timedelta(days=3 * i), Category.DYNAMIC, "x", rpe=rpe)
        for i, rpe in enumerate(ratings)
    ]


def plan(
    history: list[Completion],
    reports: list[BodyReport] | None = None,
    *,
    level: Level = Level.INTERMEDIATE,
    state: PhaseState = BLOCK,
    planner: Planner = SHARED,
) -> DailyPlan:
    return planner.plan_for(RunnerProfile(level=level), state, history, reports or [], TUESDAY)


# --- the rule ---------------------------------------------------------------------------------


def test_a_very_hard_session_steps_the_next_one_back() -> None:
    found = steer(Level.INTERMEDIATE, jumps(5, 9), [], TUESDAY)
    assert found is not None
    assert found.step is Step.BACK
    assert "felt very hard (9/10)" in found.why


def test_eight_steps_back_only_in_a_beginners_first_weeks() -> None:
    assert steer(Level.INTERMEDIATE, jumps(8), [], TUESDAY, early=True) is None
    assert steer(Level.BEGINNER, jumps(8), [], TUESDAY) is None
    found = steer(Level.BEGINNER, jumps(8), [], TUESDAY, early=True)
    assert found is not None
    assert found.step is Step.BACK


def test_three_easy_sessions_in_a_row_step_up_unless_something_is_sore() -> None:
    found = steer(Level.ADVANCED, jumps(3, 4, 2), [], TUESDAY)
    assert found is not None
    assert found.step is Step.UP
    assert steer(Level.ADVANCED, jumps(3, 4, 2), [], TUESDAY, sore=True) is None
    assert steer(Level.ADVANCED, jumps(3, 5, 2), [], TUESDAY) is None
    assert steer(Level.ADVANCED, jumps(3, None, 2), [], TUESDAY) is None
    assert steer(Level.ADVANCED, jumps(4, 2), [], TUESDAY) is None  # two are not several


def test_only_done_dynamic_sessions_count() -> None:
    skipped = Completion(
        TUESDAY - timedelta(days=1), Category.DYNAMIC, "x", CompletionStatus.SKIPPED, rpe=10
    )
    static = Completion(TUESDAY - timedelta(days=1), Category.STATIC, "y", rpe=10)
    assert steer(Level.INTERMEDIATE, [*jumps(5), skipped, static], [], TUESDAY) is None


def test_worse_pain_steps_back_until_a_dynamic_session_is_done() -> None:
    worse = BodyReport(
        TUESDAY - timedelta(days=2), Area.CALVES, ReportKind.SORENESS, Side.LEFT, 3, worse=True
    )
    found = steer(Level.INTERMEDIATE, jumps(5, last=4), [worse], TUESDAY)
    assert found is not None
    assert found.step is Step.BACK
    assert "calves was worse than before" in found.why
    assert steer(Level.INTERMEDIATE, jumps(5, last=1), [worse], TUESDAY) is None


# --- the plan -------------------------------------------------------------------------------


def test_the_stepped_back_session_is_lighter_and_says_why() -> None:
    # The week's other days logged: none of them is filled in as a jump day (a filled-in
    # day sees only the days before it), strength is not due.
    days = ((1, Category.MOBILITY), (2, Category.MOBILITY), (3, Category.STATIC))
    between = [
        Completion(TUESDAY - timedelta(days=d), category, "m")
        for d, category in (*days, (5, Category.MOBILITY), (6, Category.MOBILITY))
    ]
    usual = plan([*jumps(5), *between])
    lighter = plan([*jumps(9), *between])
    assert usual.category is lighter.category is Category.DYNAMIC
    assert lighter.contacts < usual.contacts
    assert lighter.why.startswith(
        "Your last jump session felt very hard (9/10), so today is lighter."
    )
    # a-skips have no easier impact variant since the A-march became static work (issue 12)
    assert "a-skips" in {e.exercise_id for e in usual.exercises}
    assert "a-skips" in {e.exercise_id for e in lighter.exercises}


def test_a_beginners_first_session_at_8_steps_back() -> None:
    wednesday = TUESDAY + timedelta(days=1)  # a beginner's one jump day in the first weeks
    first_weeks = PhaseState(Phase.DYNAMIC_BLOCK, started_on=wednesday - timedelta(days=8))
    beginner = RunnerProfile(level=Level.BEGINNER)

    def rated(rpe: int) -> list[Completion]:
        return [
            Completion(wednesday - timedelta(days=7), Category.DYNAMIC, "x", rpe=rpe),
            Completion(wednesday - timedelta(days=2), Category.STATIC, "y"),
        ]

    hard = SHARED.plan_for(beginner, first_weeks, rated(8), [], wednesday)
    usual = SHARED.plan_for(beginner, first_weeks, rated(6), [], wednesday)
    assert hard.category is usual.category is Category.DYNAMIC
    assert hard.contacts < usual.contacts
    assert "felt very hard (8/10)" in hard.why


def test_easy_sessions_add_contacts_within_the_level() -> None:
    for level in Level:
        usual = plan(jumps(5, 5, 5), level=level)
        more = plan(jumps(3, 3, 3), level=level)
        assert usual.contacts < more.contacts <= CONTACT_RANGES[level][1]
        assert "felt easy" in more.why


# --- properties -----------------------------------------------------------------------------

ratings = st.lists(st.none() | st.integers(1, 10), max_size=5)
profiles = st.builds(
    RunnerProfile,
    level=st.sampled_from(Level),
    equipment=st.frozensets(st.sampled_from([e for e in Equipment if e is not Equipment.NONE])),
)
states = st.builds(
    PhaseState,
    phase=st.just(Phase.DYNAMIC_BLOCK),
    started_on=st.integers(0, 50).map(lambda d: TUESDAY - timedelta(days=d)),
    block_number=st.integers(1, 3),
    newcomer=st.just(False),
)
days = st.integers(0, 13).map(lambda d: TUESDAY + timedelta(days=d))


def _history(rated: list[int | None], today: date) -> list[Completion]:
    count = len(rated)
    return [
        Completion(today - timedelta(days=3 * (count - i)), Category.DYNAMIC, "x", rpe=r)
        for i, r in enumerate(rated)
    ]


def _unrated(history: list[Completion]) -> list[Completion]:
    return [Completion(c.on, c.category, c.session_id, c.status) for c in history]


@settings(max_examples=200, deadline=None)
@given(rated=ratings, profile=profiles, state=states, today=days)
def test_steering_never_takes_a_session_past_the_levels_contact_range(
    rated: list[int | None], profile: RunnerProfile, state: PhaseState, today: date
) -> None:
    history = _history(rated, today)
    steered = SHARED.plan_for(profile, state, history, [], today)
    plain = SHARED.plan_for(profile, state, _unrated(history), [], today)
    high = CONTACT_RANGES[profile.level][1]
    assert steered.contacts <= max(high, plain.contacts)
    if plain.contacts <= high:
        assert steered.contacts <= high


@settings(max_examples=200, deadline=None)
@given(rated=ratings, profile=profiles, state=states, today=days)
def test_a_step_back_never_adds_and_a_step_up_never_removes(
    rated: list[int | None], profile: RunnerProfile, state: PhaseState, today: date
) -> None:
    history = _history(rated, today)
    steered = SHARED.plan_for(profile, state, history, [], today)
    plain = SHARED.plan_for(profile, state, _unrated(history), [], today)
    if "lighter" in steered.why:
        assert steered.contacts <= plain.contacts
    if "felt easy" in steered.why:
        assert steered.contacts > plain.contacts


@settings(max_examples=200, deadline=None)
@given(
    history=st.lists(
        st.builds(
            Completion,
            on=st.integers(1, 15).map(lambda d: TUESDAY - timedelta(days=d)),
            category=st.sampled_from(Category),
            session_id=st.just("x"),
            status=st.sampled_from(CompletionStatus),
        ),
        max_size=6,
    ),
    reports=st.lists(
        st.builds(
            BodyReport,
            on=st.integers(0, 3).map(lambda d: TUESDAY - timedelta(days=d)),
            area=st.sampled_from(Area),
            kind=st.sampled_from(ReportKind),
            severity=st.none() | st.integers(0, 10),
        ),
        max_size=3,
    ),
    level=st.sampled_from(Level),
    early=st.booleans(),
    sore=st.booleans(),
)
def test_no_rating_and_no_worse_report_means_no_step(
    history: list[Completion],
    reports: list[BodyReport],
    level: Level,
    early: bool,
    sore: bool,
) -> None:
    # reports only up to three days old: none has a week before to rise on, none says worse
    assert steer(level, history, reports, TUESDAY, early=early, sore=sore) is None
