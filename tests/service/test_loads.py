"""What the runner is told is spared is really spared: reports in words, then the plan."""

from __future__ import annotations

import pytest

from bot.core.planner import GENERAL_WARM_UP, DailyPlan, Part
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


@pytest.mark.parametrize(
    "said", ["calves tight", "hips tight", "shins tight", "achilles sore 5/10"]
)
async def test_the_warm_up_jog_is_never_an_extra_nor_a_cool_down(
    chat: Chat, clock: FakeClock, said: str
) -> None:
    """Trial finding: a mobility day's cool-down showed "Easy jog or brisk walk — 240 s"
    with its jump-landing cue as the extra for a tight area."""
    await chat.command("/today")
    await chat.say(said)
    assert await chat.reports()  # the report is stored, and the plan follows it
    for _ in range(10):
        plan = await chat.plan(clock)
        for item in plan.exercises:
            if item.exercise_id == GENERAL_WARM_UP:
                assert item.part is Part.WARM_UP, (plan.on, plan.title)
                assert not (item.note or "").startswith("extra"), (plan.on, item.note)
        clock.advance(days=1)


async def test_tight_calves_get_a_real_calf_extra(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    await chat.say("calves tight")
    plan = await chat.plan(clock)
    extras = [e for e in plan.exercises if (e.note or "").startswith("extra for your tight")]
    assert extras
    assert all(e.exercise_id != GENERAL_WARM_UP for e in extras)
    assert all(e.part is Part.COOL_DOWN for e in extras)
