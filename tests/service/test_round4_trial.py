"""A new runner's trial, round 4, through the coach: set-up answered in free text, the
running week corrected in chat, a race month said before its day, corrections and protests
that log nothing, "when do the jumps start again?", and an effort typed with the log."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.records import CompletionStatus
from bot.core.vocabulary import Equipment, Level
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, button, texts

STEPS = ["level", "desk", "equipment", "race", "week", "reminder", "timezone", "health"]


async def _at_step(chat: Chat, step: str) -> None:
    """/start, then Skip up to ``step``'s question."""
    await chat.command("/start")
    for skipped in STEPS[: STEPS.index(step)]:
        await chat.press(f"v1|os|{skipped}")


async def _set_up(chat: Chat) -> None:
    await chat.command("/start")
    for skipped in [*STEPS, "pregnancy"]:
        await chat.press(f"v1|os|{skipped}")


@pytest.mark.parametrize(
    ("said", "level"),
    [
        ("strength work and box jumps for about 8 years", Level.ADVANCED),
        ("did some hurdles drills at school decades ago but nothing since", Level.BEGINNER),
    ],
)
async def test_the_level_in_free_text(chat: Chat, said: str, level: Level) -> None:
    await _at_step(chat, "level")
    (question,) = await chat.say(said)
    assert "2/9" in question.text  # taken: the desk question comes next
    assert (await chat.runner()).level is level


async def test_a_job_on_ones_feet_answers_the_desk_question(chat: Chat) -> None:
    await _at_step(chat, "desk")
    (question,) = await chat.say("I'm on my feet all day, I'm a paramedic")
    assert "3/9" in question.text
    assert (await chat.runner()).desk_job is False


async def test_bodyweight_and_a_wall_answers_the_kit_question(chat: Chat) -> None:
    await _at_step(chat, "equipment")
    (question,) = await chat.say("only bodyweight, but I have a wall")
    assert "4/9" in question.text
    assert (await chat.runner()).equipment == [Equipment.WALL.value]


async def test_a_race_month_said_before_its_day_is_next_years(chat: Chat) -> None:
    await _at_step(chat, "race")  # the clock's day is 1 December 2026
    (question,) = await chat.say("Paris marathon in april, the 11th")
    assert "5/9" in question.text
    assert (await chat.runner()).race_date == date(2027, 4, 11)


async def test_a_day_not_run_in_the_set_up_week_is_a_rest_day(chat: Chat) -> None:
    await _at_step(chat, "week")
    await chat.say("long run saturdays, hills monday and a tempo wednesday, I never run thursdays")
    runner = await chat.runner()
    assert runner.long_run_day == 5
    assert sorted(runner.hard_days) == [0, 2]
    assert runner.rest_days == [3]


async def test_a_correction_of_the_week_in_chat_logs_nothing(chat: Chat, clock: FakeClock) -> None:
    await _set_up(chat)
    clock.advance(days=4)  # Saturday
    await chat.say("my long run is saturday and I don't run on mondays")
    runner = await chat.runner()
    assert (runner.long_run_day, runner.rest_days) == (5, [0])
    await chat.say("no, the long run is SATURDAY. monday is a rest day")
    assert await chat.completions() == []
    runner = await chat.runner()
    assert (runner.long_run_day, runner.rest_days) == (5, [0])


async def test_a_protest_about_a_log_logs_nothing(chat: Chat) -> None:
    await _set_up(chat)
    await chat.say("done, 5/10")
    before = await chat.completions()
    replies = await chat.say("I did it, I already told you earlier!")
    assert await chat.completions() == before  # no new log, no skip
    assert "updates today" not in texts(replies)  # today's session, as it was logged


async def test_when_the_jumps_start_again_is_answered_not_a_resume(chat: Chat) -> None:
    await _set_up(chat)
    replies = await chat.say("when do the jumps start again?")
    assert "aren't paused" not in texts(replies)
    assert "jump" in texts(replies).lower()


async def test_an_effort_typed_with_the_log_is_taken(chat: Chat) -> None:
    await _set_up(chat)
    (answer,) = await chat.say("done today, effort 4 - felt good")
    assert "How hard" not in answer.text
    (logged,) = await chat.completions()
    assert (logged.status, logged.rpe) == (CompletionStatus.DONE, 4)


async def test_an_effort_typed_after_the_done_button_is_taken(chat: Chat) -> None:
    await _set_up(chat)
    shown = await chat.command("/today")
    await chat.press(button(shown, "v1|dn|"))
    (answer,) = await chat.say("done today, effort 4")
    assert "How hard" not in answer.text
    (logged,) = await chat.completions()
    assert (logged.status, logged.rpe) == (CompletionStatus.DONE, 4)
