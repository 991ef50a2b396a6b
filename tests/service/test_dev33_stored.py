"""Session nineteen's development set, end to end through the coach (what is stored): a
time asked for the day's message without the word reminder is the reminder; a skip beside
"the 3rd floor" is today's; a hand's pins and needles beside a log store no report; a
rating that has fallen is the one stored."""

from __future__ import annotations

from datetime import time

from bot.core.records import CompletionStatus
from bot.core.vocabulary import Area
from tests.service.conftest import Chat


async def test_send_it_7ish_sets_the_reminder(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("send it 7ish pls")
    assert (await chat.runner()).reminder_time == time(7, 0)
    await chat.say("can we move it to 7pm please")
    assert (await chat.runner()).reminder_time == time(19, 0)


async def test_a_skip_beside_the_3rd_floor_is_todays(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("I live on the 3rd floor so I can't really jump. Skipped today's session.")
    (log,) = await chat.completions()
    assert log.status is CompletionStatus.SKIPPED
    assert log.on == chat.coach.clock().date()


async def test_pins_and_needles_in_a_hand_store_no_report(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("pins and needles in my hand from holding my phone at the gym lol. done 4")
    (log,) = await chat.completions()
    assert (log.status, log.rpe) == (CompletionStatus.DONE, 4)
    assert await chat.reports() == []


async def test_the_rating_it_has_fallen_to_is_stored(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("tightness in my right IT band, was a 4, foam rolled it and it's down to a 2")
    (report,) = await chat.reports()
    assert (report.area, report.severity) == (Area.IT_BAND, 2)
