"""After a race: no hard running is planned around, and strength is light."""

from __future__ import annotations

from datetime import date

from bot.core.content import Part, load_content
from bot.core.planner import Planner
from bot.core.programme import programme
from bot.core.records import RunnerProfile
from bot.core.vocabulary import Category, Equipment, Level, Phase, RaceDistance

CONTENT = load_content()
MARATHONER = RunnerProfile(
    level=Level.INTERMEDIATE,
    equipment=frozenset({Equipment.BAND}),
    run_days=frozenset({0, 1, 3, 5, 6}),
    long_run_day=6,
    hard_days=frozenset({1, 3}),
    race_distance=RaceDistance.MARATHON,
)


def _recovery() -> list:  # type: ignore[type-arg]
    plans = programme(Planner(CONTENT), MARATHONER, date(2027, 1, 4), 8, date(2027, 1, 17))
    return [p for p in plans if p.phase is Phase.POST_RACE_RECOVERY]


def test_recovery_never_plans_around_a_hard_session() -> None:
    recovery = _recovery()
    assert len(recovery) >= 21  # three weeks or more after a marathon
    assert not [p.why for p in recovery if "hard session" in p.why]


def test_strength_after_a_race_is_lighter_than_the_usual_dose() -> None:
    strength = [p for p in _recovery() if p.category is Category.STATIC]
    assert strength
    for plan in strength:
        for planned in plan.exercises:
            usual = CONTENT.exercises[planned.exercise_id].dose
            if planned.part is Part.MAIN and planned.amount is not None and usual.reps:
                assert planned.amount.reps is not None
                assert planned.amount.reps < usual.reps, (plan.on, planned.name)
