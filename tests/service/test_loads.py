"""What the runner is told is spared is really spared: reports in words, then the plan."""

from __future__ import annotations

from bot.core.planner import DailyPlan
from bot.core.vocabulary import Area, Category
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat

HIP_MOBILITY = {
    "hip-90-90-switches",
    "seated-90-90-hold",
    "frog-rock-backs",
    "adductor-rock-backs",
    "pigeon-stretch",
    "deep-squat-hold",
    "hip-cars",
}
GROIN_JUMPS = {"pogo-hops", "power-skips", "lateral-line-hops", "single-leg-pogo-hops"}


def loaded(chat: Chat, plan: DailyPlan) -> set[Area]:
    exercises = chat.coach.planner.content.exercises
    return {area for e in plan.exercises for area in exercises[e.exercise_id].loads}


def landings(chat: Chat, plan: DailyPlan) -> set[str]:
    exercises = chat.coach.planner.content.exercises
    return {e.exercise_id for e in plan.exercises if exercises[e.exercise_id].impact}


async def test_a_groin_at_five_out_of_ten_takes_the_hops_off_jump_day(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    clock.advance(days=14)  # the first jump day: the first dynamic block's first day
    before = await chat.plan(clock)
    assert before.category is Category.DYNAMIC
    assert landings(chat, before)
    await chat.say("my left groin hurts, about 5/10")
    for _ in range(3):
        plan = await chat.plan(clock)
        assert not {e.exercise_id for e in plan.exercises} & GROIN_JUMPS, plan.on
        assert not landings(chat, plan), plan.on
        assert Area.GROIN not in loaded(chat, plan), plan.on
        clock.advance(days=1)


async def test_a_hip_that_hurts_on_walking_gets_no_hip_stretching(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    clock.advance(days=15)
    await chat.say("my right hip really hurts when I walk")
    assert Area.HIPS in (await chat.state()).held_areas
    for _ in range(10):
        plan = await chat.plan(clock)
        assert not {e.exercise_id for e in plan.exercises} & HIP_MOBILITY, plan.on
        assert Area.HIPS not in loaded(chat, plan), plan.on
        assert not landings(chat, plan), plan.on
        clock.advance(days=1)
