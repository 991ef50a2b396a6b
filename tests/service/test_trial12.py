"""Session twelve's trial findings, in my own phrasings: another activity asked about
under a hold that keeps running out is the clinician's call (not "not even an easy jog"),
a report of an area said without a side keeps the side it was reported with, and
training told as the runner's past logs nothing."""

from __future__ import annotations

import pytest

from bot.core.vocabulary import Area, Side
from tests.service.conftest import TODAY, Chat, texts


@pytest.mark.parametrize(
    "asked", ["is swimming ok instead of running?", "can i do the bike while it heals"]
)
async def test_another_activity_under_a_bone_stress_hold_is_the_clinicians_call(
    chat: Chat, asked: str
) -> None:
    await chat.command("/today")
    await chat.say("my shin aches at night, one spot on the bone")
    answer = texts(await chat.say(asked))
    assert "one for your doctor or physio" in answer
    assert "not even an easy jog" not in answer
    assert "Running and jumping stay out" in answer


async def test_running_asked_after_a_swim_is_still_running(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("my shin aches at night, one spot on the bone")
    answer = texts(await chat.say("can i run after my swim?"))
    assert "Not yet, not even an easy jog." in answer


async def test_a_report_without_a_side_keeps_the_areas_side(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("right hamstring tight, 4")
    chat.next_day()
    await chat.say("hamstring a bit better today, like a 2")
    latest = [r for r in await chat.reports() if r.area is Area.HAMSTRINGS][-1]
    assert latest.side is Side.RIGHT
    assert latest.severity == 2


@pytest.mark.parametrize("said", ["i did plyos for 3 years at college", "did box jumps years ago"])
async def test_training_told_as_the_past_logs_nothing(chat: Chat, said: str) -> None:
    await chat.command("/today")
    await chat.say(said)
    assert not await chat.completions()


async def test_a_city_and_a_reminder_in_one_message_say_the_new_time_once(chat: Chat) -> None:
    await chat.command("/today")
    answer = texts(await chat.say("im in porto now, msgs at half 7 pls"))
    assert "07:30" in answer
    assert "Reminders are off" not in answer
    assert "reminder now comes at" not in answer
    runner = await chat.runner()
    assert runner.timezone == "Europe/Lisbon"


async def test_a_log_said_to_be_yesterdays_not_todays_moves(chat: Chat) -> None:
    await chat.command("/today")
    chat.next_day()
    await chat.say("done todays, hard one 8/10")
    answer = texts(await chat.say("undo that i did yesterdays not todays"))
    assert "taken today's log off" in answer
    days = [c.on for c in await chat.completions()]
    assert days == [TODAY]  # the conftest clock's first day: yesterday by now
    assert "for yesterday" in answer


async def test_both_days_said_done_keep_both_logs(chat: Chat) -> None:
    await chat.command("/today")
    chat.next_day()
    await chat.say("done todays")
    await chat.say("did yesterdays as well")
    assert len(await chat.completions()) == 2


async def test_after_weeks_away_the_block_began_then_and_the_why_is_the_way_back(
    chat: Chat,
) -> None:
    await chat.command("/today")
    await chat.say("done")
    for _ in range(21):
        chat.next_day()
    answer = texts(await chat.say("hi"))
    assert "starts today" not in answer
    assert "began on" in answer
    why = texts(await chat.say("why am i on mobility only? i wasnt injured, just on holiday"))
    assert "you're on the way back" in why
    assert "a holiday counts" in why


async def test_a_low_number_for_a_held_area_is_no_normal_feedback(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("sharp pain in my left knee when i land the hops")
    chat.next_day()
    answer = texts(await chat.say("knee maybe 3/10 on stairs"))
    assert "normal training feedback" not in answer
    assert "plan stays as it is" not in answer
    assert "still on hold" in answer


async def test_the_physios_word_under_a_hold_is_no_new_report(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("sharp pain in my left knee when i land the hops")
    before = len(await chat.reports())
    chat.next_day()
    answer = texts(
        await chat.say(
            "saw the physio, tendon irritation, no jumping 2 weeks, running ok under 3/10"
        )
    )
    assert "What they told you comes first" in answer
    assert len(await chat.reports()) == before


async def test_minutes_said_of_what_was_done_change_no_setting(chat: Chat) -> None:
    await chat.command("/today")
    before = (await chat.runner()).session_minutes
    await chat.say("did 30 min of band stuff")
    assert (await chat.runner()).session_minutes == before


async def test_why_so_much_mobility_this_week_answers_for_the_week(chat: Chat) -> None:
    await chat.command("/today")
    answer = texts(await chat.say("why is there so much mobility this week"))
    assert "The next 7 days:" in answer
    assert "mobility days" in answer
    one = texts(await chat.say("why no jumps today?"))
    assert "The next 7 days" not in one
