"""A run the runner says they will go on under a hold, and a clinician question answered
with how it feels (session fourteen's trial): the hold's answer, never silence or "sorry,
I didn't get that" (docs/coaching.md, "Running under a hold"; "Clearing a hold")."""

from __future__ import annotations

from bot.core.vocabulary import Area
from tests.service.conftest import Chat, button, buttons


async def _foot_held(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("cant put any weight on my left foot since yesterday")
    chat.next_day()


async def test_an_easy_jog_said_under_a_bone_stress_hold_is_answered(chat: Chat) -> None:
    await _foot_held(chat)
    (said,) = await chat.say("I'll just do an easy jog on it tomorrow and see how it goes")
    assert "Not yet, not even an easy jog" in said.text
    assert Area.FOOT in (await chat.state()).held_areas


async def test_feeling_fine_with_no_one_seen_is_no_clearance(chat: Chat) -> None:
    await _foot_held(chat)
    (asked,) = await chat.say("fine now")
    assert "cleared you" in asked.text
    (stays,) = await chat.say("no haven't seen anyone, it's fine now though so I'm going to run")
    assert "hold stays" in stays.text
    assert "no running or jumping on it, not even an easy jog" in stays.text
    assert Area.FOOT in (await chat.state()).held_areas


async def test_a_run_said_beside_a_log_keeps_the_log(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("knee swollen")
    chat.next_day()
    await chat.say("did today's session, 4, going for a run later")
    assert len(await chat.completions()) == 1


async def test_no_reminders_at_weekends_keeps_every_days_reminder(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("remind me at 7")
    before = await chat.runner()
    (said,) = await chat.say("no reminders at weekends please")
    assert "one time every day" in said.text
    runner = await chat.runner()
    assert runner.reminder_time == before.reminder_time is not None
    assert runner.next_reminder_at == before.next_reminder_at


async def test_undo_that_skip_takes_todays_log_back(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("skipping today")
    assert len(await chat.completions()) == 1
    (undone,) = await chat.say("undo that skip")
    assert "taken today's log off" in undone.text
    assert await chat.completions() == []
    (none,) = await chat.say("undo that skip")
    assert "nothing has changed" in none.text
    assert await chat.completions() == []


async def test_a_knee_that_locks_is_held_until_checked(chat: Chat) -> None:
    await chat.command("/today")
    (said,) = await chat.say("my knee locked up and wont straighten")
    assert "physiotherapist or doctor look at it" in said.text
    assert "locks, catches or won't straighten" in said.text
    assert "move it gently" not in said.text
    assert Area.KNEE in (await chat.state()).held_areas
    chat.next_day()
    (running,) = await chat.say("can I go for an easy run on it?")
    assert "Not yet, not even an easy jog" in running.text
    (asked,) = await chat.say("fine now")
    assert "cleared you" in asked.text
    (sign,) = await chat.press("v1|cc|yes")
    assert "moved freely, with no locking or catching" in sign.text
    (check,) = await chat.press("v1|cs|yes")
    assert "Check 1 of 5" in check.text
    assert "without it locking or catching" in check.text


async def test_a_typed_0_to_the_effort_question_asks_it_on_its_scale(chat: Chat) -> None:
    today = await chat.command("/today")
    await chat.press(button(today, "v1|dn|"))
    (asked,) = await chat.say("0")
    assert "from 1 (very easy) to 10" in asked.text
    assert any(data.startswith("v1|ef|") for data in buttons([asked]))
    await chat.say("5")
    (logged,) = await chat.completions()
    assert logged.rpe == 5
