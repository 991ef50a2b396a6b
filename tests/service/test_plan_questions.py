"""Questions about the plan answered for the phase the runner is in."""

from __future__ import annotations

from datetime import date

from bot.core.phases import post_race_days
from bot.core.vocabulary import Phase
from tests.service.conftest import Chat, texts


async def test_why_no_jumps_in_race_season_says_after_the_race(chat: Chat) -> None:
    """Trial finding: "why no jumps?" in race season gave the base phase's answer."""
    await chat.command("/today")  # Tue 1 Dec
    await chat.command("/race 2026-12-13")
    state = await chat.state()
    assert state.phase is Phase.RACE_SEASON
    assert state.race_date == date(2026, 12, 13)
    said = texts(await chat.say("why no jumps?"))
    assert "base is built" not in said
    assert "until after your race" in said
    assert "13 Dec" in said
    assert "post-race recovery" in said
    assert post_race_days(state.race_distance) >= 1
    assert (await chat.state()).phase is Phase.RACE_SEASON  # a question changes nothing
    assert await chat.completions() == []


async def test_why_no_jumps_in_base_still_says_after_the_base(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("why no jumps?"))
    assert "once the base is built" in said


async def test_a_day_said_to_be_skipped_says_so_when_asked_about(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("can't do tomorrow's session, work trip")
    (answer,) = await chat.say("what's on tomorrow?")
    assert "You told me you'll skip this one" in answer.text
    (other,) = await chat.say("what's on the day after tomorrow?")
    assert "skip this one" not in other.text
