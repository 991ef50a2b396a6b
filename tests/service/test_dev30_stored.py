"""Session seventeen's development set, end to end through the coach (what is stored, not
only what is said): a log, a nerve sign and a new reminder in one message are all kept,
the 6/10 the log's effort; a past day named after a skip is skipped with no break; "20
past 6" is 06:20; and "move the race to..." sets the race."""

from __future__ import annotations

from datetime import date, time

from bot.core.records import CompletionStatus
from bot.core.vocabulary import Area, Phase, RedFlag
from tests.service.conftest import Chat, texts


async def test_a_log_a_sign_and_a_reminder_in_one_message_are_all_kept(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say(
        "did it 6/10 and fyi theres been tingling down my left leg since the weekend, "
        "also can u remind me at 7 instead"
    )
    (log,) = await chat.completions()
    assert (log.status, log.rpe) == (CompletionStatus.DONE, 6)
    (report,) = await chat.reports()
    assert report.area is Area.LEG
    assert RedFlag.NUMBNESS_TINGLING in report.red_flags
    assert report.severity is None
    assert (await chat.runner()).reminder_time == time(7, 0)
    assert "tingling" in texts(replies).lower() or "nerve" in texts(replies).lower()


async def test_a_past_day_after_a_skip_is_skipped_with_no_break(chat: Chat) -> None:
    await chat.command("/today")  # Tue 1 Dec 2026
    chat.next_day()
    chat.next_day()  # Thu 3 Dec
    await chat.say("skipped yesterday (my nan's birthday) and tuesday (work trip)")
    skipped = {c.on for c in await chat.completions() if c.status is CompletionStatus.SKIPPED}
    assert skipped == {date(2026, 12, 2), date(2026, 12, 1)}
    assert (await chat.state()).phase is not Phase.PAUSED


async def test_minutes_past_the_hour_in_digits(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("can the reminder come at 20 past 6")
    assert (await chat.runner()).reminder_time == time(6, 20)


async def test_move_the_race_sets_it(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("move the race to the 25th of april")
    assert (await chat.runner()).race_date == date(2027, 4, 25)


async def test_a_hot_swollen_calf_holds_the_swelling_too_named_once(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("calf is hot and swollen since the long flight home"))
    (report,) = await chat.reports()
    assert {RedFlag.CLOT_SIGNS, RedFlag.SWELLING} <= report.red_flags
    assert "swelling that is red or hot." in said  # not "... and swelling"
    assert "blood clot" in said
