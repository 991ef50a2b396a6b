"""Race date, reminders, time zone, pauses: stored when valid, a kind refusal otherwise."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.vocabulary import Phase
from bot.service.messages import Location
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, texts


async def test_race_date_is_set_and_cleared(chat: Chat) -> None:
    (answer,) = await chat.command("/race 2027-04-12")
    assert answer.text.count("12 Apr 2027") == 1  # confirmed once, not "noted" and "saved"
    assert "noted" not in answer.text.lower()
    assert (await chat.state()).race_date == date(2027, 4, 12)
    assert (await chat.runner()).race_date == date(2027, 4, 12)
    assert "2027" in texts(await chat.command("/settings"))

    (cleared,) = await chat.command("/race off")
    assert cleared.text.lower().count("race date") == 1  # not "cleared" and then "removed"
    assert "removed" in cleared.text.lower()
    assert (await chat.state()).race_date is None
    assert (await chat.runner()).race_date is None


async def test_race_date_in_words(chat: Chat) -> None:
    await chat.say("my race is on 2027-04-12")
    assert (await chat.state()).race_date == date(2027, 4, 12)


@pytest.mark.parametrize("args", ["2020-01-01", "banana", "2027-13-45"])
async def test_a_bad_race_date_is_refused_and_nothing_stored(chat: Chat, args: str) -> None:
    await chat.command("/race 2027-04-12")
    (refusal,) = await chat.command(f"/race {args}")
    assert "past" in refusal.text or "/race 2027-04-12" in refusal.text
    assert (await chat.state()).race_date == date(2027, 4, 12)


async def test_race_off_without_a_race(chat: Chat) -> None:
    (answer,) = await chat.command("/race off")
    assert "no race date" in answer.text
    (hint,) = await chat.command("/race")
    assert "/race 2027-04-12" in hint.text


async def test_a_race_three_weeks_out_starts_race_season(chat: Chat) -> None:
    await chat.command("/today")
    await chat.command("/race 2026-12-13")
    assert (await chat.state()).phase is Phase.RACE_SEASON


async def test_reminder_time_is_repeated_as_hh_mm_and_stored(chat: Chat) -> None:
    (answer,) = await chat.command("/remind 06:45")
    assert "06:45" in answer.text
    assert (await chat.runner()).reminder_time == time(6, 45)
    assert "06:45" in texts(await chat.command("/settings"))


@pytest.mark.parametrize(
    ("args", "shown", "stored"),
    [("7", "07:00", time(7, 0)), ("7am", "07:00", time(7, 0)), ("6.30", "06:30", time(6, 30))],
)
async def test_reminder_times_in_other_spellings(
    chat: Chat, args: str, shown: str, stored: time
) -> None:
    (answer,) = await chat.command(f"/remind {args}")
    assert shown in answer.text
    assert (await chat.runner()).reminder_time == stored


async def test_reminder_in_words(chat: Chat) -> None:
    (answer,) = await chat.say("remind me at 7:30")
    assert "07:30" in answer.text
    assert (await chat.runner()).reminder_time == time(7, 30)


async def test_reminders_off(chat: Chat) -> None:
    await chat.command("/remind 06:45")
    (answer,) = await chat.command("/remind off")
    assert "off" in answer.text
    assert (await chat.runner()).reminder_time is None


async def test_stopping_the_messages_suggests_the_runners_own_time_to_turn_back_on(
    chat: Chat,
) -> None:
    """Trial finding: the runner's time was 07:30, the reply suggested /remind 07:00."""
    await chat.say("remind me at 7:30")
    (answer,) = await chat.say("stop the messages")
    assert "off" in answer.text
    assert "/remind 07:30" in answer.text
    assert "07:00" not in answer.text
    assert (await chat.runner()).reminder_time is None
    (back,) = await chat.command("/remind 07:30")
    assert (await chat.runner()).reminder_time == time(7, 30)
    assert "07:30" in back.text


@pytest.mark.parametrize("args", ["25:99", "24:00", "soon", "<b>6</b>"])
async def test_a_bad_reminder_time_is_refused_and_nothing_changes(chat: Chat, args: str) -> None:
    await chat.command("/remind 06:45")
    (refusal,) = await chat.command(f"/remind {args}")
    assert "Nothing was changed" in refusal.text
    assert "/remind 06:45" in refusal.text
    assert "<b>6</b>" not in refusal.text
    assert (await chat.runner()).reminder_time == time(6, 45)


@pytest.mark.parametrize(
    ("args", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("tokyo", "Asia/Tokyo"),
        ("new york", "America/New_York"),
        ("Manchester", "Europe/London"),
        ("Manchester UK", "Europe/London"),
        ("Edinburgh", "Europe/London"),
        ("Portland, Maine", "America/New_York"),
        ("Cambridge MA", "America/New_York"),
    ],
)
async def test_time_zone_by_name_or_city(chat: Chat, args: str, zone: str) -> None:
    (answer,) = await chat.command(f"/timezone {args}")
    assert zone in answer.text
    assert (await chat.runner()).timezone == zone


