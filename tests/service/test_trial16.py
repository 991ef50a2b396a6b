"""Session sixteen's second trial: a warning sign said beside a return from a trip is
triaged (it had been dropped for "You aren't paused"); a weekday and a date that no month
soon shares are asked about; a day rated after another day's log is logged too; "won't be
training til the 18th" is a break."""

from __future__ import annotations

from datetime import date

from bot.core.records import CompletionStatus
from bot.core.vocabulary import Area, Phase, RedFlag
from tests.service.conftest import Chat, texts


async def test_a_clot_sign_beside_a_trip_home_is_triaged(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say(
        "just back from a work trip to singapore, 13h flight, and my left calf is hot and "
        "swollen and really tight, hurts to walk. can i still do my session?"
    )
    said = texts(replies)
    assert "blood clot" in said
    assert "aren't paused" not in said
    (report,) = await chat.reports()
    assert report.area is Area.CALVES
    assert RedFlag.CLOT_SIGNS in report.red_flags
    assert (await chat.state()).held_areas


async def test_a_weekday_and_a_date_that_disagree_are_asked(chat: Chat) -> None:
    await chat.command("/today")  # Tue 1 Dec 2026: the next Sunday the 23rd is in May
    (asked,) = await chat.say("race is Sunday the 23rd")
    assert "isn't that weekday" in asked.text
    assert (await chat.runner()).race_date is None


async def test_today_rated_after_another_days_log_is_logged(chat: Chat) -> None:
    await chat.command("/today")
    chat.next_day()  # Wed 2 Dec
    await chat.say("did yesterday's, 5, today a 6")
    logs = {(c.on, c.status, c.rpe) for c in await chat.completions()}
    assert (date(2026, 12, 1), CompletionStatus.DONE, 5) in logs
    assert (date(2026, 12, 2), CompletionStatus.DONE, 6) in logs


async def test_wont_be_training_til_a_day_is_a_break(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("off to the in-laws with the kids til the 18th, wont be training")
    state = await chat.state()
    assert state.phase is Phase.PAUSED
    assert state.paused_until == date(2026, 12, 18)
