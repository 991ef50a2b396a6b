"""A parkrun said to be raced is a hard day, said in words anywhere the running week is
(docs/coaching.md, "Programme: placement"). Today is Tuesday 1 December 2026."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.vocabulary import Category
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, texts

RACE = date(2027, 4, 11)
SAT = 5


@pytest.mark.parametrize(
    "said",
    [
        "parkrun saturday, I race it",
        "I do parkrun every saturday and race it",
        "parkrun flat out on saturday",
        "i race parkrun",
    ],
)
async def test_a_raced_parkrun_is_a_hard_day_and_no_race_date(chat: Chat, said: str) -> None:
    await chat.command("/today")
    await chat.command(f"/race {RACE.isoformat()}")
    replies = await chat.say(said)
    runner = await chat.runner()
    assert SAT in runner.hard_days
    assert (await chat.state()).race_date == RACE  # a weekly run never replaces the race
    assert "counts as a hard run" in texts(replies)


async def test_the_hard_days_said_before_stay(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("intervals on tuesdays")
    await chat.say("I race parkrun")
    assert sorted((await chat.runner()).hard_days) == [1, SAT]


async def test_an_easy_parkrun_is_a_run_and_the_coach_says_how_it_read_it(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say("sat parkrun, long run sunday")
    runner = await chat.runner()
    assert SAT not in runner.hard_days
    assert SAT in runner.run_days
    assert "taken your parkrun as an easy run" in texts(replies)
    assert "I race parkrun" in texts(replies)


async def test_settings_take_a_raced_parkrun(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.command("/settings parkrun flat out sat")
    assert SAT in (await chat.runner()).hard_days
    assert "counts as a hard run" in texts(replies)


@pytest.mark.parametrize(
    ("race", "week"),
    [
        ("I do parkrun every saturday and race it", None),
        (None, "tues intervals, sat parkrun flat out, long run sunday"),
        (None, "I race parkrun"),
    ],
)
async def test_at_set_up_a_raced_parkrun_is_a_hard_day(
    chat: Chat, race: str | None, week: str | None
) -> None:
    await chat.command("/start")
    for skipped in ["level", "desk", "equipment"]:
        await chat.press(f"v1|os|{skipped}")
    if race is not None:
        replies = await chat.say(race)
        assert "5/9" in texts(replies)  # on to the running week
    else:
        await chat.press("v1|os|race")
    if week is not None:
        replies = await chat.say(week)
        assert "6/9" in texts(replies)
    runner = await chat.runner()
    assert runner.race_date is None
    assert SAT in runner.hard_days
    assert "counts as a hard run" in texts(replies)


async def test_no_jump_day_before_a_raced_parkrun(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    await chat.say("parkrun saturday, I race it")
    jumps = []
    for _ in range(42):  # the base phase, then the first dynamic block
        plan = await chat.plan(clock)
        if plan.category is Category.DYNAMIC:
            jumps.append(plan.on)
        if plan.on.weekday() == SAT - 1:
            assert plan.category not in (Category.DYNAMIC, Category.STATIC), plan.on
        clock.advance(days=1)
    assert jumps  # jumps still find their days


async def test_a_parkrun_raced_at_the_race_question_stays_through_the_week_typed_next(
    chat: Chat,
) -> None:
    await chat.command("/start")
    for skipped in ["level", "desk", "equipment"]:
        await chat.press(f"v1|os|{skipped}")
    await chat.say("no race, but I race parkrun every saturday")
    replies = await chat.say("long run sunday, intervals tuesday")
    assert "hard sessions Tuesday, Saturday" in texts(replies)
    runner = await chat.runner()
    assert (runner.race_date, sorted(runner.hard_days), runner.long_run_day) == (None, [1, SAT], 6)