@pytest.mark.parametrize("args", ["narnia", "hi", "<script>"])
async def test_an_unknown_time_zone_is_refused_and_unchanged(chat: Chat, args: str) -> None:
    await chat.command("/timezone Europe/Berlin")
    (refusal,) = await chat.command(f"/timezone {args}")
    assert "don't know" in refusal.text
    assert "<script>" not in refusal.text
    assert (await chat.runner()).timezone == "Europe/Berlin"


async def test_a_city_several_places_bear_is_asked_about_with_buttons(chat: Chat) -> None:
    await chat.command("/timezone Europe/Berlin")
    (ask,) = await chat.say("I'm in Cambridge now")
    assert "more than one" in ask.text
    buttons = {label: data for row in ask.keyboard for label, data in row}
    assert "Cambridge, United Kingdom" in buttons
    assert "Cambridge, Massachusetts, United States" in buttons
    assert (await chat.runner()).timezone == "Europe/Berlin"  # nothing guessed
    (answer,) = await chat.press(buttons["Cambridge, Massachusetts, United States"])
    assert "America/New_York" in answer.text
    assert (await chat.runner()).timezone == "America/New_York"


async def test_a_forged_time_zone_button_is_refused(chat: Chat) -> None:
    await chat.command("/timezone Europe/Berlin")
    (answer,) = await chat.press("v1|tz|Mars/Olympus")
    assert answer.toast
    assert (await chat.runner()).timezone == "Europe/Berlin"


async def test_time_zone_without_a_name_asks_for_a_location(chat: Chat) -> None:
    (ask,) = await chat.command("/timezone")
    assert ask.request_location


async def test_a_shared_location_sets_the_time_zone(chat: Chat) -> None:
    (answer,) = await chat.send(Location(52.52, 13.405))
    assert "Europe/Berlin" in answer.text
    assert (await chat.runner()).timezone == "Europe/Berlin"
    (refusal,) = await chat.send(Location(999.0, 0.0))
    assert "city" in refusal.text
    assert (await chat.runner()).timezone == "Europe/Berlin"


async def test_the_time_zone_moves_the_runners_day(chat: Chat) -> None:
    await chat.command("/timezone America/Los_Angeles")  # 07:00 UTC is 23:00 the day before
    today = texts(await chat.command("/today"))
    assert "Mon 30 Nov" in today


async def test_pause_for_two_weeks_by_default_then_resume(chat: Chat) -> None:
    await chat.command("/today")
    (paused,) = await chat.command("/pause")
    assert "Tue 15 Dec" in paused.text
    assert "/resume" in paused.text
    state = await chat.state()
    assert state.phase is Phase.PAUSED
    assert state.paused_until == date(2026, 12, 15)
    assert (await chat.runner()).paused_until == date(2026, 12, 15)
    (resumed,) = await chat.command("/resume")
    assert "Welcome back" in resumed.text
    assert resumed.text.count("Welcome back") == 1
    state = await chat.state()
    assert state.phase is Phase.BASE
    assert state.paused_until is None


@pytest.mark.parametrize("text", ["can u pause it for a bit", "pause me for a while pls"])
async def test_a_break_of_no_length_is_asked_how_long_and_nothing_paused(
    chat: Chat, text: str
) -> None:
    await chat.command("/today")
    (asked,) = await chat.say(text)
    assert "How long" in asked.text
    assert "Nothing is paused" in asked.text
    assert (await chat.state()).phase is not Phase.PAUSED


async def test_pause_until_a_date(chat: Chat) -> None:
    await chat.command("/today")
    (paused,) = await chat.command("/pause 2026-12-20")
    assert "Sun 20 Dec" in paused.text
    assert (await chat.state()).paused_until == date(2026, 12, 20)
    (rest,) = await chat.command("/done")
    assert "break" in rest.text
    assert await chat.completions() == []


@pytest.mark.parametrize("args", ["2020-01-01", "soon"])
async def test_a_bad_pause_date_is_refused(chat: Chat, args: str) -> None:
    await chat.command("/today")
    (refusal,) = await chat.command(f"/pause {args}")
    assert "past" in refusal.text or "/pause 2026-12-20" in refusal.text
    assert (await chat.state()).phase is Phase.BASE


async def test_resume_when_not_paused_says_so(chat: Chat) -> None:
    await chat.command("/today")
    (answer,) = await chat.command("/resume")
    assert "aren't paused" in answer.text
    assert (await chat.state()).phase is Phase.BASE


async def test_settings_show_what_is_stored(chat: Chat) -> None:
    await chat.command("/remind 06:45")
    await chat.command("/timezone Europe/Berlin")
    await chat.command("/race 2027-04-12")
    settings = texts(await chat.command("/settings"))
    for shown in ("06:45", "Europe/Berlin", "12 Apr 2027", "beginner"):
        assert shown in settings


