"""A sore area at 4-5/10, said in words: the reply says jumps and strength for it wait, and
the plan does it (docs/coaching.md, "Pain that still allows loading an area")."""

from __future__ import annotations

from bot.core.vocabulary import Area, Category
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat


async def test_calves_at_five_get_no_calf_raises_and_the_reply_says_so(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    exercises = chat.coach.planner.content.exercises
    for _ in range(14):  # to a strength day with calf work in it
        plan = await chat.plan(clock)
        if plan.category is Category.STATIC and any(
            Area.CALVES in exercises[e.exercise_id].targets for e in plan.exercises
        ):
            break
        clock.advance(days=1)
    else:
        raise AssertionError("no strength day works the calves")
    replies = await chat.say("calves sore 5/10")
    text = " ".join(reply.text for reply in replies)
    assert "No jumps or strength work aimed at your calves until they settle" in text
    assert "gentle mobility is fine" in text
    assert "already spares it" not in text
    for _ in range(3):
        plan = await chat.plan(clock)
        for item in plan.exercises:
            exercise = exercises[item.exercise_id]
            if exercise.category is Category.STATIC:
                assert Area.CALVES not in exercise.targets, (plan.on, exercise.id)
        clock.advance(days=1)
