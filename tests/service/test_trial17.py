"""Session seventeen's new-user trial: someone else's all-clear (said any way) never
clears the runner's hold or answers a clearing question; a calf warm or puffy after a
flight is a possible clot; an emergency is answered before a log said with it; a skip for
the flu gets the illness advice; a log said beside a sign and a setting is kept; "7 and
half" is 07:30; "no reminder in the weekend" is no break."""

from __future__ import annotations

from datetime import time

import pytest

from bot.core.records import CompletionStatus
from bot.core.vocabulary import Area, Phase, RedFlag
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, texts

NERVE = "sharp tingling down my right leg on the hops"


@pytest.mark.parametrize(
    "said",
    [
        "Talked to my buddy Mike who's a doctor and he said he was cleared for the same thing "
        "last year so I think I'm good to go",
        "my buddy's doctor said he's good to go",
        "my friend's doctor cleared her",
    ],
)
async def test_someone_elses_all_clear_clears_nothing(chat: Chat, said: str) -> None:
    await chat.command("/today")
    await chat.say(NERVE)
    chat.next_day()
    chat.next_day()
    replies = texts(await chat.say(said))
    assert "go-ahead" not in replies
    assert "Check 1" not in replies
    assert Area.LEG in (await chat.state()).held_areas


async def test_someone_elses_all_clear_answers_no_clearing_question(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(NERVE)
    chat.next_day()
    chat.next_day()
    await chat.command("/clear")
    asked = texts(await chat.say("my buddy got cleared yes"))
    assert "has a doctor or physiotherapist checked" in asked
    await chat.say("yes physio cleared me")
    again = texts(await chat.say("my wife's doctor cleared her"))
    assert "have the pain shooting down the leg" in again  # the sign question, asked again
    assert "Check 1" not in again


@pytest.mark.parametrize(
    "said",
    [
        "my calf feels hot and tight since the long haul flight",
        "left calf puffy and warm since the plane",
    ],
)
async def test_a_warm_calf_after_a_flight_is_a_possible_clot(chat: Chat, said: str) -> None:
    await chat.command("/today")
    replies = texts(await chat.say(said))
    assert "blood clot" in replies
    (report,) = await chat.reports()
    assert RedFlag.CLOT_SIGNS in report.red_flags


async def test_an_emergency_comes_before_the_log_said_with_it(chat: Chat) -> None:
    await chat.command("/today")
    chat.next_day()
    replies = await chat.say(
        "numb around my bum and cant pee properly since yesterday, did yesterdays session 5"
    )
    assert "urgent medical care" in replies[0].text
    assert replies[0].text.index("urgent") < replies[0].text.find("Logged") or (
        "Logged" not in replies[0].text
    )


async def test_a_skip_for_the_flu_gets_the_illness_advice(chat: Chat) -> None:
    await chat.command("/today")
    replies = texts(await chat.say("i dont do the session today, i am sick with flu 🤒"))
    assert "Rest while you're ill" in replies
    (log,) = await chat.completions()
    assert log.status is CompletionStatus.SKIPPED


async def test_a_log_beside_a_sign_and_a_setting_is_kept(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(
        "did todays mobility, effort 3. on my easy run my right knee suddenly gave way going "
        "down stairs after, it felt wobbly and a bit swollen now, also pls remind me at 7 instead"
    )
    (log,) = await chat.completions()
    assert (log.status, log.rpe) == (CompletionStatus.DONE, 3)
    (report,) = await chat.reports()
    assert RedFlag.GIVING_WAY in report.red_flags
    assert (await chat.runner()).reminder_time == time(7, 0)


async def test_seven_and_half_is_half_past_seven(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("remind me at 7 and half please")
    assert (await chat.runner()).reminder_time == time(7, 30)


async def test_no_reminder_in_the_weekend_is_no_break(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("please no reminder in the weekend")
    state = await chat.state()
    assert state.phase is not Phase.PAUSED
    assert state.pause_planned_from is None


async def test_a_clearance_said_as_getting_back_starts_the_checks(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("on my easy run my right knee suddenly gave way going down stairs, swollen now")
    chat.next_day()
    chat.next_day()
    said = texts(
        await chat.say("saw the physio again, knee is stable now and she cleared me to get back")
    )
    assert "go-ahead" in said
    assert "aren't paused" not in said


async def test_a_joint_that_just_gave_way_gets_no_strength_day(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    clock.advance(days=21)  # Tue 22 Dec, in the first dynamic block; Wed is a strength day
    await chat.say("on my easy run my right knee suddenly gave way on the stairs, a bit swollen")
    clock.advance(days=1)
    (today, *_) = await chat.command("/today")
    assert "Strength day" not in today.text
    assert "Gentle mobility instead of strength today" in today.text


@pytest.mark.parametrize(
    "said",
    [
        "hubby was told by the doc its nothing, all clear 👍",
        "wife saw the doc and got the all clear",
    ],
)
async def test_a_spouses_all_clear_said_without_my_clears_nothing(chat: Chat, said: str) -> None:
    await chat.command("/today")
    await chat.say("my calf is hot and swollen after the flight")
    chat.next_day()
    replies = texts(await chat.say(said))
    assert "go-ahead" not in replies
    assert "Check 1" not in replies


@pytest.mark.parametrize(
    "said",
    [
        "skipped today, calf swolen n warm after long flite 🥲",
        "lower leg all puffy after 9hr flight",
    ],
)
async def test_a_swollen_leg_after_a_flight_said_any_way_is_a_possible_clot(
    chat: Chat, said: str
) -> None:
    await chat.command("/today")
    assert "blood clot" in texts(await chat.say(said))


async def test_running_asked_under_a_clot_hold_gives_the_clots_reason(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("my calf is hot and swollen after the flight")
    chat.next_day()
    said = texts(await chat.say("my partner was cleared by a doctor, can i run now?"))
    assert "blood clot" in said
    assert "bone stress" not in said
    assert "red or hot and swelling" not in said


async def test_a_reminder_time_is_no_pain_score(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("remind me 7.15 pls. right calf swollen and hot after long haul flight")
    (report,) = await chat.reports()
    assert report.severity is None
    assert (await chat.runner()).reminder_time == time(7, 15)


async def test_an_effort_beside_a_sign_and_other_days_is_no_pain_score(chat: Chat) -> None:
    await chat.command("/today")
    for _ in range(8):
        chat.next_day()  # Wed 9 Dec: Monday the 7th and Tuesday the 8th
    await chat.say("did monday 5 and tuesday 6, knee swollen after")
    (report,) = await chat.reports()
    assert report.severity is None