async def test_reminder_and_zone_changes_reschedule_at_once(chat: Chat) -> None:
    await chat.command("/remind 06:45")
    first = (await chat.runner()).next_reminder_at
    assert first is not None
    await chat.command("/timezone Asia/Kolkata")
    second = (await chat.runner()).next_reminder_at
    assert second is not None
    assert (second.hour, second.minute) == (1, 15)  # 06:45 in Kolkata is 01:15 UTC
    await chat.command("/remind off")
    assert (await chat.runner()).next_reminder_at is None


async def test_a_default_pause_ends_the_day_before_a_planned_break_and_keeps_it(
    chat: Chat, clock: FakeClock
) -> None:
    """Trial finding: "taking a break from today" with a ski break planned was merged
    into it, said "that's two weeks" (it was more), and "I'm back" dropped the ski break."""
    await chat.command("/today")  # Tue 1 Dec
    planned = texts(await chat.say("I'm away skiing from 10 December to 20 December"))
    assert "Break planned" in planned
    (paused,) = await chat.say("taking a break from today")
    assert "Wed 09 Dec" in paused.text or "Wed 9 Dec" in paused.text
    assert "9 days" in paused.text
    assert "two weeks" not in paused.text
    assert "still stands" in paused.text
    state = await chat.state()
    assert state.phase is Phase.PAUSED
    assert state.paused_until == date(2026, 12, 9)
    assert (state.pause_planned_from, state.pause_planned_until) == (
        date(2026, 12, 10),
        date(2026, 12, 20),
    )
    resumed = texts(await chat.say("I'm back"))
    assert "Welcome back" in resumed
    state = await chat.state()
    assert state.phase is Phase.BASE
    assert (state.pause_planned_from, state.pause_planned_until) == (
        date(2026, 12, 10),
        date(2026, 12, 20),
    )


async def test_a_default_pause_left_to_run_gives_way_to_the_planned_break(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    await chat.say("I'm away skiing from 10 December to 20 December")
    await chat.command("/pause")
    assert (await chat.state()).paused_until == date(2026, 12, 9)
    clock.advance(days=10)  # Fri 11 Dec: in the planned break
    await chat.command("/today")
    state = await chat.state()
    assert state.phase is Phase.PAUSED
    assert state.paused_until == date(2026, 12, 20)


async def test_a_pause_with_an_end_reaching_a_planned_break_joins_it(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("I'm away skiing from 10 December to 20 December")
    (paused,) = await chat.command("/pause 2026-12-12")
    assert "Sun 20 Dec" in paused.text
    state = await chat.state()
    assert state.paused_until == date(2026, 12, 20)
    assert state.pause_planned_from is None


async def test_a_pregnancy_told_in_chat_takes_jumps_out_at_once(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    replies = await chat.say("im pregnant actually, 12 weeks")
    assert "noted your pregnancy" in texts(replies)
    assert (await chat.runner()).pregnant
    for _ in range(21):  # three weeks on: no landing in any session
        plan = await chat.plan(clock)
        assert not any(item.contacts for item in plan.exercises)
        clock.advance(days=1)
    again = await chat.say("I'm pregnant")  # noted already: said once
    assert "noted your pregnancy" not in texts(again)
    other = await chat.say("my sister is pregnant")
    assert "noted" not in texts(other)


@pytest.mark.parametrize(
    "said", ["remind me at 8 tomorrow only, then back to normal", "just for tomorrow send it at 6"]
)
async def test_a_reminder_time_for_one_day_only_changes_nothing_and_says_why(
    chat: Chat, said: str
) -> None:
    await chat.command("/today")
    before = (await chat.runner()).reminder_time
    answer = texts(await chat.say(said))
    assert "one time every day" in answer
    assert (await chat.runner()).reminder_time == before


@pytest.mark.parametrize(
    "said",
    [
        "my mate tore his calf at parkrun on saturday",
        "my wife is running the brighton half on 11 april, i'll be there cheering",
    ],
)
async def test_someone_elses_runs_change_no_running_week(chat: Chat, said: str) -> None:
    await chat.command("/today")
    await chat.say("long run is sunday, marathon in may")
    before = await chat.runner()
    week = (before.run_days, before.long_run_day, before.race_distance)
    await chat.say(said)
    after = await chat.runner()
    assert (after.run_days, after.long_run_day, after.race_distance) == week


@pytest.mark.parametrize("said", ["race date is still the same btw", "/race"])
async def test_the_race_on_record_is_said_back_when_no_date_is_given(chat: Chat, said: str) -> None:
    await chat.command("/today")
    await chat.say("my race is on 3 may")
    race = (await chat.state()).race_date
    answer = texts(await (chat.command(said) if said.startswith("/") else chat.say(said)))
    assert "Your race is on <b>" in answer
    assert (await chat.state()).race_date == race
