"""Messages of several parts through the coach, what is stored: a weekly run or a parkrun
never replaces the race, a vague past day logs nothing, skips of named days beside a
question are logged. Today is Tuesday 1 December 2026 (the clock's day)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.records import CompletionStatus
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, texts

RACE = date(2027, 4, 11)


@pytest.mark.parametrize(
    "said",
    [
        "I do parkrun every saturday",
        "sat parkrun and long run sunday",
        "I run a 10k every sunday with my club",
    ],
)
async def test_a_weekly_run_never_replaces_the_race(chat: Chat, said: str) -> None:
    await chat.command("/today")
    await chat.command(f"/race {RACE.isoformat()}")
    await chat.say(said)
    assert (await chat.state()).race_date == RACE


async def test_a_weekly_parkrun_at_set_up_sets_no_race(chat: Chat) -> None:
    await chat.command("/start")
    for skipped in ["level", "desk", "equipment"]:
        await chat.press(f"v1|os|{skipped}")
    await chat.say("I do parkrun every saturday")
    assert (await chat.runner()).race_date is None


@pytest.mark.parametrize(
    "said",
    [
        "did the session the other day but never logged it",
        "did it a few days ago, forgot to log it",
        "skipped one earlier this week, sorry",
    ],
)
async def test_a_vague_past_day_logs_nothing_and_asks(chat: Chat, said: str) -> None:
    await chat.command("/today")
    replies = await chat.say(said)
    assert await chat.completions() == []
    assert "Which day" in texts(replies)


async def test_skips_of_named_days_beside_a_question_are_logged(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    clock.advance(days=7)  # Tuesday 8 December
    replies = await chat.say("missed thursday and friday, can i do two in one day to catch up?")
    logged = {(c.on, c.status) for c in await chat.completions()}
    assert logged == {
        (date(2026, 12, 3), CompletionStatus.SKIPPED),
        (date(2026, 12, 4), CompletionStatus.SKIPPED),
    }
    assert "one day" in texts(replies)  # the question is answered too
