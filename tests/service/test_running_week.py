"""The running week: told in words or with /settings, shown by /settings, /plan and
/plan block (docs/coaching.md, "Programme: placement")."""

from __future__ import annotations

import pytest

from bot.core.vocabulary import Category, RaceDistance
from bot.presentation.commands import COMMANDS
from bot.presentation.render import help_message
from tests.service.conftest import Chat, FakeClock, texts


async def test_the_simplest_phrasings_set_the_week(chat: Chat) -> None:
    await chat.command("/today")
    assert "Got it" in texts(await chat.say("long run is Sunday"))
    assert "Got it" in texts(await chat.say("I do intervals on Tuesdays"))
    answer = texts(await chat.say("I race a half marathon"))
    assert "Race distance: half marathon" in answer
    runner = await chat.runner()
    assert (runner.long_run_day, runner.hard_days) == (6, [1])
    assert runner.race_distance is RaceDistance.HALF
    assert (await chat.state()).race_distance is RaceDistance.HALF


async def test_a_race_said_with_its_distance_stores_both(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("got a 10k on the 20th, can you put it in?")
    runner = await chat.runner()
    assert runner.race_distance is RaceDistance.TEN_K
    assert (await chat.state()).race_date is not None


async def test_settings_changes_the_week_and_shows_it(chat: Chat) -> None:
    await chat.command("/today")
    for line in (
        "/settings long run sat",
        "/settings hard tue, thu",
        "/settings rest mon",
        "/settings distance marathon",
        "/settings minutes 30",
        "/settings dynamic 1",
        "/settings run tue, thu, sat",
    ):
        assert "Got it" in texts(await chat.command(line))
    shown = texts(await chat.command("/settings"))
    for line in (
        "Long run: Saturday",
        "Hard sessions: Tue, Thu",
        "Rest days: Mon",
        "Run days: Tue, Thu, Sat",
        "Race distance: marathon",
        "Jump days: up to 1 a week",
        "Session length: about 30 minutes",
    ):
        assert line in shown
    assert "Got it" in texts(await chat.command("/settings hard none"))
    assert (await chat.runner()).hard_days == []


async def test_a_change_that_breaks_a_rule_is_refused(chat: Chat) -> None:
    await chat.command("/today")
    answer = texts(await chat.command("/settings rest mon, tue, wed, thu"))
    assert "can't set that" in answer
    assert (await chat.runner()).rest_days == []
    assert "couldn't tell what to change" in texts(await chat.command("/settings pizza"))


def test_help_promises_only_what_settings_does() -> None:
    settings = next(command for command in COMMANDS if command.name == "settings")
    assert "rest days" not in settings.description.lower()
    assert "running week" in help_message()


@pytest.mark.parametrize("asked", ["/plan block", "show me the whole block"])
async def test_the_whole_block_week_by_week(chat: Chat, clock: FakeClock, asked: str) -> None:
    await chat.command("/today")
    await chat.command("/settings long run sun")
    clock.advance(days=14)  # the first dynamic block
    (block,) = await chat.say(asked) if not asked.startswith("/") else await chat.command(asked)
    assert "week by week" in block.text
    assert "Dynamic block, week 1" in block.text
    assert "Sun jumps" not in block.text  # never on the long-run day
    assert "Sat jumps" not in block.text  # nor the day before it


async def test_plan_marks_today_done(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    (before,) = await chat.command("/plan")
    assert "✅ done" not in before.text
    plan = await chat.plan(clock)
    assert plan.category is Category.MOBILITY
    await chat.say("done")
    (after,) = await chat.command("/plan")
    assert after.text.count("✅ done") == 1


@pytest.mark.parametrize(
    ("said", "distance"),
    [("18 April, half marathon", RaceDistance.HALF), ("april 18th, a 10k", RaceDistance.TEN_K)],
)
async def test_the_race_question_keeps_a_distance_said_with_the_date(
    chat: Chat, said: str, distance: RaceDistance
) -> None:
    await chat.command("/start")
    for step in ["level", "desk", "equipment"]:
        await chat.press(f"v1|os|{step}")
    await chat.say(said)
    runner = await chat.runner()
    assert runner.race_distance is distance
    assert (await chat.state()).race_date is not None
